import type { Actor } from '../access/roles';
import type { Command } from '../workflow/command.schema';
import type { Label, TransitionReason } from '../workflow/workflow';
import type { Case } from './case.schema';
import type { CaseType } from './case-type';
import { workflowOf } from './case-workflows';

/** Any valid time: asks an event schema whether the event needs more than its type and time. */
const ANY_TIME = '2000-01-01T00:00:00.000Z';

export interface BulkStep {
  event: string;
  label: Label;
}

/**
 * The steps of a case type that can be taken for many cases at once: those whose event needs
 * nothing beyond what the app fills in (the time; the actor is the user), and that make no document
 * or signature on the case's own screen (`makes`), as those need each case's own input. Main path first.
 */
export function bulkSteps(type: CaseType): readonly BulkStep[] {
  let steps = stepsByType.get(type);
  if (!steps) {
    const workflow = workflowOf(type);
    steps = workflow.eventTypes
      .filter((event) => workflow.eventMakes(event) === undefined && workflow.eventSchema.safeParse({ type: event, at: ANY_TIME }).success)
      .map((event) => ({ event, label: workflow.eventLabel(event)! }));
    stepsByType.set(type, steps);
  }
  return steps;
}

const stepsByType = new Map<CaseType, readonly BulkStep[]>();

export type BulkRefusalReason = TransitionReason | 'not-in-bulk';

export type BulkStepResult = { ok: true; state: Case; commands: Command[] } | { ok: false; reason: BulkRefusalReason; message: string };

/**
 * The bulk step for one case, as `actor` at time `at`: allowed (the case after the step and the
 * step's commands), or refused with the workflow's reason, exactly as the step on the case's own
 * page would be (and as the server re-checks it).
 */
export function bulkStepFor(c: Case, event: string, actor: Actor, at: string): BulkStepResult {
  if (!bulkSteps(c.type).some((step) => step.event === event)) {
    return { ok: false, reason: 'not-in-bulk', message: `"${event}" is not a step a ${c.type} case can take in bulk` };
  }
  return workflowOf(c.type).transitionCase(c, { type: event, at }, actor);
}
