import { createHash } from 'node:crypto';
import { caseFilePath, caseFileReceiptSchema, caseFileSchema, type CaseFileUpload } from '../../../src-shared/documents/case-file.contract';
import { AppError } from '../../../src-shared/kernel/app-error';
import type { LetterConnection } from '../archive/adapters/server-letters.adapter';

/** A case's kept PDFs at the signed-in session's server (`PUT|GET /cases/{caseId}/files/{documentId}`). */
export interface CaseFilesClient {
  put(caseId: string, documentId: string, pdf: Buffer): Promise<void>;
  /** The kept PDF, its SHA-256 checked; undefined when the server keeps none under the id. */
  get(caseId: string, documentId: string): Promise<Buffer | undefined>;
}

/**
 * Reaches the server as the certificate mailer does: the session's server and access token per
 * call. Failures are AppErrors: `precondition` (nobody signed in), `external` (unreachable, or a
 * server error: worth another try), `conflict` (409), `forbidden`, `validation`.
 */
export function createCaseFilesClient(options: { connection: LetterConnection; fetch?: typeof fetch; timeoutMs?: number }): CaseFilesClient {
  const fetchFn = options.fetch ?? fetch;

  async function call(method: 'PUT' | 'GET', caseId: string, documentId: string, body?: CaseFileUpload) {
    let connection: Awaited<ReturnType<LetterConnection>>;
    try {
      connection = await options.connection();
    } catch (error) {
      throw new AppError('precondition', `Not connected to the central server: ${AppError.from(error).message}`);
    }
    let response: Response;
    try {
      response = await fetchFn(new URL(caseFilePath(caseId, documentId), connection.serverUrl), {
        method,
        headers: { authorization: `Bearer ${connection.accessToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new AppError('external', `The central server could not be reached: ${AppError.from(error).message}`);
    }
    const answer: unknown = await response.json().catch(() => undefined);
    return { status: response.status, ok: response.ok, answer };
  }

  function refusal(status: number, answer: unknown, what: string): AppError {
    const message = (answer as { message?: unknown; code?: unknown } | undefined)?.message;
    const code = (answer as { code?: unknown } | undefined)?.code;
    const reason = `${what}: ${typeof message === 'string' ? message : `HTTP ${status}`}`;
    const details = typeof code === 'string' ? { code } : undefined;
    if (status === 409) return new AppError('conflict', reason, details);
    if (status === 401 || status === 403) return new AppError('forbidden', reason, details);
    if (status === 400 || status === 413 || status === 422) return new AppError('validation', reason, details);
    return new AppError('external', `The central server refused ${reason}`, details);
  }

  return {
    async put(caseId, documentId, pdf) {
      const { status, ok, answer } = await call('PUT', caseId, documentId, { pdfBase64: pdf.toString('base64') });
      if (!ok) throw refusal(status, answer, `document ${documentId}`);
      if (!caseFileReceiptSchema.safeParse(answer).success)
        throw new AppError('external', 'The central server answered an upload with something else than a receipt');
    },
    async get(caseId, documentId) {
      const { status, ok, answer } = await call('GET', caseId, documentId);
      if (status === 404) return undefined;
      if (!ok) throw refusal(status, answer, `document ${documentId}`);
      const file = caseFileSchema.safeParse(answer);
      if (!file.success) throw new AppError('external', 'The central server answered with something else than a file');
      const pdf = Buffer.from(file.data.pdfBase64, 'base64');
      if (createHash('sha256').update(pdf).digest('hex') !== file.data.sha256) {
        throw new AppError('external', `The central server's copy of document ${documentId} does not match its SHA-256`);
      }
      return pdf;
    },
  };
}
