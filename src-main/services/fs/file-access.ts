import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write';

/** Whole files read and written by path: in the clear (`plainFiles`) or sealed (`createSealedFiles`). */
export interface FileAccess {
  /** The file's content; a missing file rejects with the file system's ENOENT error. */
  read(path: string): Promise<Buffer>;
  /** Writes atomically (mode 0600); `exclusive` rejects with EEXIST instead of replacing a file. */
  write(path: string, data: string | Uint8Array, options?: { exclusive?: boolean }): Promise<void>;
}

/** Files as they are: what is handed out of the app on purpose (an archive folder outside the data folder, the CLI demos). */
export const plainFiles: FileAccess = {
  read: (path) => readFile(path),
  write: (path, data, options) => writeFileAtomic(path, data, { mode: 0o600, exclusive: options?.exclusive }),
};

/** True when `error` is the file system's "no such file". */
export const isMissingFile = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';
