import type { FastifyInstance } from 'fastify';
import {
  caseFileParamsSchema,
  caseFileReceiptSchema,
  caseFileSchema,
  caseFileUploadSchema,
  MAX_CASE_FILE_BASE64,
  type CaseFile,
  type CaseFileReceipt,
} from '../../src-shared/documents/case-file.contract';
import type { Actor } from '../../src-shared/domain/access';
import type { CaseDocument } from '../../src-shared/domain/document/document.schema';
import { appendAudit } from '../audit/audit-log';
import type { Identity } from '../auth/identify';
import type { Database } from '../db/database';
import { HttpError } from '../http/http-error';
import { docSchema, errorResponse } from '../http/openapi';
import { parseInput } from '../http/parse';
import { stored } from '../notifications/issued-letter';
import { VisibilityContext, type CaseScope } from '../sync/visibility';
import { mayKeepCaseFile, mayReadCaseFiles } from './case-file-access';
import { caseFileOf, keepCaseFile } from './case-file-store';

export interface CaseFileRouteDeps {
  db: Database;
  identify(authorization: string | undefined): Promise<Identity>;
}

export const CASE_FILES_TAG = { name: 'case-files', description: "A case's kept PDFs, shared between the laptops that work on it" };

const PATH = '/cases/:caseId/files/:documentId';
const isPdf = (base64: string) => Buffer.from(base64.slice(0, 8), 'base64').toString('latin1').startsWith('%PDF-');
const uploadBodySchema = caseFileUploadSchema.extend({
  pdfBase64: caseFileUploadSchema.shape.pdfBase64.refine(isPdf, 'must be a PDF file in base64 (its bytes start with %PDF-)'),
});
const forbidden = (message: string) => new HttpError(403, 'forbidden', 'forbidden', message);

async function caseOf(db: Database, actor: Actor, caseId: string): Promise<CaseScope | null> {
  return new VisibilityContext(db, actor).liveCase(caseId);
}

/** `PUT` and `GET /cases/{caseId}/files/{documentId}`: a case's kept PDFs through the server, for every case type. */
export function registerCaseFileRoutes(app: FastifyInstance, deps: CaseFileRouteDeps): void {
  const { db } = deps;
  const schema = (summary: string, description: string) => ({
    tags: [CASE_FILES_TAG.name],
    summary,
    description,
    params: docSchema(caseFileParamsSchema),
    security: [{ bearerAuth: [] }],
  });

  app.put(
    PATH,
    {
      bodyLimit: MAX_CASE_FILE_BASE64 + 64 * 1024,
      schema: {
        ...schema(
          'Keep a PDF of the case on the server (write-once; an incremental revision replaces it)',
          'Staff who may edit the case and work with its documents upload a PDF it keeps (e.g. a contract the teaching resource signed), ' +
            'so another laptop can read it and countersign it. The first upload stores it; the same bytes again answer 200 `unchanged`; ' +
            'bytes that start with the stored ones (an incremental revision: a countersignature) replace them (`revised`); anything else is 409 `conflict`. ' +
            'Accepted uploads and refusals are audited. 400 `bad-request` (also: not a PDF); 403 `forbidden`; 409 `parent-missing` (the case is not on the server yet); ' +
            '422 `document-mismatch` (the document is recorded on another case).',
        ),
        body: docSchema(caseFileUploadSchema),
        response: {
          200: docSchema(caseFileReceiptSchema, 'output'),
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          409: errorResponse,
          422: errorResponse,
        },
      },
    },
    async (request): Promise<CaseFileReceipt> => {
      const { actor, deviceId } = await deps.identify(request.headers.authorization);
      let params: { caseId: string; documentId: string } | undefined;
      try {
        params = parseInput(caseFileParamsSchema, request.params, 'path');
        const { pdfBase64 } = parseInput(uploadBodySchema, request.body, 'file');
        const { caseId, documentId } = params;
        const c = await caseOf(db, actor, caseId);
        if (!c) throw new HttpError(409, 'parent-missing', 'conflict', `Case ${caseId} is not on the server yet; upload the file again after it has synced`);
        if (!mayKeepCaseFile(actor, c)) throw forbidden(`You may not keep files on case ${caseId}`);
        const document = await stored<CaseDocument>(db, 'documents', documentId);
        if (document && document.caseId !== caseId) {
          throw new HttpError(422, 'document-mismatch', 'validation', `Document ${documentId} is not on case ${caseId}`, { reason: 'document-mismatch' });
        }
        return await keepCaseFile(db, { caseId, documentId, pdf: Buffer.from(pdfBase64, 'base64'), actorId: actor.userId, deviceId });
      } catch (error) {
        if (error instanceof HttpError && error.status < 500) {
          // Only parsed values go into the log: a refused body may hold anything.
          await appendAudit(db, [
            {
              actorId: actor.userId,
              deviceId,
              action: 'case-file',
              collection: 'documents',
              documentId: params?.documentId ?? null,
              outcome: 'denied',
              reason: error.code,
              detail: { status: error.status, message: error.message, ...(params ? { caseId: params.caseId } : {}) },
            },
          ]);
        }
        throw error;
      }
    },
  );

  app.get(
    PATH,
    {
      schema: {
        ...schema(
          'A PDF the case keeps on the server, with its SHA-256',
          'For staff who see the case and read its documents. 403 `forbidden`; 404 `not-found` (no such case, or no file kept under the id on it).',
        ),
        response: { 200: docSchema(caseFileSchema, 'output'), 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (request): Promise<CaseFile> => {
      const { actor } = await deps.identify(request.headers.authorization);
      const { caseId, documentId } = parseInput(caseFileParamsSchema, request.params, 'path');
      const c = await caseOf(db, actor, caseId);
      if (!c) throw new HttpError(404, 'not-found', 'not-found', `No case ${caseId}`);
      if (!mayReadCaseFiles(actor, c)) throw forbidden(`You may not read the files of case ${caseId}`);
      const file = await caseFileOf(db, caseId, documentId);
      if (!file) throw new HttpError(404, 'not-found', 'not-found', `No file ${documentId} on case ${caseId}`);
      return file;
    },
  );
}
