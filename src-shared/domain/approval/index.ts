export * from './approval.schema';
export * from './approval-details';
export * from './consent';
export * from './decision';
export * from './fs-status';
export * from './result-diff';
export * from './result-fetch';
export { approvalEventSchema, approvalWorkflow, transition, type ApprovalCase, type ApprovalEvent } from './approval.workflow';
