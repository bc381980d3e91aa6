import { z } from 'zod';
import { idSchema, isoTimestamp } from '../../case/case.schema';
import type { Participant } from './participant.schema';

/**
 * The course's results: the grades read from the LMS, or the pass list the teaching resource
 * uploads. Entries name the participant by the e-mail address they registered with (the address
 * the LMS knows them by), so the teaching resource never needs the registrations themselves.
 */
export const courseResultSchema = z.object({
  email: z.email().max(200),
  name: z.string().trim().min(1).max(200),
  result: z.enum(['passed', 'failed']),
});
export type CourseResult = z.infer<typeof courseResultSchema>;

export const courseResultsSchema = z.object({
  source: z.enum(['lms', 'teacher']),
  recordedAt: isoTimestamp,
  recordedBy: idSchema,
  entries: z
    .array(courseResultSchema)
    .max(1000)
    .refine((entries) => new Set(entries.map((e) => e.email.toLowerCase())).size === entries.length, 'Each participant is on the list once'),
});
export type CourseResults = z.infer<typeof courseResultsSchema>;

export interface PassList {
  /** Admitted participants with a passing result: they get a certificate. */
  passed: Participant[];
  failed: Participant[];
  /** Admitted participants the results do not mention. */
  missing: Participant[];
  /** Results that match no admitted participant (a typo in an uploaded list, a guest in the LMS). */
  unmatched: CourseResult[];
}

/** The pass list: the admitted participants matched to the results by e-mail address. */
export function passListOf(participants: readonly Participant[], results: CourseResults | undefined): PassList {
  const byEmail = new Map((results?.entries ?? []).map((entry) => [entry.email.toLowerCase(), entry]));
  const admitted = participants.filter((p) => p.status === 'admitted');
  const list: PassList = { passed: [], failed: [], missing: [], unmatched: [] };
  for (const participant of admitted) {
    const entry = byEmail.get(participant.email.toLowerCase());
    (entry ? (entry.result === 'passed' ? list.passed : list.failed) : list.missing).push(participant);
    byEmail.delete(participant.email.toLowerCase());
  }
  list.unmatched = [...byEmail.values()];
  return list;
}

/** Whether a change of the results holds: recorded in the actor's own name, by the teaching resource. */
export function resultsProblem(
  before: CourseResults | undefined,
  after: CourseResults | undefined,
  actorId: string,
  teachingResourceId: string,
): string | null {
  if (JSON.stringify(before) === JSON.stringify(after)) return null;
  if (!after) return 'Recorded results are not removed';
  if (actorId !== teachingResourceId) return 'Only the course’s teaching resource records the results';
  if (after.source !== 'teacher' || after.recordedBy !== actorId) return 'Results are recorded in your own name';
  return null;
}
