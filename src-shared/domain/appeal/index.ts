export { APPEAL_PERIOD_DAYS, appealDeadline } from './appeal-deadline';
