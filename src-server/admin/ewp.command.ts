import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../../src-shared/kernel/app-error';
import { heiIdSchema } from '../../src-shared/domain/nomination/ewp-nomination';
import { importEwpMobilities } from '../case-types/nomination/ewp/import-ewp-mobilities';
import { MAX_EWP_FILE_BYTES, validateEwpXml } from '../case-types/nomination/ewp/validate-ewp-xml';
import { mapOmobilitiesGetResponse } from '../case-types/nomination/ewp/map-omobilities';
import type { Database } from '../db/database';
import { options } from './admin-command';

const VALIDATE_USAGE = 'ewp validate FILE';
const IMPORT_USAGE = 'ewp import --partner-url URL --sending-hei HEI --receiving-hei HEI [--max-ids N]';
/** The usage lines of `npm run admin -- ewp …`. */
export const EWP_USAGE = [VALIDATE_USAGE, IMPORT_USAGE];

export interface EwpIo {
  out(line: string): void;
  err(line: string): void;
  /** The server's database (`import` only; `validate` needs none). */
  openDatabase?: () => Promise<{ db: Database; close(): Promise<void> }>;
}

const importArgsSchema = z.object({
  'partner-url': z.url({ protocol: /^https?$/, error: '--partner-url must be an http(s) URL' }),
  'sending-hei': heiIdSchema,
  'receiving-hei': heiIdSchema,
  'max-ids': z.coerce.number({ error: '--max-ids must be a number' }).int().min(1).max(1000).default(1),
});

/** `npm run admin -- ewp validate|import …` (see EWP_USAGE); returns the exit code. */
export async function runEwpCommand(args: string[], io: EwpIo): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'validate') return runValidate(rest, io);
  if (action === 'import') return runImport(rest, io);
  return usage(io, EWP_USAGE);
}

/**
 * `ewp validate FILE`: validates an EWP Outgoing Mobilities get response against the official
 * XSD and prints what an import would store, one JSON line per mobility (the nomination draft).
 * Exit 0 when every mobility maps; 1 with the schema errors ("FILE:LINE: message") on an invalid
 * file, or with the mobilities that do not map; 2 on bad arguments or a file that cannot be read.
 * Needs no database.
 */
async function runValidate(args: string[], io: EwpIo): Promise<number> {
  const [file, ...rest] = args;
  if (!file || rest.length > 0 || file.startsWith('-')) return usage(io, [VALIDATE_USAGE]);
  let xml: string;
  try {
    const { size } = await stat(file);
    if (size > MAX_EWP_FILE_BYTES) throw new Error(`${size} bytes, more than ${MAX_EWP_FILE_BYTES} allowed`);
    xml = await readFile(file, 'utf8');
  } catch (error) {
    io.err(`Cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  const validation = await validateEwpXml(xml);
  if (!validation.valid) {
    for (const error of validation.errors) io.err(error.line === null ? `${file}: ${error.message}` : `${file}:${error.line}: ${error.message}`);
    return 1;
  }
  const { mobilities, problems } = mapOmobilitiesGetResponse(xml);
  for (const mobility of mobilities) io.out(JSON.stringify(mobility));
  for (const problem of problems) io.err(`${file}: mobility ${problem.omobilityId ?? '(without id)'} cannot be imported: ${problem.message}`);
  return problems.length ? 1 : 0;
}

/**
 * `ewp import --partner-url URL --sending-hei HEI --receiving-hei HEI [--max-ids N]`: imports the
 * partner's outgoing mobilities to this institution (importEwpMobilities) into the server's
 * database, prints the counts, and each refused file's or mobility's errors. Exit 0 when nothing
 * was refused, 1 when something was (or the partner did not answer), 2 on bad arguments.
 */
async function runImport(args: string[], io: EwpIo): Promise<number> {
  let parsed;
  try {
    parsed = importArgsSchema.safeParse(
      options(args, {
        'partner-url': { type: 'string' },
        'sending-hei': { type: 'string' },
        'receiving-hei': { type: 'string' },
        'max-ids': { type: 'string' },
      }),
    );
  } catch (error) {
    return usage(io, [IMPORT_USAGE], [(error as Error).message]);
  }
  if (!parsed.success)
    return usage(
      io,
      [IMPORT_USAGE],
      parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`),
    );
  if (!io.openDatabase) throw new Error('ewp import needs the server database');
  const { db, close } = await io.openDatabase();
  try {
    const result = await importEwpMobilities({
      db,
      partnerUrl: parsed.data['partner-url'],
      sendingHeiId: parsed.data['sending-hei'],
      receivingHeiId: parsed.data['receiving-hei'],
      maxOmobilityIds: parsed.data['max-ids'],
    });
    const { listed, created, updated, unchanged, refused } = result;
    io.out(
      `Listed ${listed}, created ${created}, updated ${updated}, unchanged ${unchanged}, refused ${refused.reduce((n, r) => n + r.omobilityIds.length, 0)}`,
    );
    for (const { omobilityIds, errors } of refused) {
      for (const error of errors)
        io.err(`Refused ${omobilityIds.join(', ') || '(without id)'}: ${error.line === null ? '' : `line ${error.line}: `}${error.message}`);
    }
    return refused.length > 0 ? 1 : 0;
  } catch (error) {
    const appError = AppError.from(error);
    if (appError.kind === 'internal') throw error;
    io.err(appError.message);
    return 1;
  } finally {
    await close();
  }
}

/** The problems with the arguments, then the usage; exit code 2. */
function usage(io: EwpIo, lines: readonly string[], problems: readonly string[] = []): number {
  for (const line of [...problems, ...lines.map((usageLine) => `Usage: npm run admin -- ${usageLine}`)]) io.err(line);
  return 2;
}
