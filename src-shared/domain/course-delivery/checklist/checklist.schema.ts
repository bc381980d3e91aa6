import { z } from 'zod';
import { idSchema, isoTimestamp } from '../../case/case.schema';
import { checklistStepIds } from './checklist-steps';

/** Where a step of the checklist stands; a step not in the record has not started. */
export const checklistStates = ['notStarted', 'inProgress', 'done', 'notApplicable'] as const;
export type ChecklistState = (typeof checklistStates)[number];

export const checklistStateLabels: Record<ChecklistState, { nb: string; en: string }> = {
  notStarted: { nb: 'Ikke startet', en: 'Not started' },
  inProgress: { nb: 'Pågår', en: 'In progress' },
  done: { nb: 'Ferdig', en: 'Done' },
  notApplicable: { nb: 'Ikke aktuelt', en: 'Not applicable' },
};

export const checklistEntrySchema = z.object({
  state: z.enum(checklistStates),
  /** Why a step does not apply to this course (required for `notApplicable`). */
  reason: z.string().trim().max(1000).optional(),
  /** The outside system's reference of a step done there (archive number, EHF or Exledger invoice number). */
  reference: z.string().trim().max(100).optional(),
  changedAt: isoTimestamp,
  changedBy: idSchema,
});
export type ChecklistEntry = z.infer<typeof checklistEntrySchema>;

/** The course's checklist: one optional entry per step of the flowchart (checklist-steps.ts), nothing else. */
export const checklistSchema = z.strictObject(Object.fromEntries(checklistStepIds.map((id) => [id, checklistEntrySchema.optional()])));
export type Checklist = Partial<Record<string, ChecklistEntry>>;
