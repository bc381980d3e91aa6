import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { isIncrementalRevision } from '../../../src-shared/documents/incremental-revision';
import { AppError } from '../../../src-shared/kernel/app-error';
import { isMissingFile, plainFiles, type FileAccess } from '../fs/file-access';

/**
 * Issued documents of this laptop, one file per documentId under `<dataDir>/documents/`.
 * Write-once: a document is never saved again, so a signed PDF keeps its bytes (issuing the same
 * bytes again is accepted; different bytes under the same id are a conflict), except as an
 * incremental revision that keeps them (`append`). In the app's data folder the files are sealed (`files`).
 */
export interface DocumentStore {
  put(documentId: string, pdf: Buffer): Promise<void>;
  get(documentId: string): Promise<Buffer>;
  /**
   * Keeps a later revision of a kept document (a countersignature): accepted only as an
   * incremental update, whose first bytes are the kept ones (a trailing end-of-line aside), so
   * what was signed before stays byte for byte.
   */
  append(documentId: string, pdf: Buffer): Promise<void>;
}

export function createDocumentStore(dir: string, files: FileAccess = plainFiles): DocumentStore {
  // base64url keeps any id a valid, unique file name
  const fileOf = (documentId: string) => join(dir, `${Buffer.from(documentId, 'utf8').toString('base64url')}.pdf`);
  const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

  async function get(documentId: string): Promise<Buffer> {
    try {
      return await files.read(fileOf(documentId));
    } catch (error) {
      if (isMissingFile(error)) throw new AppError('not-found', `No document ${documentId}`);
      throw error;
    }
  }

  return {
    async put(documentId, pdf) {
      try {
        await files.write(fileOf(documentId), pdf, { exclusive: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if (digest(await get(documentId)) !== digest(pdf)) {
          throw new AppError('conflict', `Document ${documentId} is already issued; an issued document is never replaced`);
        }
      }
    },
    get,
    async append(documentId, pdf) {
      if (!isIncrementalRevision(await get(documentId), pdf)) {
        throw new AppError('conflict', `Document ${documentId} is already issued; only an incremental revision of it is kept`);
      }
      await files.write(fileOf(documentId), pdf);
    },
  };
}
