import { z } from 'zod';
import type { courseworkStates } from '../../../src-shared/domain/follow-up/follow-up.schema';

export type CourseworkState = (typeof courseworkStates)[number];

/** The fields of a Canvas Submission object the status is read from (all others pass through). */
export const canvasSubmissionSchema = z.looseObject({
  assignment_id: z.number().int(),
  workflow_state: z.string(),
  grade: z.string().nullish(),
  score: z.number().nullish(),
  excused: z.boolean().nullish(),
  missing: z.boolean().nullish(),
  redo_request: z.boolean().nullish(),
  grade_matches_current_submission: z.boolean().nullish(),
  assignment: z.looseObject({ id: z.number().int(), name: z.string(), due_at: z.string().nullish() }).nullish(),
});
export type CanvasSubmission = z.infer<typeof canvasSubmissionSchema>;

const PASSED = new Set(['complete', 'pass', 'passed', 'godkjent', 'bestått', 'a', 'b', 'c', 'd', 'e']);
const FAILED = new Set(['incomplete', 'fail', 'failed', 'ikke godkjent', 'ikke bestått', 'f']);

/**
 * Mandatory coursework (arbeidskrav) is graded pass/fail, in Canvas usually "complete" /
 * "incomplete". An excused submission counts as approved; a resubmission the teacher asked for
 * (`redo_request`) as resubmissionRequired; a new attempt after grading as submitted again.
 */
export function courseworkStateOf(submission: CanvasSubmission): CourseworkState {
  if (submission.excused) return 'approved';
  if (submission.redo_request) return 'resubmissionRequired';
  const graded = submission.workflow_state === 'graded' && submission.grade_matches_current_submission !== false;
  if (graded) {
    const grade = (submission.grade ?? '').trim().toLowerCase();
    if (FAILED.has(grade)) return 'notApproved';
    if (PASSED.has(grade) || (submission.score ?? 0) > 0) return 'approved';
    return 'notApproved';
  }
  if (submission.workflow_state === 'submitted' || submission.workflow_state === 'pending_review' || submission.workflow_state === 'graded') {
    return 'submitted';
  }
  return 'notSubmitted';
}
