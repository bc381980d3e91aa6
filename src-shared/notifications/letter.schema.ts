import { z } from 'zod';
import { studentArchiveRecordSchema } from '../documents/archive-record.schema';

/** The letters the server e-mails, by the kind of the document attached. */
export const letterKinds = ['summons', 'protocol', 'decision'] as const;
export type LetterKind = (typeof letterKinds)[number];

/** Largest letter PDF the server takes, base64 (a signed protocol with a drawn signature is ~200 kB). */
export const MAX_LETTER_BASE64 = 8 * 1024 * 1024;

/**
 * `POST /letters`: an issued letter for the server's e-mail outbox. As the issuing step of the
 * case's workflow names them: the follow-up's summons to the student, its signed protocol to the
 * department head with a copy to the student, its decision to the student with a copy to the
 * rector; the approval's decision to the student. The server addresses them itself: the student from its
 * register of people, staff from its staff directory. `record.recipients` may be empty; when it
 * names recipients, they must be the ones the server derives (by role, party and address).
 * `id` is the laptop's delivery id, stable across retries: a letter posted twice is sent once.
 */
export const letterRequestSchema = z.object({
  id: z.uuid(),
  record: studentArchiveRecordSchema.extend({ kind: z.enum(letterKinds) }),
  pdfBase64: z
    .string()
    .min(1)
    .max(MAX_LETTER_BASE64)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
});
export type LetterRequest = z.infer<typeof letterRequestSchema>;

/**
 * Why the server refused a letter: `details.reason` of the error body (its `code` is the broader
 * sync error code). `workflow-step-not-reached` and `parent-missing` are 409s that pass once the
 * case has synced further; the 422s never pass as they are.
 */
export const letterRefusalReasons = [
  'bad-request',
  'forbidden',
  'parent-missing',
  'workflow-step-not-reached',
  'letter-kind-mismatch',
  'document-mismatch',
  'invalid-recipient',
] as const;
export type LetterRefusalReason = (typeof letterRefusalReasons)[number];

/** What the server answers: its e-mail's id and state (`queued` until SMTP took it). */
export const letterReceiptSchema = z.object({
  emailId: z.string().min(1).max(100),
  status: z.enum(['queued', 'sending', 'sent', 'failed']),
});
export type LetterReceipt = z.infer<typeof letterReceiptSchema>;

export const LETTERS_PATH = '/letters';
