import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import Papa from 'papaparse';
import { AppError } from '../../src-shared/kernel/app-error';

/** Largest organisation file read (an institution's units are thousands of rows, not millions). */
export const MAX_ORG_FILE_BYTES = 10 * 1024 * 1024;

/**
 * The rows of an organisation file: JSON (an array of objects, or `{ "units": [...] }`) or CSV with
 * a header row (semicolons or commas, as Excel saves it, with or without a byte-order mark).
 */
export async function readOrgFile(path: string): Promise<unknown[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new AppError('validation', `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (bytes.length > MAX_ORG_FILE_BYTES) throw new AppError('validation', `${path} is larger than ${MAX_ORG_FILE_BYTES / 1024 / 1024} MiB`);
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  switch (extname(path).toLowerCase()) {
    case '.json':
      return jsonRows(text, path);
    case '.csv':
      return csvRows(text, path);
    default:
      throw new AppError('validation', `${path}: an organisation file is .json or .csv`);
  }
}

function jsonRows(text: string, path: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AppError('validation', `${path} is not valid JSON: ${(error as Error).message}`);
  }
  const rows = Array.isArray(parsed) ? parsed : (parsed as { units?: unknown } | null)?.units;
  if (!Array.isArray(rows)) throw new AppError('validation', `${path}: expected an array of units, or an object with "units"`);
  return rows;
}

function csvRows(text: string, path: string): unknown[] {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', delimitersToGuess: [';', ',', '\t'] });
  const broken = parsed.errors.find((error) => error.type !== 'Delimiter');
  if (broken) throw new AppError('validation', `${path}, data row ${(broken.row ?? 0) + 1}: ${broken.message}`);
  if (!parsed.meta.fields?.includes('id') || !parsed.meta.fields.includes('kind')) {
    throw new AppError('validation', `${path}: the header row needs at least the columns id, kind and name`);
  }
  return parsed.data;
}
