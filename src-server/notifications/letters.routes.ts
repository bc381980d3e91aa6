import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createHash } from 'node:crypto';
import { canSeeCase, isStaff } from '../../src-shared/domain/access';
import { LETTERS_PATH, letterReceiptSchema, letterRequestSchema, MAX_LETTER_BASE64, type LetterReceipt, type LetterRequest } from '../../src-shared/notifications/letter.schema';
import { appendAudit } from '../audit/audit-log';
import type { Identity } from '../auth/identify';
import type { Database } from '../db/database';
import { HttpError } from '../http/http-error';
import { docSchema, errorResponse } from '../http/openapi';
import { parseInput } from '../http/parse';
import { VisibilityContext } from '../sync/visibility';
import { queueEmail } from './email-outbox';
import type { EmailOutboxStore } from './email-outbox-store';
import { letterEmail } from './letter-email';

export interface LetterRouteDeps {
  db: Database;
  store: EmailOutboxStore;
  identify(authorization: string | undefined): Promise<Identity>;
  /** Called after a letter was queued (the running outbox sends it without waiting for its next poll). */
  onQueued(): void;
}

const isPdfBase64 = (text: string) => z.base64().safeParse(text).success && Buffer.from(text.slice(0, 8), 'base64').toString('latin1').startsWith('%PDF-');

/** The shared contract, plus what only the server checks: the file really is a PDF in base64. */
const letterBodySchema = letterRequestSchema.extend({
  pdfBase64: letterRequestSchema.shape.pdfBase64.refine(isPdfBase64, 'must be a PDF file in base64 (its bytes start with %PDF-)'),
});

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 409: errorResponse, 422: errorResponse };

const storedDoc = async (db: Database, collection: string, id: string): Promise<Record<string, unknown> | undefined> => {
  const [row] = await db.query<{ doc: string }>(`SELECT doc FROM sync_documents WHERE collection = $1 AND id = $2 AND NOT deleted`, [collection, id]);
  return row ? (JSON.parse(row.doc) as Record<string, unknown>) : undefined;
};

/**
 * The server mails only what the case holds: the PDF must be the document recorded on the case
 * (same bytes, by SHA-256), and the student's address the one in the register. A record that
 * has not synced yet is a 409, like the case itself.
 */
async function checkIssued(db: Database, record: LetterRequest['record'], subjectPersonId: string, pdf: Buffer): Promise<void> {
  const [document, student] = await Promise.all([storedDoc(db, 'documents', record.documentId), storedDoc(db, 'people', subjectPersonId)]);
  if (!document || !student) {
    throw new HttpError(409, 'parent-missing', 'conflict', `The ${document ? 'student' : 'document'} of case ${record.case.caseNumber} is not on the server yet; the letter is sent again after it has synced.`);
  }
  if (document.caseId !== record.case.id || document.sha256 !== createHash('sha256').update(pdf).digest('hex')) {
    throw new HttpError(422, 'document-mismatch', 'validation', `The PDF is not the ${record.kind} recorded on case ${record.case.caseNumber}.`);
  }
  const studentAddresses = [record.student.email, ...record.recipients.filter((recipient) => recipient.party === 'student').map((recipient) => recipient.email)];
  if (studentAddresses.some((address) => address.trim() !== student.email)) {
    throw new HttpError(422, 'invalid-recipient', 'validation', `The student's address is not the one in the register for case ${record.case.caseNumber}.`);
  }
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
        summary: 'E-mail an issued letter (summons, protocol, decision)',
        description:
          'Queues the letter in the server\'s e-mail outbox, PDF attached: the summons to the student, the signed protocol to the head of department ' +
          '(recipient with role `internalRecipient`) with a copy to the student, the decision to the student with a copy to the rector (role `copy`, party `staff`). ' +
          'Addresses come from `record`. `id` is the delivery id: posting the same id again returns the same e-mail, which is sent once. ' +
          'The e-mail is sent when the server has SMTP; until then it stays `queued`. ' +
          'Only the institution\'s staff who may see the case send letters, and only the document recorded on the case (same SHA-256) to the student in the register. ' +
          '409 `parent-missing`: the case, the document record or the student is not on the server yet (send again after sync). 403 `forbidden`: the user may not see the case or is not staff. ' +
          '422 `document-mismatch`: the PDF is not the recorded document; `invalid-recipient`: a recipient or an address is missing, invalid or not the registered one.',
        body: docSchema(letterRequestSchema),
        security: [{ bearerAuth: [] }],
        response: { 200: docSchema(letterReceiptSchema, 'output'), ...errors },
      },
    },
    async (request): Promise<LetterReceipt> => {
      const { actor, deviceId } = await deps.identify(request.headers.authorization);
      const letter = parseInput(letterBodySchema, request.body, 'letter');
      const { record } = letter;
      const storedCase = await new VisibilityContext(deps.db, actor).liveCase(record.case.id);
      if (!storedCase) {
        throw new HttpError(409, 'parent-missing', 'conflict', `Case ${record.case.caseNumber} is not on the server yet; the letter is sent again after the case has synced.`);
      }
      if (!canSeeCase(actor, storedCase)) throw new HttpError(403, 'forbidden', 'forbidden', `You do not have access to case ${record.case.caseNumber}.`);
      if (!isStaff(actor)) {
        throw new HttpError(403, 'forbidden', 'forbidden', 'Only the institution’s staff send letters.');
      }
      const pdf = Buffer.from(letter.pdfBase64, 'base64');
      const outgoing = letterEmail(record, pdf);
      await checkIssued(deps.db, record, storedCase.subjectPersonId, pdf);

      const email = await queueEmail(deps.store, outgoing, { id: letter.id });
      await appendAudit(deps.db, [
        {
          actorId: actor.userId,
          deviceId,
          action: 'letter',
          collection: 'documents',
          documentId: record.documentId,
          outcome: 'accepted',
          detail: { emailId: email.id, kind: record.kind, caseId: record.case.id, to: email.to, cc: email.cc },
        },
      ]);
      deps.onQueued();
      return { emailId: email.id, status: email.status };
    },
  );
}
