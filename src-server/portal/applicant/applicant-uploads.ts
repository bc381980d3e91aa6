import { createHash, randomUUID } from 'node:crypto';
import type { Actor } from '../../../src-shared/domain/access';
import { applicantUploadSchema, MAX_UPLOAD_BYTES, type ApplicantUpload } from '../../../src-shared/portal/applicant.contract';
import { appendAudit } from '../../audit/audit-log';
import type { Database, Sql } from '../../db/database';
import { HttpError } from '../../http/http-error';

/**
 * Documents an applicant uploads to their application (`portal_uploads`): PDF, JPEG or PNG as
 * their first bytes say (not as the browser claims), at most MAX_UPLOAD_BYTES, audited.
 */
const signatures: { mediaType: ApplicantUpload['mediaType']; magic: number[] }[] = [
  { mediaType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { mediaType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The file's media type by its first bytes, or undefined when it is none of the accepted ones. */
export function mediaTypeOf(content: Uint8Array): ApplicantUpload['mediaType'] | undefined {
  return signatures.find(({ magic }) => magic.every((byte, i) => content[i] === byte))?.mediaType;
}

interface UploadRow {
  id: string;
  kind: string;
  file_name: string;
  media_type: string;
  size: number;
  uploaded_at: Date | string;
}

/** The uploads of a case, oldest first. */
export async function uploadsOf(sql: Sql, caseId: string): Promise<ApplicantUpload[]> {
  const rows = await sql.query<UploadRow>(
    'SELECT id, kind, file_name, media_type, size, uploaded_at FROM portal_uploads WHERE case_id = $1 ORDER BY uploaded_at, id',
    [caseId],
  );
  return rows.map((row) =>
    applicantUploadSchema.parse({
      id: row.id,
      kind: row.kind,
      fileName: row.file_name,
      mediaType: row.media_type,
      size: row.size,
      uploadedAt: new Date(row.uploaded_at).toISOString(),
    }),
  );
}

export async function storeUpload(
  db: Database,
  input: { actor: Actor; caseId: string; kind: ApplicantUpload['kind']; fileName: string; content: Buffer; now: Date },
): Promise<ApplicantUpload> {
  const { content } = input;
  if (content.length === 0) throw HttpError.badRequest('The file is empty');
  if (content.length > MAX_UPLOAD_BYTES) throw new HttpError(413, 'bad-request', 'validation', 'The file is larger than 10 MB');
  const mediaType = mediaTypeOf(content);
  if (!mediaType) throw new HttpError(415, 'bad-request', 'validation', 'Upload a PDF, JPEG or PNG file');
  const upload: ApplicantUpload = {
    id: randomUUID(),
    kind: input.kind,
    fileName: input.fileName,
    mediaType,
    size: content.length,
    uploadedAt: input.now.toISOString(),
  };
  const sha256 = createHash('sha256').update(content).digest('hex');
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO portal_uploads (id, case_id, kind, file_name, media_type, size, sha256, content, uploaded_by, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [upload.id, input.caseId, upload.kind, upload.fileName, mediaType, upload.size, sha256, content, input.actor.userId, upload.uploadedAt],
    );
    await appendAudit(tx, [
      {
        actorId: input.actor.userId,
        action: 'portal-upload',
        collection: 'cases',
        documentId: input.caseId,
        outcome: 'accepted',
        detail: { uploadId: upload.id, kind: upload.kind, mediaType, size: upload.size, sha256 },
      },
    ]);
  });
  return upload;
}
