import { randomUUID } from 'node:crypto';
import { registrationProblem, type RegistrationInput, type RegistrationRefusal } from '../../../src-shared/domain/course-delivery/participants';
import type { CourseRegistered } from '../../../src-shared/portal/course-registration.contract';
import { systemActor } from '../../../src-shared/domain/workflow/workflow';
import type { ServerSteps } from '../../cases/server-steps';
import { HttpError } from '../../http/http-error';
import { queueEmail } from '../../notifications/email-outbox';
import { createSqlEmailOutboxStore } from '../../notifications/sql-email-outbox-store';
import { openCourse, takesRegistrations } from './open-course';
import { receiptId, registrationReceipt } from '../../case-types/course-delivery/participant-mail/registration-receipt';

/**
 * A registration on a course's public page: checked against the course first (so a refusal
 * carries its reason and status), then taken as the server-only workflow step, which checks again
 * under the case's lock; the receipt is queued with the participant, in the same transaction.
 */
export async function registerForCourse(steps: ServerSteps, input: { caseId: string; registration: RegistrationInput; now: Date }): Promise<CourseRegistered> {
  const course = await openCourse(steps, input.caseId);
  const { registration: setup, participants = [] } = course.details;
  const refusal: RegistrationRefusal | null = takesRegistrations(course, input.now)
    ? registrationProblem(setup, participants, input.registration, input.now)
    : { code: 'closed', message: `Registration for this course closed on ${setup.deadline}` };
  if (refusal) throw refused(refusal);

  const participantId = randomUUID();
  const event = { type: 'registerParticipant', at: input.now.toISOString(), participantId, registration: input.registration } as const;
  // The receipt is queued in the step's own transaction: a stored registration always has its receipt.
  const result = await steps.take(course.id, event, systemActor, async (tx) => {
    await queueEmail(createSqlEmailOutboxStore(tx), registrationReceipt(course.details.course, input.registration), {
      id: receiptId(course.id, participantId),
      now: input.now,
    });
    return { email: true };
  });
  // Refused under the lock: the course changed since it was read (closed, or the same address just registered).
  if (!result.ok) throw new HttpError(409, 'conflict', 'conflict', result.message);
  return { participantId, status: 'registered' };
}

const statusOf: Record<RegistrationRefusal['code'], number> = { closed: 410, 'missing-field': 422, 'already-registered': 409 };

/** A refusal as its HTTP answer, the refusal's code (and the field missing) in the details. */
function refused(refusal: RegistrationRefusal): HttpError {
  const status = statusOf[refusal.code];
  const code = status === 409 ? 'conflict' : 'bad-request';
  return new HttpError(status, code, status === 409 ? 'conflict' : 'validation', refusal.message, { refusal: refusal.code, field: refusal.field });
}
