import { rm } from 'node:fs/promises';
import { isMissingFile, type FileAccess } from '../../fs/file-access';

/** One side of a move: a path and how its files are kept (sealed in the data folder, plain outside). */
export interface FileAt {
  files: FileAccess;
  path: string;
}

/**
 * Moves `from` to `to` (replacing it) if `from` exists; nothing to move is not an error. The file is
 * read and written anew, as a sealed file opens only at its own path. Interrupted, the file is in
 * both places, and the next move finishes it.
 */
export async function moveIfElsewhere(from: FileAt, to: FileAt): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = await from.files.read(from.path);
  } catch (error) {
    if (isMissingFile(error)) return;
    throw error;
  }
  await to.files.write(to.path, bytes);
  await rm(from.path);
}
