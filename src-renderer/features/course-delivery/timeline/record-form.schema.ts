import { z } from 'zod';
import { checklistStates, type ChecklistEntry, type ChecklistStep } from '../../../../src-shared/domain/course-delivery/checklist';

export interface RecordFormMessages {
  reasonMissing: string;
  referenceMissing: string;
  tooLong: string;
}

/**
 * A step's record form: its state, a reason (required when it does not apply) and, for a step
 * done in P360, EHF or Exledger, that system's reference (required when done); the shared entry
 * schema's limits, with the messages in the UI language.
 */
export function recordFormSchema(step: ChecklistStep, messages: RecordFormMessages) {
  return z
    .object({
      state: z.enum(checklistStates),
      reason: z.string().trim().max(1000, messages.tooLong),
      reference: z.string().trim().max(100, messages.tooLong),
    })
    .superRefine((values, ctx) => {
      if (values.state === 'notApplicable' && !values.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: messages.reasonMissing });
      if (values.state === 'done' && step.reference && !values.reference)
        ctx.addIssue({ code: 'custom', path: ['reference'], message: messages.referenceMissing });
    });
}
export type RecordFormValues = z.output<ReturnType<typeof recordFormSchema>>;

/** The checklist entry the form's values make, in the actor's name; empty texts are left out, a reference only where the step has one. */
export function entryOf(step: ChecklistStep, values: RecordFormValues, actorId: string, at: string): ChecklistEntry {
  return {
    state: values.state,
    ...(values.reason ? { reason: values.reason } : {}),
    ...(step.reference && values.reference ? { reference: values.reference } : {}),
    changedAt: at,
    changedBy: actorId,
  };
}
