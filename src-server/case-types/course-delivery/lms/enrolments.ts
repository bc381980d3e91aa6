import { canvasEnrollmentSchema } from './canvas-answers';
import type { CanvasClient } from './canvas-client';

export type EnrollmentType = 'TeacherEnrollment' | 'StudentEnrollment';

/** The course's enrolments of a type (active and invited; Canvas's default list). */
export const enrolmentsOf = (canvas: CanvasClient, courseId: string, type: EnrollmentType) =>
  canvas.list(`api/v1/courses/${encodeURIComponent(courseId)}/enrollments`, { 'type[]': [type] }, canvasEnrollmentSchema);

/** Enrols each user not enrolled with that type yet, active at once and without Canvas's own e-mail. */
export async function ensureEnrolled(canvas: CanvasClient, courseId: string, userIds: readonly number[], type: EnrollmentType): Promise<void> {
  const enrolled = new Set((await enrolmentsOf(canvas, courseId, type)).map((enrolment) => enrolment.user_id));
  for (const userId of userIds) {
    if (enrolled.has(userId)) continue;
    await canvas.post(
      `api/v1/courses/${encodeURIComponent(courseId)}/enrollments`,
      { enrollment: { user_id: userId, type, enrollment_state: 'active', notify: false } },
      canvasEnrollmentSchema,
    );
    enrolled.add(userId);
  }
}
