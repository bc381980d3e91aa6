import { randomBytes } from 'node:crypto';
import forge from 'node-forge';

/** One demo key holder: a PKCS#12 file (key + chain) and the password that unlocks it. */
export interface DemoIdentity {
  commonName: string;
  pkcs12: Buffer;
  password: string;
  certificatePem: string;
}

export interface DemoCertificates {
  caCertificatePem: string;
  coordinator: DemoIdentity;
  student: DemoIdentity;
  /** The institution's seal (virksomhetssegl) for decision letters. */
  seal: DemoIdentity;
}

/**
 * Demo/test PKI made with node-forge: a demo CA and three end-entity certificates (coordinator,
 * student, institution seal), each packed as PKCS#12. NEVER for production use: the CA is
 * self-made and trusted by nothing.
 */
export function createDemoCertificates(options: { institution: string; coordinator: string; student: string; now: Date }): DemoCertificates {
  const notBefore = new Date(options.now.getTime() - 24 * 3600 * 1000);
  const notAfter = new Date(options.now.getTime() + 2 * 365 * 24 * 3600 * 1000);
  const caKeys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
  const caSubject = name([
    ['organizationName', options.institution],
    ['commonName', `${options.institution} demo-CA (kun for test)`],
  ]);
  const ca = certificate({ keys: caKeys, subject: caSubject, issuer: caSubject, issuerKey: caKeys.privateKey, notBefore, notAfter, isCa: true });

  const identity = (subject: forge.pki.CertificateField[]): DemoIdentity => {
    const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
    const cert = certificate({ keys, subject, issuer: caSubject, issuerKey: caKeys.privateKey, notBefore, notAfter, isCa: false, caCert: ca });
    const password = randomBytes(12).toString('base64url');
    const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert, ca], password, { algorithm: 'aes256', friendlyName: 'saksflyt' });
    return {
      commonName: readCommonName(cert),
      pkcs12: Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'),
      password,
      certificatePem: forge.pki.certificateToPem(cert),
    };
  };

  return {
    caCertificatePem: forge.pki.certificateToPem(ca),
    coordinator: identity(
      name([
        ['organizationName', options.institution],
        ['commonName', options.coordinator],
      ]),
    ),
    student: identity(name([['commonName', options.student]])),
    seal: identity(
      name([
        ['organizationName', options.institution],
        ['commonName', `${options.institution} – virksomhetssegl`],
      ]),
    ),
  };
}

/** Subject/issuer attributes as UTF8String (forge encodes the text itself), so Norwegian letters survive. */
function name(attributes: ReadonlyArray<readonly [string, string]>): forge.pki.CertificateField[] {
  // forge reads valueTagClass as the ASN.1 type of the value; its typings call it a tag class.
  const utf8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;
  return attributes.map(([field, value]) => ({ name: field, value, valueTagClass: utf8 }));
}

function readCommonName(cert: forge.pki.Certificate): string {
  return String(cert.subject.getField('CN')?.value ?? '');
}

function certificate(options: {
  keys: forge.pki.rsa.KeyPair;
  subject: forge.pki.CertificateField[];
  issuer: forge.pki.CertificateField[];
  issuerKey: forge.pki.rsa.PrivateKey;
  notBefore: Date;
  notAfter: Date;
  isCa: boolean;
  caCert?: forge.pki.Certificate;
}): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = options.keys.publicKey;
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`; // positive, 16 bytes
  cert.validity.notBefore = options.notBefore;
  cert.validity.notAfter = options.notAfter;
  cert.setSubject(options.subject);
  cert.setIssuer(options.issuer);
  cert.setExtensions([
    { name: 'basicConstraints', cA: options.isCa, critical: true },
    options.isCa
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    ...(options.isCa ? [] : [{ name: 'extKeyUsage', emailProtection: true }]),
    { name: 'subjectKeyIdentifier' },
    ...(options.caCert ? [{ name: 'authorityKeyIdentifier', keyIdentifier: options.caCert.generateSubjectKeyIdentifier().getBytes() }] : []),
  ]);
  cert.sign(options.issuerKey, forge.md.sha256.create());
  return cert;
}
