import { readFile, writeFile } from 'node:fs/promises';
import { summarizeZodError } from '../../src-shared/kernel/app-error';
import { distributionInstanceSchema, solveDistribution } from '../../src-shared/domain/placement/distribution';
import { highs } from '../case-types/placement/distribution/highs';
import { options } from './admin-command';

/** The usage line of `npm run admin -- placement …`. */
export const PLACEMENT_USAGE = 'placement solve --in INSTANCE.json --out RESULT.json [--explain]';

export interface PlacementIo {
  out(line: string): void;
  err(line: string): void;
}

/**
 * `placement solve --in INSTANCE.json --out RESULT.json [--explain]`: the optimal distribution of
 * students to sites and supervisors (issue 12's acceptance interface; format in README "Placement
 * distribution (solver)"); `--explain` adds why each student got their site. Writes the result and
 * prints its status line. Exit 0 when optimal or infeasible; 2 on bad arguments or an instance that
 * cannot be read or is invalid (the reason on stderr). Needs no database.
 */
export async function runPlacementCommand(args: string[], io: PlacementIo): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'solve') return usage(io, `Unknown placement action "${action ?? ''}"`);
  let flags: { in?: string | boolean; out?: string | boolean; explain?: string | boolean };
  try {
    flags = options(rest, { in: { type: 'string' }, out: { type: 'string' }, explain: { type: 'boolean' } });
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  if (typeof flags.in !== 'string' || typeof flags.out !== 'string') return usage(io, 'Both --in and --out are required');
  let json: unknown;
  try {
    json = JSON.parse(await readFile(flags.in, 'utf8'));
  } catch (error) {
    io.err(`Cannot read ${flags.in}: ${(error as Error).message}`);
    return 2;
  }
  const instance = distributionInstanceSchema.safeParse(json);
  if (!instance.success) {
    io.err(`Invalid instance ${flags.in}: ${summarizeZodError(instance.error)}`);
    return 2;
  }
  const result = await solveDistribution(await highs(), instance.data, { explain: flags.explain === true });
  await writeFile(flags.out, `${JSON.stringify(result, null, 2)}\n`);
  io.out(
    result.status === 'optimal'
      ? `optimal: total cost ${result.totalCost}, ${result.assignments.length} placed → ${flags.out}`
      : `infeasible: ${result.blocking}`,
  );
  return 0;
}

function usage(io: PlacementIo, reason: string): number {
  io.err(`${reason}\nUsage: npm run admin -- ${PLACEMENT_USAGE}`);
  return 2;
}
