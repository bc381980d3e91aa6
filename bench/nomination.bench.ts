/**
 * Nomination admission figures (pure TypeScript, Node):
 *   nomination.rank-5000.ms               rank 5,000 applications over 40 offers with priorities. Goal ≤ 200.
 *   nomination.ewp-import-1000.seconds    1,000 EWP mobilities validated and imported. Goal ≤ 5.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Emit } from '../scripts/bench';
import { benchRanking } from './nomination/rank';

export async function run(emit: Emit): Promise<void> {
  await benchRanking(emit);
  // The EWP import benchmark lands with the EWP import; until then the area runs without it.
  const ewpImport = join(import.meta.dirname, 'nomination', 'ewp-import.ts');
  if (!existsSync(ewpImport)) {
    console.error('nomination: bench/nomination/ewp-import.ts is not there yet; skipping nomination.ewp-import-1000.seconds');
    return;
  }
  const { benchEwpImport } = (await import(pathToFileURL(ewpImport).href)) as { benchEwpImport: (emit: Emit) => Promise<void> };
  await benchEwpImport(emit);
}
