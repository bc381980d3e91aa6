export * from './nomination.schema';
export { nominationEventSchema, nominationWorkflow, transition, type NominationCase, type NominationEvent } from './nomination.workflow';
export * from './ewp-nomination';
export * from './ranking';
export * from './admission-mode';
export * from './nomination-csv';
export * from './education-offer';
export * from './ranking-record';
export * from './assessment';
