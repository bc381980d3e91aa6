import { z } from 'zod';
import { externalResultSchema, type ExternalResult } from '../domain/approval/approval.schema';
import { approvedCredits, checkVerdicts, courseVerdictSchema, type ApprovalOutcome } from '../domain/approval/decision';
import { decisionInputSchema } from './decision.schema';

/** How the letter names each verdict. */
export const approvalVerdictLabels: Record<ApprovalOutcome, string> = {
  approved: 'Godkjent',
  partlyApproved: 'Delvis godkjent',
  rejected: 'Ikke godkjent',
};

/**
 * One external course in the letter: the domain's verdict (institution code, course code, term,
 * verdict, credits approved, grounds) with what the letter names besides: the institution's and
 * the course's name and the course's own credits (omfang).
 */
export const approvalDecisionCourseSchema = courseVerdictSchema.extend({
  institutionName: externalResultSchema.shape.institutionName,
  name: externalResultSchema.shape.nameNb,
  courseCredits: externalResultSchema.shape.credits,
});
export type ApprovalDecisionCourse = z.infer<typeof approvalDecisionCourseSchema>;

/**
 * The approval case's decision letter: the shared decision letter's parts (legal basis, facts,
 * main considerations, appeal) plus the verdict per external course and the credits approved in
 * all. The verdicts must fit the courses as the case's own decision does (`checkVerdicts`), and
 * the total must be their sum, so the letter never states what the case did not decide.
 */
export const approvalDecisionInputSchema = decisionInputSchema
  .extend({
    courses: z.array(approvalDecisionCourseSchema).min(1).max(200),
    /** The sum of the courses' approved credits (checked below). */
    approvedCredits: z.number().min(0),
  })
  .superRefine((input, ctx) => {
    const refusal = checkVerdicts(input.courses, input.courses.map(asAcceptedResult));
    if (refusal) ctx.addIssue({ code: 'custom', path: ['courses'], message: refusal.refused });
    const sum = approvedCredits(input.courses);
    if (Math.abs(input.approvedCredits - sum) > 1e-9) {
      ctx.addIssue({ code: 'custom', path: ['approvedCredits'], message: `The courses approve ${sum} credits, not ${input.approvedCredits}` });
    }
  });
export type ApprovalDecisionInput = z.infer<typeof approvalDecisionInputSchema>;

/** The course as the accepted result `checkVerdicts` compares its verdict with; it reads institution, code, term and credits only. */
const asAcceptedResult = (course: ApprovalDecisionCourse): ExternalResult => ({
  category: 'course',
  institutionCode: course.institutionCode,
  institutionName: course.institutionName,
  code: course.code,
  nameNb: course.name,
  nameEn: '',
  term: course.term,
  credits: course.courseCredits,
  grade: '-', // not part of the letter
});
