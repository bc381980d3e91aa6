import { canSeeCase, isStaff, type Actor } from '../../../../src-shared/domain/access';
import type { ApplicantUpload } from '../../../../src-shared/portal/applicant.contract';
import type { Database } from '../../../db/database';
import { HttpError } from '../../../http/http-error';
import { uploadsOf } from '../../../portal/applicant/applicant-uploads';
import { VisibilityContext } from '../../../sync/visibility';

/**
 * The files an applicant uploaded to their application (portal_uploads), for staff who see the
 * case by the access policy; to anyone else the case does not exist (404).
 */
export async function caseUploads(db: Database, actor: Actor, caseId: string): Promise<ApplicantUpload[]> {
  await assertSeesCase(db, actor, caseId);
  return uploadsOf(db, caseId);
}

/** One file: its name, media type and bytes. */
export async function caseUploadFile(
  db: Database,
  actor: Actor,
  caseId: string,
  uploadId: string,
): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
  await assertSeesCase(db, actor, caseId);
  const [row] = await db.query<{ file_name: string; media_type: string; content: Uint8Array }>(
    `SELECT file_name, media_type, content FROM portal_uploads WHERE case_id = $1 AND id = $2`,
    [caseId, uploadId],
  );
  if (!row) throw new HttpError(404, 'not-found', 'not-found', `No upload ${uploadId} on case ${caseId}`);
  return { fileName: row.file_name, mediaType: row.media_type, content: Buffer.from(row.content) };
}

async function assertSeesCase(db: Database, actor: Actor, caseId: string): Promise<void> {
  const scope = await new VisibilityContext(db, actor).liveCase(caseId);
  if (!scope || !isStaff(actor) || !canSeeCase(actor, scope)) throw new HttpError(404, 'not-found', 'not-found', `No case ${caseId}`);
}

/** `attachment` with the file's name: an ASCII fallback and the exact name (RFC 6266 / 5987). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
