import { createHash } from 'node:crypto';
import { caseFilePath, caseFileReceiptSchema, caseFileSchema, type CaseFileUpload } from '../../../src-shared/documents/case-file.contract';
import { AppError } from '../../../src-shared/kernel/app-error';
import { callServer, type ServerAnswer, type ServerCallOptions } from '../session/server-call';

/** A case's kept PDFs at the signed-in session's server (`PUT|GET /cases/{caseId}/files/{documentId}`). */
export interface CaseFilesClient {
  put(caseId: string, documentId: string, pdf: Buffer): Promise<void>;
  /** The kept PDF, its SHA-256 checked; undefined when the server keeps none under the id. */
  get(caseId: string, documentId: string): Promise<Buffer | undefined>;
}

/**
 * Reaches the server through `callServer` (the session's server and access token per call). Failures are AppErrors: `precondition` (nobody signed in), `external` (unreachable, or a
 * server error: worth another try), `conflict` (409), `forbidden`, `validation`.
 */
export function createCaseFilesClient(options: ServerCallOptions): CaseFilesClient {
  const call = (method: 'PUT' | 'GET', caseId: string, documentId: string, body?: CaseFileUpload) =>
    callServer(options, { method, path: caseFilePath(caseId, documentId), ...(body ? { body } : {}) });

  function refusal({ status, reason, code }: ServerAnswer, what: string): AppError {
    const why = `${what}: ${reason}`;
    const details = code ? { code } : undefined;
    if (status === 409) return new AppError('conflict', why, details);
    if (status === 401 || status === 403) return new AppError('forbidden', why, details);
    if (status === 400 || status === 413 || status === 422) return new AppError('validation', why, details);
    return new AppError('external', `The central server refused ${why}`, details);
  }

  return {
    async put(caseId, documentId, pdf) {
      const answer = await call('PUT', caseId, documentId, { pdfBase64: pdf.toString('base64') });
      if (!answer.ok) throw refusal(answer, `document ${documentId}`);
      if (!caseFileReceiptSchema.safeParse(answer.body).success)
        throw new AppError('external', 'The central server answered an upload with something else than a receipt');
    },
    async get(caseId, documentId) {
      const answer = await call('GET', caseId, documentId);
      if (answer.status === 404) return undefined;
      if (!answer.ok) throw refusal(answer, `document ${documentId}`);
      const file = caseFileSchema.safeParse(answer.body);
      if (!file.success) throw new AppError('external', 'The central server answered with something else than a file');
      const pdf = Buffer.from(file.data.pdfBase64, 'base64');
      if (createHash('sha256').update(pdf).digest('hex') !== file.data.sha256) {
        throw new AppError('external', `The central server's copy of document ${documentId} does not match its SHA-256`);
      }
      return pdf;
    },
  };
}
