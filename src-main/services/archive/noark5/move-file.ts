import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Moves `from` to `to` (replacing it) if `from` exists; nothing to move is not an error. */
export async function moveIfElsewhere(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true, mode: 0o700 });
  try {
    await rename(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code !== 'EXDEV') throw error;
    // Staging and package on different file systems: copy, then remove.
    await copyFile(from, to);
    await rm(from);
  }
}
