export { CertificatesPanel } from './certificates-panel';
