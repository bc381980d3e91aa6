import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import type { Participant } from '../../../../src-shared/domain/course-delivery/participants';
import { canvasCourseIdOf } from '../course-case';
import { canvasUserSchema } from './canvas-answers';
import type { CanvasClient } from './canvas-client';
import { ensureEnrolled } from './enrolments';

/**
 * `users.enrol`: every admitted participant gets a Canvas user — found by their SIS user id (the
 * participant's id) or by their login (the registered e-mail, e.g. from an earlier course), else
 * created in CANVAS_ACCOUNT_ID with both — and an active student enrolment in the course. Safe to
 * repeat: nothing is made twice.
 */
export async function enrolParticipants(canvas: CanvasClient, accountId: string, c: CourseDeliveryCase): Promise<void> {
  const courseId = canvasCourseIdOf(c);
  const admitted = (c.details.participants ?? []).filter((p) => p.status === 'admitted');
  const userIds: number[] = [];
  for (const participant of admitted) userIds.push(await canvasUserOf(canvas, accountId, participant));
  await ensureEnrolled(canvas, courseId, userIds, 'StudentEnrollment');
}

async function canvasUserOf(canvas: CanvasClient, accountId: string, participant: Participant): Promise<number> {
  const found =
    (await canvas.find(`api/v1/users/sis_user_id:${encodeURIComponent(participant.id)}`, canvasUserSchema)) ??
    (await canvas.find(`api/v1/users/sis_login_id:${encodeURIComponent(participant.email)}`, canvasUserSchema));
  if (found) return found.id;
  const made = await canvas.post(
    `api/v1/accounts/${encodeURIComponent(accountId)}/users`,
    {
      user: { name: participant.name, skip_registration: true },
      pseudonym: { unique_id: participant.email, sis_user_id: participant.id, send_confirmation: false },
      communication_channel: { type: 'email', address: participant.email, skip_confirmation: true },
    },
    canvasUserSchema,
  );
  return made.id;
}
