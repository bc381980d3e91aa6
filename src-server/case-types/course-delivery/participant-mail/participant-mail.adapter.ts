import type { FastifyBaseLogger } from 'fastify';
import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import type { Participant } from '../../../../src-shared/domain/course-delivery/participants';
import type { IntegrationAdapter } from '../../../jobs/integration-jobs';
import type { EmailOutbox } from '../../../notifications/email-outbox';
import { canvasCourseIdOf, courseCaseOf } from '../course-case';
import { evaluationMessage, welcomeMessage } from './course-messages';
import { decisionMail, isDecision } from './decision-mail';
import { courseMailId } from './mail-id';

export interface ParticipantMailOptions {
  /** The e-mail outbox (sent by SMTP when the server has it). */
  email: Pick<EmailOutbox, 'enqueue'>;
  log: FastifyBaseLogger;
  /** CANVAS_URL, for the course's link in the welcome letter. */
  canvasUrl?: string;
}

/**
 * The course's e-mails to its participants (system `web`): `participants.decisions` (one e-mail
 * per decision: admitted, waitlisted, rejected), `participants.welcomeLetter` and
 * `participants.evaluation` (the head's texts, to the admitted). Each e-mail's outbox id is stable
 * per case, participant and kind (and decision, or evaluation link), so a job run again never mails
 * anyone twice. The other `web` operations (the landing page, certificates) are done outside the
 * app's jobs: they complete with a log line.
 */
export function participantMailAdapter(options: ParticipantMailOptions): IntegrationAdapter {
  const send = (to: Participant, message: { subject: string; text: string }, id: string) =>
    options.email.enqueue({ to: [to.email], cc: [], subject: message.subject.slice(0, 300), text: message.text, attachments: [] }, id);
  const admitted = (c: CourseDeliveryCase) => (c.details.participants ?? []).filter((p) => p.status === 'admitted');

  return async (operation, job, context) => {
    switch (operation) {
      case 'participants.decisions': {
        const c = await courseCaseOf(job, context.steps);
        for (const participant of c.details.participants ?? []) {
          const { status } = participant;
          if (isDecision(status)) await send(participant, decisionMail(c, participant, status), courseMailId(c.id, participant.id, 'decision', status));
        }
        return;
      }
      case 'participants.welcomeLetter': {
        const c = await courseCaseOf(job, context.steps);
        // The letter links the Canvas course: until it exists, the job is tried again later.
        canvasCourseIdOf(c);
        for (const participant of admitted(c)) {
          const { subject, body } = welcomeMessage(c, participant.name, options.canvasUrl);
          await send(participant, { subject, text: body }, courseMailId(c.id, participant.id, 'welcome'));
        }
        return;
      }
      case 'participants.evaluation': {
        const c = await courseCaseOf(job, context.steps);
        const link = c.details.evaluationInvite?.link;
        if (!link) return;
        for (const participant of admitted(c)) {
          const { subject, body } = evaluationMessage(c, participant.name, options.canvasUrl);
          await send(participant, { subject, text: body }, courseMailId(c.id, participant.id, 'evaluation', link));
        }
        return;
      }
      default:
        // No other case type has a `web` adapter; were one added, it would be composed here.
        options.log.info({ caseId: job.caseId, operation }, `web ${operation} is done outside the app`);
    }
  };
}
