import { z } from 'zod';
import { isoTimestamp } from '../case/case.schema';
import { refuse, type Refusal } from '../workflow/workflow';
import type { ExternalResult } from './approval.schema';

/** The verdict on one external course, and the outcome of the case (derived from the verdicts). */
export const approvalOutcomes = ['approved', 'partlyApproved', 'rejected'] as const;
export type ApprovalOutcome = (typeof approvalOutcomes)[number];

const credits = z.number().min(0).max(600);

/** The decision on one course of the accepted external results (named by institution, code and term). */
export const courseVerdictSchema = z.object({
  institutionCode: z.string().min(1).max(10),
  code: z.string().min(1).max(40),
  term: z.string().min(1).max(20),
  verdict: z.enum(approvalOutcomes),
  /** Credits approved for it: all of the course's for approved, fewer for partly, 0 for rejected. */
  credits,
  grounds: z.string().min(1).max(4000),
});
export type CourseVerdict = z.infer<typeof courseVerdictSchema>;
export const courseVerdictsSchema = z.array(courseVerdictSchema).min(1).max(200);

export const approvalDecisionSchema = z.object({
  decidedAt: isoTimestamp,
  /** Derived from the verdicts (see `decisionOutcome`). */
  outcome: z.enum(approvalOutcomes),
  /** The sum of the verdicts' credits. */
  approvedCredits: credits,
  /** Legal basis and the grounds for the case as a whole. */
  grounds: z.string().min(1).max(8000),
  courses: courseVerdictsSchema,
});
export type ApprovalDecision = z.infer<typeof approvalDecisionSchema>;

/** All courses approved → approved, none approved (even in part) → rejected, else partly approved. */
export function decisionOutcome(verdicts: readonly CourseVerdict[]): ApprovalOutcome {
  if (verdicts.every((v) => v.verdict === 'approved')) return 'approved';
  return verdicts.every((v) => v.verdict === 'rejected') ? 'rejected' : 'partlyApproved';
}

export const approvedCredits = (verdicts: readonly CourseVerdict[]): number => verdicts.reduce((sum, v) => sum + v.credits, 0);

/**
 * Whether the verdicts fit the accepted results: each names one accepted course, once, with
 * credits its verdict allows (approved: the course's credits; partly: some, not all; rejected: none).
 */
export function checkVerdicts(verdicts: readonly CourseVerdict[], accepted: readonly ExternalResult[]): Refusal | null {
  const seen = new Set<string>();
  for (const v of verdicts) {
    const name = `${v.institutionCode} ${v.code} (${v.term})`;
    const course = accepted.find((r) => r.category === 'course' && r.institutionCode === v.institutionCode && r.code === v.code && r.term === v.term);
    if (!course) return refuse(`${name} is not among the accepted external results`);
    if (seen.has(name)) return refuse(`${name} has more than one verdict`);
    seen.add(name);
    const fits =
      v.verdict === 'approved' ? v.credits === course.credits : v.verdict === 'rejected' ? v.credits === 0 : v.credits > 0 && v.credits < course.credits;
    if (!fits) return refuse(`${name}: ${v.credits} credits do not fit "${v.verdict}" of a ${course.credits}-credit course`);
  }
  return null;
}
