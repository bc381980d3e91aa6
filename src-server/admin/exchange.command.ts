import { z } from 'zod';
import { dateOf } from '../../src-shared/domain/calendar/iso-date';
import { parseNationalId } from '../../src-shared/domain/national-id';
import { AppError } from '../../src-shared/kernel/app-error';
import { DEFAULT_TIMEOUT_MS, fetchResults } from '../case-types/approval/result-exchange/fetch-results';
import { loadSources } from '../case-types/approval/result-exchange/source-directory';
import { options } from './admin-command';

export const EXCHANGE_USAGE = 'exchange fetch --national-id ID [--sources URL] [--timeout-ms N]';

/** Local result sources to ask when no --sources is given (scripts/admin.ts starts the stand-in). */
export type StartLocalSources = () => Promise<{ url: string; close(): Promise<void> }>;

export interface ExchangeIo {
  out(line: string): void;
  startLocalSources?: StartLocalSources;
  now?: () => Date;
}

const argsSchema = z.object({
  'national-id': z.string({ error: 'Missing --national-id' }).transform((value, ctx) => {
    try {
      return parseNationalId(value).value;
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `--national-id: ${(error as Error).message}` });
      return z.NEVER;
    }
  }),
  sources: z.url({ protocol: /^https?$/, error: '--sources must be an http(s) URL' }).optional(),
  'timeout-ms': z.coerce.number({ error: '--timeout-ms must be a number' }).int().min(100).max(60_000).default(DEFAULT_TIMEOUT_MS),
});

/**
 * `exchange fetch --national-id ID [--sources URL]`: fetches a student's passed results from every
 * institution in the source directory at URL and prints one JSON line per institution as it
 * answers: {"institution": "216", "name": …, "outcome": "imported", "results": […]}. Without
 * --sources it asks the local stand-in sources. Needs no database.
 */
export async function runExchangeCommand(args: string[], io: ExchangeIo): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'fetch') throw new AppError('validation', `Usage: ${EXCHANGE_USAGE}`);
  const parsed = argsSchema.safeParse(options(rest, { 'national-id': { type: 'string' }, sources: { type: 'string' }, 'timeout-ms': { type: 'string' } }));
  if (!parsed.success) throw new AppError('validation', parsed.error.issues.map((issue) => issue.message).join('; '));
  const { 'national-id': nationalId, sources: directoryUrl, 'timeout-ms': timeoutMs } = parsed.data;

  const local = directoryUrl ? undefined : await startLocal(io.startLocalSources);
  try {
    const sources = await loadSources(directoryUrl ?? local!.url);
    await fetchResults({
      nationalId,
      sources,
      fetchDate: dateOf(io.now?.() ?? new Date()),
      timeoutMs,
      onAnswer: ({ institution, outcome, results, detail }) =>
        io.out(JSON.stringify({ institution: institution.code, name: institution.name, outcome, results, ...(detail ? { detail } : {}) })),
    });
    return 0;
  } finally {
    await local?.close();
  }
}

function startLocal(start: StartLocalSources | undefined) {
  if (!start) throw new AppError('validation', 'No local result sources here: give --sources URL');
  return start();
}
