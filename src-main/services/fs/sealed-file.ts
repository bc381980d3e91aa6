import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { AppError } from '../../../src-shared/kernel/app-error';
import { writeFileAtomic } from './atomic-write';
import { isMissingFile, type FileAccess } from './file-access';

/**
 * A sealed file: `SFSEALED`, a version byte, a 12-byte IV, the AES-256-GCM ciphertext and its
 * 16-byte tag. The header and the file's path relative to the data folder are the associated
 * data, so a sealed file moved or swapped to another path does not open. Whole files are sealed
 * in memory: the data folder holds PDFs and small JSON files (a few MB at most).
 */
const MAGIC = Buffer.from('SFSEALED', 'latin1');
const VERSION = 1;
const HEADER_BYTES = MAGIC.length + 1 + 12;
const TAG_BYTES = 16;
/** The temp file name `writeFileAtomic` writes beside its target. */
const LEFTOVER_TEMP = /\.\d+\.[0-9a-f]{12}\.tmp$/;

export interface SealedFiles extends FileAccess {
  /** The data folder; every sealed path lies inside it. */
  readonly root: string;
  /** True when `path` lies inside the data folder (so its files are sealed). */
  covers(path: string): boolean;
}

export const isSealed = (bytes: Uint8Array): boolean => bytes.length >= HEADER_BYTES + TAG_BYTES && MAGIC.equals(bytes.subarray(0, MAGIC.length));

export function createSealedFiles(options: { root: string; key: () => Promise<Buffer> }): SealedFiles {
  const relativeOf = (path: string) => relative(options.root, path);
  const covers = (path: string) => {
    const inside = relativeOf(path);
    return inside !== '' && inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
  };
  /** The associated data: the header and the path inside the data folder, the same on every platform. */
  const associated = (header: Buffer, path: string) => {
    if (!covers(path)) throw new AppError('internal', `${path} is not inside the data folder ${options.root}`);
    return Buffer.concat([header, Buffer.from(relativeOf(path).split(sep).join('/'), 'utf8')]);
  };

  return {
    root: options.root,
    covers,
    async read(path) {
      const bytes = await readFile(path);
      if (!isSealed(bytes) || bytes[MAGIC.length] !== VERSION) throw new AppError('internal', `${path} is not a sealed file of this app`);
      const header = bytes.subarray(0, HEADER_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', await options.key(), header.subarray(MAGIC.length + 1));
      decipher.setAAD(associated(header, path));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(bytes.subarray(HEADER_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
      } catch {
        throw new AppError('internal', `${path} does not open: it was changed, moved from another path or sealed with another key`);
      }
    },
    async write(path, data, writeOptions) {
      const header = Buffer.concat([MAGIC, Buffer.of(VERSION), randomBytes(12)]);
      const cipher = createCipheriv('aes-256-gcm', await options.key(), header.subarray(MAGIC.length + 1));
      cipher.setAAD(associated(header, path));
      const plain = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      const sealed = Buffer.concat([header, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      await writeFileAtomic(path, sealed, { mode: 0o600, exclusive: writeOptions?.exclusive });
    },
  };
}

/**
 * Seals, in place, the plain files an older version left under `paths` (files or folders, walked
 * through): each is rewritten atomically, so an interrupted run leaves every file plain or sealed,
 * and the next run finishes the rest. Temp files left by interrupted atomic writes (plain or not) are removed.
 */
export async function sealPlainFiles(files: SealedFiles, paths: readonly string[]): Promise<number> {
  let sealed = 0;
  const visit = async (path: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(path, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (isMissingFile(error)) return;
      if (code !== 'ENOTDIR') throw error;
      if (LEFTOVER_TEMP.test(path)) return rm(path, { force: true });
      const bytes = await readFile(path);
      if (isSealed(bytes)) return;
      await files.write(path, bytes);
      sealed += 1;
      return;
    }
    for (const entry of entries) if (entry.isDirectory() || entry.isFile()) await visit(join(path, entry.name));
  };
  for (const path of paths) await visit(path);
  return sealed;
}
