import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../../src-shared/kernel/app-error';
import type { Database } from '../db/database';

/** What an admin command gets: the server's database (migrated) and a line printer. */
export interface AdminIo {
  db: Database;
  out(line: string): void;
}

/** One `npm run admin -- <name> …` command; returns the process exit code. */
export interface AdminCommand {
  /** One line for the usage text, e.g. "user add|list|disable|enable …". */
  usage: string;
  run(args: string[], io: AdminIo): Promise<number>;
}

/** Parses `--flag value` options strictly; an unknown flag is a usage error. */
export function options<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], spec: T) {
  try {
    return parseArgs({ args, options: spec, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new AppError('validation', (error as Error).message);
  }
}

export function required(value: string | boolean | undefined, flag: string): string {
  if (typeof value !== 'string' || value === '') throw new AppError('validation', `Missing --${flag}`);
  return value;
}

/** "a,b, c" → ["a", "b", "c"]. */
export function list(value: string | boolean | undefined): string[] {
  return typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : [];
}
