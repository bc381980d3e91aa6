import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { roleCanSee, type Actor } from '../../../src-shared/domain/access';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { CourseDeliveryDetails, CourseDeliveryStatus } from '../../../src-shared/domain/course-delivery/course-delivery.schema';
import { passListOf } from '../../../src-shared/domain/course-delivery/participants';
import {
  courseCertificateLetterSchema,
  courseCertificateParamsSchema,
  courseCertificateReceiptSchema,
  type CourseCertificateLetter,
  type CourseCertificateReceipt,
} from '../../../src-shared/notifications/course-certificate-letter.schema';
import { MAX_LETTER_BASE64 } from '../../../src-shared/notifications/letter.schema';
import { appendAudit } from '../../audit/audit-log';
import type { Identity } from '../../auth/identify';
import type { Database } from '../../db/database';
import { HttpError } from '../../http/http-error';
import { docSchema, errorResponse } from '../../http/openapi';
import { parseInput } from '../../http/parse';
import { noControlCharacters } from '../../notifications/control-characters';
import { courseCertificateEmail, courseCertificateEmailId } from './participant-mail/certificate-email';
import { queueEmail } from '../../notifications/email-outbox';
import type { EmailOutboxStore } from '../../notifications/email-outbox-store';
import { stored } from '../../notifications/issued-letter';
import { LetterRefusal } from '../../notifications/letter-refusal';

export interface CourseCertificateRouteDeps {
  db: Database;
  store: EmailOutboxStore;
  identify(authorization: string | undefined): Promise<Identity>;
  /** Called after a certificate was queued (the running outbox sends it at once). */
  onQueued(): void;
}

/** The course's statuses in which certificates go out: graded (the batch runs), certificatesSent (a batch resumed). */
const issuing: readonly CourseDeliveryStatus[] = ['graded', 'certificatesSent'];

const isPdf = (base64: string) => Buffer.from(base64.slice(0, 8), 'base64').toString('latin1').startsWith('%PDF-');

/** The shared contract, plus what only the server checks: no control characters anywhere, and a PDF. */
const bodySchema = z
  .unknown()
  .superRefine(noControlCharacters)
  .pipe(
    courseCertificateLetterSchema.extend({
      pdfBase64: courseCertificateLetterSchema.shape.pdfBase64.refine(isPdf, 'must be a PDF file in base64 (its bytes start with %PDF-)'),
    }),
  );

/**
 * A participant's certificate into the e-mail outbox, once the server has checked it against the
 * course case it holds: an operations consultant who sees the case, a course that is graded, a
 * participant on its pass list, addressed to the e-mail they registered with.
 */
async function queueCertificate(deps: CourseCertificateRouteDeps, actor: Actor, caseId: string, letter: CourseCertificateLetter) {
  const c = await stored<Case>(deps.db, 'cases', caseId);
  if (!c) throw new LetterRefusal('parent-missing', `Case ${caseId} is not on the server yet; the certificate is sent again after the case has synced.`);
  if (c.type !== 'courseDelivery') throw new LetterRefusal('letter-kind-mismatch', `Case ${c.caseNumber} is no course: it issues no course certificates.`);
  if (!roleCanSee('operationsConsultant', actor, c)) {
    throw new LetterRefusal('forbidden', `Only an operations consultant who sees case ${c.caseNumber} sends its course certificates.`);
  }
  if (!issuing.includes(c.status as CourseDeliveryStatus)) {
    throw new LetterRefusal('workflow-step-not-reached', `Course ${c.caseNumber} is not graded (it is "${c.status}"); certificates go out once it is.`);
  }
  const details = c.details as CourseDeliveryDetails;
  const participant = passListOf(details.participants ?? [], details.results).passed.find((candidate) => candidate.id === letter.participantId);
  if (!participant) throw new LetterRefusal('invalid-recipient', `The participant is not on the pass list of course ${c.caseNumber}.`);
  const email = courseCertificateEmail(details.course, participant, { filename: letter.fileName, bytes: Buffer.from(letter.pdfBase64, 'base64') });
  return { c, email: await queueEmail(deps.store, email, { id: courseCertificateEmailId(c.id, participant.id) }) };
}

/** `POST /courses/{caseId}/certificates`: a passed participant's course certificate into the e-mail outbox. */
export function registerCourseCertificateRoutes(app: FastifyInstance, deps: CourseCertificateRouteDeps): void {
  app.post(
    '/courses/:caseId/certificates',
    {
      bodyLimit: MAX_LETTER_BASE64 + 64 * 1024,
      schema: {
        tags: ['notifications'],
        summary: 'E-mail a participant their course certificate (kursbevis), sealed PDF attached',
        description:
          'Queues the certificate in the server’s e-mail outbox, to the address the participant registered with (an address in the body is ignored). ' +
          'Only an operations consultant who sees the course case posts it, for a course that is `graded` or `certificatesSent`, ' +
          'and only for a participant on its pass list (admitted, with a passing result). ' +
          'The e-mail’s id is derived from the case and the participant: posting again answers with the same receipt and sends nothing more. ' +
          'Refusals are audited and carry `details.reason`: 400 `bad-request` (also control characters, or no PDF); 403 `forbidden`; ' +
          '409 `parent-missing` (the case is not on the server yet) and `workflow-step-not-reached` (the course is not graded); ' +
          '422 `letter-kind-mismatch` (the case is no course) and `invalid-recipient` (the participant is not on the pass list).',
        params: docSchema(courseCertificateParamsSchema),
        body: docSchema(courseCertificateLetterSchema),
        security: [{ bearerAuth: [] }],
        response: {
          200: docSchema(courseCertificateReceiptSchema, 'output'),
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          409: errorResponse,
          422: errorResponse,
        },
      },
    },
    async (request): Promise<CourseCertificateReceipt> => {
      const { actor, deviceId } = await deps.identify(request.headers.authorization);
      const audit = { actorId: actor.userId, deviceId, action: 'letter', collection: 'cases' } as const;
      let caseId: string | undefined;
      let letter: CourseCertificateLetter | undefined;
      try {
        caseId = parseInput(courseCertificateParamsSchema, request.params, 'path').caseId;
        letter = parseInput(bodySchema, request.body, 'certificate');
        const { email } = await queueCertificate(deps, actor, caseId, letter);
        await appendAudit(deps.db, [
          {
            ...audit,
            documentId: caseId,
            outcome: 'accepted',
            detail: { emailId: email.id, kind: 'certificate', participantId: letter.participantId, to: email.to },
          },
        ]);
        deps.onQueued();
        return { emailId: email.id, status: email.status };
      } catch (error) {
        if (error instanceof HttpError && error.status < 500) {
          // Only parsed values go into the log: a refused body may hold anything.
          await appendAudit(deps.db, [
            {
              ...audit,
              documentId: caseId ?? null,
              outcome: 'denied',
              reason: error instanceof LetterRefusal ? error.reason : error.code,
              detail: { status: error.status, message: error.message, kind: 'certificate', ...(letter ? { participantId: letter.participantId } : {}) },
            },
          ]);
        }
        throw error;
      }
    },
  );
}
