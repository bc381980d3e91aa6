import { canSeeCase, isTerminalStatus } from '../../../src-shared/domain/access/access';
import type { Actor } from '../../../src-shared/domain/access/roles';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { deadlineUrgency } from '../../../src-shared/domain/case/deadline-urgency';
import { followUpWorkflow } from '../../../src-shared/domain/follow-up/follow-up.workflow';

/**
 * Statuses in which a case waits for a signature: those left by a step that records one
 * (`…Signature` in what the step ensures), read from the workflow definition.
 */
export const awaitingSignatureStatuses: ReadonlySet<string> = new Set(
  followUpWorkflow.statusChanges.filter((step) => step.ensures.some((path) => path.endsWith('Signature'))).map((step) => step.from),
);

export interface FollowUpQueue {
  /** Assigned to the actor, or waiting for a step the actor may take now. */
  mine: Case[];
  /** The next deadline is overdue or due soon (the shared deadline rule). */
  dueSoon: Case[];
  awaitingSignature: Case[];
}

/** The coordinator's queue: open follow-up cases the actor may see, each list by next deadline. */
export function followUpQueue(cases: readonly Case[], actor: Actor, today: string): FollowUpQueue {
  const open = cases
    .filter((c) => c.type === 'followUp' && !isTerminalStatus('followUp', c.status) && canSeeCase(actor, c))
    .sort((a, b) => (a.nextDeadline === b.nextDeadline ? a.id.localeCompare(b.id) : a.nextDeadline < b.nextDeadline ? -1 : 1));
  return {
    mine: open.filter((c) => c.assignees.includes(actor.userId) || followUpWorkflow.allowedEvents(c, actor).length > 0),
    dueSoon: open.filter((c) => deadlineUrgency(c.nextDeadline, today) !== 'later'),
    awaitingSignature: open.filter((c) => awaitingSignatureStatuses.has(c.status)),
  };
}
