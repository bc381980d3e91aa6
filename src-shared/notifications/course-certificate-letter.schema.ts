import { z } from 'zod';
import { idSchema } from '../domain/case/case.schema';
import { letterReceiptSchema, MAX_LETTER_BASE64 } from './letter.schema';

/**
 * `POST /courses/{caseId}/certificates`: one participant's sealed course certificate (kursbevis)
 * for the server's e-mail outbox. The server addresses it itself, to the address the participant
 * registered with, and only to a participant on the pass list of the course case it holds; an
 * address in the body is ignored. The e-mail's id is the server's, derived from the case and the
 * participant: a certificate posted again answers with the same receipt and is sent once.
 */
export const courseCertificateParamsSchema = z.strictObject({ caseId: idSchema });

export const courseCertificateLetterSchema = z.object({
  participantId: idSchema,
  /** The attachment's name, ASCII as the outbox takes it (e.g. "kursbevis-evu-vei-h26-aase-odegard-p-0001.pdf"). */
  fileName: z.string().regex(/^[\w.-]{1,115}\.pdf$/, 'an ASCII file name ending in .pdf'),
  pdfBase64: z
    .string()
    .min(1)
    .max(MAX_LETTER_BASE64)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
});
export type CourseCertificateLetter = z.infer<typeof courseCertificateLetterSchema>;

export const courseCertificateReceiptSchema = letterReceiptSchema;
export type CourseCertificateReceipt = z.infer<typeof courseCertificateReceiptSchema>;

export const courseCertificatesPath = (caseId: string) => `/courses/${encodeURIComponent(caseId)}/certificates`;
