import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../../src-shared/kernel/app-error';
import { isMissingFile, type FileAccess } from '../fs/file-access';

/** File handling shared by the adapters that write archive packages to disk. */
export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Reads a JSON manifest kept by an adapter; a missing file is `empty`, a corrupt one an error. */
export async function readManifest<T extends z.ZodType>(files: FileAccess, path: string, schema: T, empty: z.infer<T>): Promise<z.infer<T>> {
  let text: string;
  try {
    text = (await files.read(path)).toString('utf8');
  } catch (error) {
    if (isMissingFile(error)) return empty;
    throw new AppError('external', `${path} could not be read: ${String(error)}`);
  }
  try {
    return schema.parse(JSON.parse(text));
  } catch {
    throw new AppError('internal', `${path} is corrupt; it was left untouched for recovery`);
  }
}

export const writeManifest = (files: FileAccess, path: string, value: unknown) => files.write(path, `${JSON.stringify(value, null, 2)}\n`);
