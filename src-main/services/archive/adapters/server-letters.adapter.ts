import { LETTERS_PATH, letterKinds, letterReceiptSchema, type LetterKind, type LetterRequest } from '../../../../src-shared/notifications/letter.schema';
import type { deliveryTargets } from '../../../../src-shared/documents/documents.contract';
import { AppError } from '../../../../src-shared/kernel/app-error';
import { callServer, type ServerCallOptions } from '../../session/server-call';
import type { ArchiveAdapter } from '../archive-adapter';

/** A letter refused because its case has not reached the server yet is tried again this soon. */
export const CASE_NOT_SYNCED_RETRY_MS = 5_000;

const isLetter = (kind: string): kind is LetterKind => (letterKinds as readonly string[]).includes(kind);

/**
 * Hands an issued letter (summons, signed protocol, decision) to the central server's e-mail
 * outbox (`POST /letters`), which sends it by SMTP. Queued in the same outbox as the archives, so a
 * letter issued offline goes when the server can be reached. The outbox entry's id is the
 * letter's id at the server: a retry after a lost answer is not sent twice.
 */
export function createServerLetterAdapter(options: ServerCallOptions): ArchiveAdapter {
  return {
    name: 'email' satisfies (typeof deliveryTargets)[number],
    async archive(item) {
      const { record } = item;
      const { kind } = record;
      if (!isLetter(kind)) throw new AppError('validation', `A ${kind} is not sent as a letter`);
      // Letters go to a student: a document of the case's own folder has none to send it to.
      if (record.folder === 'case') throw new AppError('validation', `A ${kind} of the case's own folder is not sent as a letter`);
      const body: LetterRequest = { id: item.id, record: { ...record, kind }, pdfBase64: item.pdf.toString('base64') };
      const { ok, status, body: answer, reason } = await callServer(options, { method: 'POST', path: LETTERS_PATH, body });
      if (ok) {
        const receipt = letterReceiptSchema.safeParse(answer);
        if (!receipt.success) throw new AppError('external', 'The central server answered a letter with something else than a receipt');
        return { reference: receipt.data.emailId, details: { status: receipt.data.status } };
      }
      if (status === 409) {
        // The case, its record or its step has not reached the server yet: it will after sync.
        throw new AppError('external', `The server does not have the case yet: ${reason}`, { retryAfterMs: CASE_NOT_SYNCED_RETRY_MS });
      }
      // Bad input never gets better by sending it again; access and server trouble may.
      if (status === 400 || status === 413 || status === 422) throw new AppError('validation', reason);
      throw new AppError('external', `The central server refused the letter: ${reason}`);
    },
  };
}
