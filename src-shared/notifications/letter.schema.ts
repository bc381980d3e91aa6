import { z } from 'zod';
import { archiveRecordSchema } from '../documents/archive-record.schema';

/** The letters the server e-mails, by the kind of the document attached. */
export const letterKinds = ['summons', 'protocol', 'decision'] as const;
export type LetterKind = (typeof letterKinds)[number];

/** Largest letter PDF the server takes, base64 (a signed protocol with a drawn signature is ~200 kB). */
export const MAX_LETTER_BASE64 = 8 * 1024 * 1024;

/**
 * `POST /letters`: an issued letter for the server's e-mail outbox. The summons goes to the
 * student, the signed protocol to the department head with a copy to the student, the decision to
 * the student with a copy to the rector; recipients and their addresses come from `record`.
 * `id` is the laptop's delivery id, stable across retries: a letter posted twice is sent once.
 */
export const letterRequestSchema = z.object({
  id: z.uuid(),
  record: archiveRecordSchema.extend({ kind: z.enum(letterKinds) }),
  pdfBase64: z.string().min(1).max(MAX_LETTER_BASE64).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
});
export type LetterRequest = z.infer<typeof letterRequestSchema>;

/** What the server answers: its e-mail's id and state (`queued` until SMTP took it). */
export const letterReceiptSchema = z.object({
  emailId: z.string().min(1).max(100),
  status: z.enum(['queued', 'sending', 'sent', 'failed']),
});
export type LetterReceipt = z.infer<typeof letterReceiptSchema>;

export const LETTERS_PATH = '/letters';
