import { z } from 'zod';
import { caseTypes } from './case-type';

/** ISO 8601 timestamp in UTC, e.g. 2026-11-22T10:15:00.000Z (sorts as text). */
export const isoTimestamp = z.iso.datetime().max(30);
/** Calendar date, e.g. 2026-12-01. */
export const isoDate = z.iso.date().max(10);

export const idSchema = z.string().min(1).max(64);

/**
 * Limits on lists of the replicated collections at schema version 0. They are refinements, not
 * `.max()`, so the local replica's RxDB schema stays the same (a changed schema needs a version
 * bump and a migration of every case on every laptop): fold them into `.max()` at the next bump.
 */
export const within =
  (max: number) =>
  (list: readonly unknown[]): boolean =>
    list.length <= max;
export const MAX_ASSIGNEES = 50;
export const MAX_DEADLINES = 50;

export const deadlineSchema = z.object({
  kind: z.string().max(40),
  due: isoDate,
  label: z.string().max(200),
});

/**
 * The fields every case has, whatever its type. Type-specific data lives in `details`
 * (each case type's own schema in src-shared/domain/<case-type>).
 *
 * The server's revision (its sequence number) is deliberately NOT a field here: it is kept
 * outside the document by the sync layer, so nothing a user edits can clash with it.
 */
export const caseSchema = z.object({
  id: idSchema,
  type: z.enum(caseTypes),
  /** Human-facing case number, e.g. 2026/00042. */
  caseNumber: z.string().max(20),
  title: z.string().min(1).max(300),
  /** Workflow state; the allowed values depend on `type`. */
  status: z.string().min(1).max(40),
  institution: z.string().max(100),
  department: z.string().max(100),
  /** Cohort or partner scope used by access rules; empty when none applies. */
  cohort: z.string().max(100),
  /** Person the case concerns (student, applicant); empty when none. */
  subjectPersonId: z.string().max(64),
  assignees: z.array(idSchema).refine(within(MAX_ASSIGNEES), `At most ${MAX_ASSIGNEES} assignees`),
  deadlines: z.array(deadlineSchema).refine(within(MAX_DEADLINES), `At most ${MAX_DEADLINES} deadlines`),
  /** Earliest open deadline, or '9999-12-31' when none: indexed for sorting and filtering. */
  nextDeadline: isoDate,
  /** Checked field by field against the case type's own schema (src-shared/domain/<case-type>). */
  details: z
    .record(z.string(), z.unknown())
    .refine((details) => Object.keys(details).length <= 40 && Object.keys(details).every((key) => key.length <= 60), 'At most 40 details fields'),
  createdAt: isoTimestamp,
  createdBy: idSchema,
  updatedAt: isoTimestamp,
  updatedBy: idSchema,
});
export type Case = z.infer<typeof caseSchema>;

export const NO_DEADLINE = '9999-12-31';
