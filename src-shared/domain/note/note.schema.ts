import { z } from 'zod';
import { idSchema, isoDate, isoTimestamp } from '../case/case.schema';

/**
 * Who a note is for: `internal` to the institution's staff who work on the case, or `shared` with
 * the party outside it (the student, applicant, nominating partner or placement site). External
 * parties receive shared notes only; which staff roles read which is in access-table.ts.
 */
export const noteVisibilities = ['internal', 'shared'] as const;
export type NoteVisibility = (typeof noteVisibilities)[number];

/**
 * A note on a case. Append-only: a note is never edited after it is written;
 * a correction is a new note pointing at the one it corrects.
 */
export const noteSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  authorId: idSchema,
  authorName: z.string().max(200),
  createdAt: isoTimestamp,
  /** Encrypted at rest in the local replica. */
  text: z.string().min(1).max(20_000),
  visibility: z.enum(noteVisibilities),
  agreedMeasure: z.object({ text: z.string().min(1).max(2000), ownerName: z.string().max(200), due: isoDate }).optional(),
  correctsNoteId: idSchema.optional(),
});
export type Note = z.infer<typeof noteSchema>;
