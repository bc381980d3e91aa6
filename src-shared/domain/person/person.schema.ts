import { z } from 'zod';
import { idSchema, isoTimestamp } from '../case/case.schema';

/** A student, applicant or contact a case concerns. */
export const personSchema = z.object({
  id: idSchema,
  givenName: z.string().min(1).max(100),
  familyName: z.string().min(1).max(100),
  /**
   * Fødselsnummer or D-number; encrypted at rest in the local replica. Empty when there is none,
   * and in the copy sent to a user who may not read it (need to know: access-table.ts).
   */
  nationalId: z.string().max(11),
  email: z.string().max(200),
  institution: z.string().max(100),
  /** Codes of the cohorts and courses the person belongs to: teachers receive the people of theirs. */
  cohorts: z.array(z.string().min(1).max(100)).max(200),
  updatedAt: isoTimestamp,
});
export type Person = z.infer<typeof personSchema>;
