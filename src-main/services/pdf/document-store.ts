import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isIncrementalRevision } from '../../../src-shared/documents/incremental-revision';
import { AppError } from '../../../src-shared/kernel/app-error';
import { writeFileAtomic } from '../fs/atomic-write';

/**
 * Issued documents of this laptop, one file per documentId under `<dataDir>/documents/`.
 * Write-once: a document is never saved again, so a signed PDF keeps its bytes (issuing the same
 * bytes again is accepted; different bytes under the same id are a conflict), except as an
 * incremental revision that keeps them (`append`).
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

export function createDocumentStore(dir: string): DocumentStore {
  // base64url keeps any id a valid, unique file name
  const fileOf = (documentId: string) => join(dir, `${Buffer.from(documentId, 'utf8').toString('base64url')}.pdf`);
  const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

  async function get(documentId: string): Promise<Buffer> {
    try {
      return await readFile(fileOf(documentId));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('not-found', `No document ${documentId}`);
      throw error;
    }
  }

  return {
    async put(documentId, pdf) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      try {
        await writeFile(fileOf(documentId), pdf, { flag: 'wx', mode: 0o600 });
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
      await writeFileAtomic(fileOf(documentId), pdf, { mode: 0o600 });
    },
  };
}
