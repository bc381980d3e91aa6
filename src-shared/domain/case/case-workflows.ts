import { approvalWorkflow } from '../approval/approval.workflow';
import { courseDeliveryWorkflow } from '../course-delivery/course-delivery.workflow';
import { followUpWorkflow } from '../follow-up/follow-up.workflow';
import { nominationWorkflow } from '../nomination/nomination.workflow';
import { placementWorkflow } from '../placement/placement.workflow';
import type { CaseWorkflow } from '../workflow/workflow';
import type { CaseType } from './case-type';

/** The workflow of each case type. */
export const caseWorkflows: Readonly<Record<CaseType, CaseWorkflow>> = {
  followUp: followUpWorkflow,
  nomination: nominationWorkflow,
  approval: approvalWorkflow,
  placement: placementWorkflow,
  courseDelivery: courseDeliveryWorkflow,
};

export function workflowOf(type: CaseType): CaseWorkflow {
  return caseWorkflows[type];
}
