export * from './follow-up.schema';
export { followUpEventSchema, followUpWorkflow, joinReports, transition, type FollowUpCase, type FollowUpEvent } from './follow-up.workflow';
