import { createHash } from 'node:crypto';
import type { CaseFile, CaseFileReceipt } from '../../src-shared/documents/case-file.contract';
import { isIncrementalRevision } from '../../src-shared/documents/incremental-revision';
import { appendAudit } from '../audit/audit-log';
import type { Database, Sql } from '../db/database';
import { HttpError } from '../http/http-error';

interface StoredRow {
  case_id: string;
  sha256: string;
  pdf: Uint8Array;
}

export interface CaseFileUpload {
  caseId: string;
  documentId: string;
  pdf: Buffer;
  actorId: string;
  deviceId: string;
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Keeps an uploaded PDF under its document id (table case_files): the first upload stores it, the
 * same bytes again change nothing, an incremental revision of the stored bytes (a countersignature)
 * replaces them, anything else is a 409. Audited in the same transaction.
 */
export async function keepCaseFile(db: Database, upload: CaseFileUpload, now = new Date()): Promise<CaseFileReceipt> {
  const sha256 = sha256Of(upload.pdf);
  return db.transaction(async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO case_files (document_id, case_id, sha256, size, pdf, uploaded_by, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (document_id) DO NOTHING RETURNING document_id`,
      [upload.documentId, upload.caseId, sha256, upload.pdf.length, upload.pdf, upload.actorId, now.toISOString()],
    );
    const outcome = inserted.length ? 'stored' : await reviseCaseFile(tx, upload, sha256, now);
    await appendAudit(tx, [
      {
        actorId: upload.actorId,
        deviceId: upload.deviceId,
        action: 'case-file',
        collection: 'documents',
        documentId: upload.documentId,
        outcome: 'accepted',
        detail: { caseId: upload.caseId, sha256, size: upload.pdf.length, outcome },
      },
    ]);
    return { sha256, outcome };
  });
}

async function reviseCaseFile(tx: Sql, upload: CaseFileUpload, sha256: string, now: Date): Promise<'revised' | 'unchanged'> {
  const [row] = await tx.query<StoredRow>('SELECT case_id, sha256, pdf FROM case_files WHERE document_id = $1 FOR UPDATE', [upload.documentId]);
  if (!row || row.case_id !== upload.caseId) {
    throw new HttpError(409, 'conflict', 'conflict', `Document ${upload.documentId} is kept on another case`);
  }
  if (row.sha256 === sha256) return 'unchanged';
  if (!isIncrementalRevision(row.pdf, upload.pdf)) {
    throw new HttpError(409, 'conflict', 'conflict', `Document ${upload.documentId} is kept already; only an incremental revision of it replaces it`);
  }
  await tx.query('UPDATE case_files SET sha256 = $2, size = $3, pdf = $4, uploaded_by = $5, uploaded_at = $6 WHERE document_id = $1', [
    upload.documentId,
    sha256,
    upload.pdf.length,
    upload.pdf,
    upload.actorId,
    now.toISOString(),
  ]);
  return 'revised';
}

/** The kept file of a document on a case, or undefined. */
export async function caseFileOf(sql: Sql, caseId: string, documentId: string): Promise<CaseFile | undefined> {
  const [row] = await sql.query<StoredRow>('SELECT case_id, sha256, pdf FROM case_files WHERE document_id = $1 AND case_id = $2', [documentId, caseId]);
  return row ? { pdfBase64: Buffer.from(row.pdf).toString('base64'), sha256: row.sha256 } : undefined;
}
