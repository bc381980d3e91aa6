import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import { findUser } from '../../../auth/accounts';
import type { Database } from '../../../db/database';
import { PermanentJobError } from '../../../jobs/job-outcome';
import { canvasCourseSchema, canvasUserSchema } from './canvas-answers';
import type { CanvasClient } from './canvas-client';
import { ensureEnrolled } from './enrolments';

/** The course's SIS id in Canvas: stable per case, so a retried job finds the course it made. */
export const sisCourseIdOf = (c: CourseDeliveryCase) => `saksflyt-${c.id}`;

/**
 * `course.create`: finds the case's course by its SIS id or creates it in CANVAS_ACCOUNT_ID, and
 * enrols the teaching resource as teacher. The teacher's Canvas user is the one whose login
 * (sis_login_id) is the e-mail address of their Saksflyt account. Returns the course's Canvas id.
 */
export async function createCourse(canvas: CanvasClient, accountId: string, db: Database, c: CourseDeliveryCase): Promise<string> {
  const teacher = await teacherLogin(db, c);
  const { course } = c.details;
  const sisId = sisCourseIdOf(c);
  const found = await canvas.find(`api/v1/courses/sis_course_id:${encodeURIComponent(sisId)}`, canvasCourseSchema);
  const made =
    found ??
    (await canvas.post(
      `api/v1/accounts/${encodeURIComponent(accountId)}/courses`,
      {
        course: {
          name: course.name,
          course_code: course.code,
          start_at: `${course.startDate}T00:00:00Z`,
          end_at: `${course.endDate}T23:59:59Z`,
          sis_course_id: sisId,
        },
      },
      canvasCourseSchema,
    ));
  const teacherUser = await canvas.find(`api/v1/users/sis_login_id:${encodeURIComponent(teacher)}`, canvasUserSchema);
  // Not permanent: once the teacher's Canvas user exists, the job's next try goes through.
  if (!teacherUser) throw new Error(`Canvas has no user with the login ${teacher} (the teaching resource ${c.details.teachingResource.name})`);
  await ensureEnrolled(canvas, String(made.id), [teacherUser.id], 'TeacherEnrollment');
  return String(made.id);
}

async function teacherLogin(db: Database, c: CourseDeliveryCase): Promise<string> {
  const account = await findUser(db, { id: c.details.teachingResource.userId });
  if (!account?.email) throw new PermanentJobError(`The teaching resource ${c.details.teachingResource.name} has no account with an e-mail address`);
  return account.email;
}
