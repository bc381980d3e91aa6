export { ParticipantsPanel } from './participants-panel';
