import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import type { CourseResult } from '../../../../src-shared/domain/course-delivery/participants';
import { canvasCourseIdOf } from '../course-case';
import type { CanvasClient } from './canvas-client';
import { enrolmentsOf } from './enrolments';
import { passed } from './passing-grade';

/**
 * `grades.read`: the final grade of every student enrolment in the course (Enrollments API,
 * `grades.final_grade` / `final_score`), matched to the participants by SIS user id (= participant
 * id), else by login (= registered e-mail, a user Canvas had before), and named by the e-mail and
 * name they registered with. Students Canvas has no grade for, and enrolments that are no
 * participant of the case (a test student), are left out.
 */
export async function readGrades(canvas: CanvasClient, c: CourseDeliveryCase): Promise<CourseResult[]> {
  const admitted = (c.details.participants ?? []).filter((p) => p.status === 'admitted');
  const byId = new Map(admitted.map((p) => [p.id, p]));
  const byLogin = new Map(admitted.map((p) => [p.email.toLowerCase(), p]));
  const entries = new Map<string, CourseResult>();
  for (const enrolment of await enrolmentsOf(canvas, canvasCourseIdOf(c), 'StudentEnrollment')) {
    const login = enrolment.user?.login_id?.toLowerCase();
    const participant = (enrolment.sis_user_id && byId.get(enrolment.sis_user_id)) || (login && byLogin.get(login)) || undefined;
    const pass = passed(enrolment.grades);
    if (!participant || pass === undefined) continue;
    // A participant in two sections is listed once.
    entries.set(participant.email.toLowerCase(), { email: participant.email, name: participant.name, result: pass ? 'passed' : 'failed' });
  }
  return [...entries.values()];
}
