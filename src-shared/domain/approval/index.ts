export * from './approval.schema';
export { approvalEventSchema, approvalWorkflow, transition, type ApprovalCase, type ApprovalEvent } from './approval.workflow';
