import type { CanvasEnrollment } from './canvas-answers';

/** Below this final score (percent) a course without a grading scheme is failed: the E limit of the A–F scale. */
export const PASS_SCORE = 40;

/** Grades of Canvas grading schemes that mean failed (compared without case): A–F's F and pass/fail's fail. */
const FAILING_GRADES = new Set(['f', 'ikke bestått', 'ikke godkjent', 'ib', 'fail', 'failed', 'not passed', 'incomplete']);

/**
 * Whether a student's final grade in Canvas is a pass: by the course's grading scheme when it has
 * one (any grade but a failing one passes), else by the final score (≥ PASS_SCORE). Undefined
 * when Canvas has neither (nothing graded): the participant is missing from the results.
 */
export function passed(grades: CanvasEnrollment['grades']): boolean | undefined {
  const grade = grades?.final_grade?.trim();
  if (grade) return !FAILING_GRADES.has(grade.toLowerCase());
  const score = grades?.final_score;
  return typeof score === 'number' ? score >= PASS_SCORE : undefined;
}
