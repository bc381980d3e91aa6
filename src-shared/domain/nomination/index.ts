export * from './nomination.schema';
export { nominationEventSchema, nominationWorkflow, transition, type NominationCase, type NominationEvent } from './nomination.workflow';
