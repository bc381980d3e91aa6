export { MessagesPanel } from './messages-panel';
