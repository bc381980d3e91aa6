export { caseTypes, type CaseType } from './case-type';
export { caseSchema, deadlineSchema, idSchema, isoDate, isoTimestamp, NO_DEADLINE, type Case } from './case.schema';
export { nextDeadlineOf } from './deadline';
export { caseWorkflows, workflowOf } from './case-workflows';
export { caseChangeReasons, checkCaseChange, type CaseChange, type CaseChangeReason, type CaseChangeResult } from './case-change';
