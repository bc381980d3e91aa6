import { z } from 'zod';
import { caseSchema, isoDate } from '../domain/case/case.schema';

/** What every rendered document is about: whose case, at which institution, on which day. */
export const institutionSchema = z.object({
  name: z.string().min(1).max(200),
  /** Unit that owns the case, e.g. "Avdeling for helsefag"; empty when none. */
  department: z.string().max(200),
  postalAddress: z.array(z.string().min(1).max(200)).max(4),
  /** Official e-mail address (postmottak) that appears on letters. */
  email: z.string().max(200),
});
export type Institution = z.infer<typeof institutionSchema>;

/** A member of staff as named on a document, e.g. { name: "Kari Nordmann", title: "Kullkoordinator" }. */
export const staffSchema = z.object({
  name: z.string().min(1).max(200),
  title: z.string().min(1).max(200),
});
export type Staff = z.infer<typeof staffSchema>;

export const studentSchema = z.object({
  name: z.string().min(1).max(200),
  studentNumber: z.string().max(20),
  email: z.string().max(200),
  postalAddress: z.array(z.string().min(1).max(200)).max(4),
});
export type Student = z.infer<typeof studentSchema>;

/** The head of every letter and protocol. */
export const documentHeadSchema = z.object({
  institution: institutionSchema,
  caseNumber: caseSchema.shape.caseNumber.min(1),
  /** Date printed on the document. */
  date: isoDate,
});
