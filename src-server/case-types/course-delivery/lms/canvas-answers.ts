import { z } from 'zod';

/**
 * The parts of Canvas's documented objects (Courses, Users, Enrollments, Discussion Topics API)
 * the adapter reads; Canvas sends more, which is ignored.
 */
const canvasId = z.number().int().positive();

export const canvasCourseSchema = z.object({ id: canvasId, name: z.string(), sis_course_id: z.string().nullish() });
export const canvasUserSchema = z.object({ id: canvasId, name: z.string() });

export const canvasEnrollmentSchema = z.object({
  id: canvasId,
  user_id: canvasId,
  type: z.string(),
  enrollment_state: z.string(),
  sis_user_id: z.string().nullish(),
  user: z.object({ login_id: z.string().nullish() }).nullish(),
  /** Present on student enrolments: the course's computed grade, by the course's grading scheme and as a percentage. */
  grades: z.object({ final_score: z.number().nullish(), final_grade: z.string().nullish() }).nullish(),
});
export type CanvasEnrollment = z.infer<typeof canvasEnrollmentSchema>;

export const canvasTopicSchema = z.object({ id: canvasId, title: z.string().nullish(), message: z.string().nullish() });
