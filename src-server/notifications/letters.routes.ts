import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { canSeeCase, type Actor } from '../../src-shared/domain/access';
import {
  LETTERS_PATH,
  letterReceiptSchema,
  letterRequestSchema,
  MAX_LETTER_BASE64,
  type LetterReceipt,
  type LetterRequest,
} from '../../src-shared/notifications/letter.schema';
import { appendAudit } from '../audit/audit-log';
import type { Identity } from '../auth/identify';
import type { Database } from '../db/database';
import { HttpError } from '../http/http-error';
import { docSchema, errorResponse } from '../http/openapi';
import { parseInput } from '../http/parse';
import { noControlCharacters } from './control-characters';
import { queueEmail } from './email-outbox';
import type { EmailOutboxStore } from './email-outbox-store';
import { checkIssued, letterCase } from './issued-letter';
import { letterEmail } from './letter-email';
import { letterRecipients, letterSlots, staffAddressees } from './letter-recipients';
import { LetterRefusal } from './letter-refusal';
import { letterCommand, letterRoles, mayPostLetter } from './letter-step';
import { staffInRole } from './staff-recipients';

export interface LetterRouteDeps {
  db: Database;
  store: EmailOutboxStore;
  identify(authorization: string | undefined): Promise<Identity>;
  /** Called after a letter was queued (the running outbox sends it without waiting for its next poll). */
  onQueued(): void;
}

const isPdfBase64 = (text: string) => z.base64().safeParse(text).success && Buffer.from(text.slice(0, 8), 'base64').toString('latin1').startsWith('%PDF-');

/**
 * The shared contract, plus what only the server checks: no control characters anywhere in the
 * body (checked first, on the raw body with the fields the contract drops), and a PDF in base64.
 */
const letterBodySchema = z
  .unknown()
  .superRefine(noControlCharacters)
  .pipe(
    letterRequestSchema.extend({
      pdfBase64: letterRequestSchema.shape.pdfBase64.refine(isPdfBase64, 'must be a PDF file in base64 (its bytes start with %PDF-)'),
    }),
  );

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 409: errorResponse, 422: errorResponse };

/** An issued letter into the e-mail outbox, once the server has checked it against what it holds. */
async function queueLetter(deps: LetterRouteDeps, actor: Actor, letter: LetterRequest) {
  const { record } = letter;
  const c = await letterCase(deps.db, record);
  if (!canSeeCase(actor, c)) throw new LetterRefusal('forbidden', `You do not have access to case ${c.caseNumber}.`);
  // A case type that sends no such letter is refused here (422 letter-kind-mismatch).
  if (!mayPostLetter(actor, c, record.kind)) {
    throw new LetterRefusal(
      'forbidden',
      `Only the institution's staff who take the step (${letterRoles(c, record.kind).join(', ')}) send the ${record.kind} of case ${c.caseNumber}.`,
    );
  }
  const pdf = Buffer.from(letter.pdfBase64, 'base64');
  const student = await checkIssued(deps.db, c, record, pdf);
  const slots = letterSlots(letterCommand(c, record.kind, actor));
  const staff = Object.fromEntries(await Promise.all(staffAddressees(slots).map(async (role) => [role, await staffInRole(deps.db, role, c)] as const)));
  const parties = letterRecipients({
    kind: record.kind,
    slots,
    caseNumber: c.caseNumber,
    student,
    staff,
    named: { studentEmail: record.student.email, recipients: record.recipients },
  });
  const notice = {
    institution: record.case.institution,
    caseNumber: c.caseNumber,
    sender: { name: record.createdBy, title: record.case.department },
    pdf: { filename: record.fileName, bytes: pdf },
  };
  return queueEmail(deps.store, letterEmail(c, record.kind, notice, parties), { id: letter.id });
}

/** `POST /letters`: an issued letter into the e-mail outbox. */
export function registerLetterRoutes(app: FastifyInstance, deps: LetterRouteDeps): void {
  app.post(
    LETTERS_PATH,
    {
      // The PDF in base64 plus a small record.
      bodyLimit: MAX_LETTER_BASE64 + 256 * 1024,
      schema: {
        tags: ['notifications'],
        summary: 'E-mail an issued letter (follow-up: summons, protocol, decision; approval: decision)',
        description:
          "Queues the letter in the server's e-mail outbox, PDF attached. A follow-up case sends the summons to the student, the signed protocol to the head of department " +
          'with a copy to the student, the decision to the student with a copy to the rector; an approval case sends its decision to the student. ' +
          "The server addresses them as the issuing step of the case's workflow names them: the student from its register " +
          "of people, the head of the case's department and a rector of its institution from its staff directory (active accounts in scope for the case). " +
          '`record.recipients` may be empty; recipients it names must be exactly those (role, party, address). ' +
          '`id` is the delivery id: posting the same id again returns the same e-mail, which is sent once. ' +
          'The e-mail is sent when the server has SMTP; until then it stays `queued`. ' +
          'Only staff who see the case and take the step that issues the letter post it (follow-up: the cohort coordinator the summons and the protocol, the head of department ' +
          'the decision; approval: the case officer the decision). ' +
          'Every refusal is audited and carries `details.reason`: ' +
          '400 `bad-request` (also control characters in any field); 403 `forbidden`; ' +
          '409 `parent-missing` (the case, the document record or the student is not on the server yet) and `workflow-step-not-reached` (code `conflict`: the case has not taken the step that issues the letter; both pass once the case has synced); ' +
          "422 `letter-kind-mismatch` (code `document-mismatch`: the document is not of the letter's kind, or the case's type sends no such letter), `document-mismatch` (another case's document, other bytes, or not the one the case records) " +
          "and `invalid-recipient` (a recipient missing, invalid, or not the server's; or the student not the case's).",
        body: docSchema(letterRequestSchema),
        security: [{ bearerAuth: [] }],
        response: { 200: docSchema(letterReceiptSchema, 'output'), ...errors },
      },
    },
    async (request): Promise<LetterReceipt> => {
      const { actor, deviceId } = await deps.identify(request.headers.authorization);
      let letter: LetterRequest | undefined;
      try {
        letter = parseInput(letterBodySchema, request.body, 'letter');
        const email = await queueLetter(deps, actor, letter);
        await appendAudit(deps.db, [
          {
            actorId: actor.userId,
            deviceId,
            action: 'letter',
            collection: 'documents',
            documentId: letter.record.documentId,
            outcome: 'accepted',
            detail: { emailId: email.id, kind: letter.record.kind, caseId: letter.record.case.id, to: email.to, cc: email.cc },
          },
        ]);
        deps.onQueued();
        return { emailId: email.id, status: email.status };
      } catch (error) {
        if (error instanceof HttpError && error.status < 500) {
          // Only parsed values go into the log: a refused body may hold anything.
          await appendAudit(deps.db, [
            {
              actorId: actor.userId,
              deviceId,
              action: 'letter',
              collection: 'documents',
              documentId: letter?.record.documentId ?? null,
              outcome: 'denied',
              reason: error instanceof LetterRefusal ? error.reason : error.code,
              detail: {
                status: error.status,
                message: error.message,
                ...(letter ? { letterId: letter.id, kind: letter.record.kind, caseId: letter.record.case.id } : {}),
              },
            },
          ]);
        }
        throw error;
      }
    },
  );
}
