import { z } from 'zod';
import { idSchema } from '../domain/case/case.schema';
import { MAX_LETTER_BASE64 } from '../notifications/letter.schema';

/**
 * A case's kept PDFs through the central server, so a document signed on one laptop can be read
 * and countersigned on another: `PUT|GET /cases/{caseId}/files/{documentId}`. Write-once per
 * document id, except for an incremental revision of the stored bytes (a countersignature).
 */
export const caseFileParamsSchema = z.strictObject({ caseId: idSchema, documentId: idSchema });

/** The same cap as a letter's PDF. */
export const MAX_CASE_FILE_BASE64 = MAX_LETTER_BASE64;

export const caseFileUploadSchema = z.strictObject({
  pdfBase64: z
    .string()
    .min(1)
    .max(MAX_CASE_FILE_BASE64)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
});
export type CaseFileUpload = z.infer<typeof caseFileUploadSchema>;

export const caseFileSchema = z.object({ pdfBase64: z.base64(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export type CaseFile = z.infer<typeof caseFileSchema>;

/** What an accepted upload did: stored a new file, replaced it by a revision, or found it there already. */
export const caseFileReceiptSchema = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), outcome: z.enum(['stored', 'revised', 'unchanged']) });
export type CaseFileReceipt = z.infer<typeof caseFileReceiptSchema>;

export const caseFilePath = (caseId: string, documentId: string) => `/cases/${encodeURIComponent(caseId)}/files/${encodeURIComponent(documentId)}`;
