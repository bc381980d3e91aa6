import { z } from 'zod';
import { idSchema, isoTimestamp } from '../case/case.schema';

/** A student, applicant or contact a case concerns. */
export const personSchema = z.object({
  id: idSchema,
  givenName: z.string().min(1).max(100),
  familyName: z.string().min(1).max(100),
  /** Fødselsnummer or D-number; encrypted at rest in the local replica. */
  nationalId: z.string().max(11),
  email: z.string().max(200),
  institution: z.string().max(100),
  updatedAt: isoTimestamp,
});
export type Person = z.infer<typeof personSchema>;
