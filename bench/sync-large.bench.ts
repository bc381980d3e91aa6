/**
 * A fresh laptop's first sync of 100,000 cases, in Debian's Chromium against a real server process.
 * Not in the default run (seeding the server and the sync take many minutes): `npm run bench -- sync-large`.
 *   sync.first-sync-100k-cases.seconds   the real app (browser host, IndexedDB) signs in as a reader
 *                                        who sees every case and pulls 100,000 cases, ~300,000 notes
 *                                        and their people, tasks and documents (the demo data), until
 *                                        it reports its first sync complete (as sync.bench.ts's 10k),
 *                                        with `…pull-wait-seconds` and `…server-pull-seconds` beside it
 * The server runs on the engine DATABASE_URL picks (PostgreSQL when set, else the embedded PGlite),
 * and on PGlite too when that was PostgreSQL, its figure then `….pglite-seconds`; each line's unit
 * names its engine. The server is seeded through the demo-data bulk import before it starts (not
 * measured; the seconds it took go to stderr). `SYNC_LARGE_CASES` (10 to 100,000) shrinks the data,
 * only to check that the area works: the figure's name stays. The CPU profile of the sync:
 * .tmp/bench/first-sync-100k-chromium.cpuprofile.
 */
import type { Emit } from '../scripts/bench';
import { generateDemoData } from '../dev/demo-data';
import { emitFirstSyncInChromium } from './support/first-sync-in-chromium';
import { BENCH_READER, benchCredentials, onEachEngine, startSeededServer } from './support/seeded-server';

const FIRST_SYNC_TIMEOUT_MS = 30 * 60_000;

export async function run(emit: Emit): Promise<void> {
  const caseCount = Number(process.env.SYNC_LARGE_CASES ?? 100_000);
  const generating = performance.now();
  const data = generateDemoData({ caseCount, seed: 11, now: new Date() });
  console.error(
    `generating the demo data (${data.cases.length} cases + ${data.notes.length} notes …): ${((performance.now() - generating) / 1000).toFixed(1)} s`,
  );
  await onEachEngine(emit, async (dbOptions, emit) => {
    const server = await startSeededServer(dbOptions, data, [BENCH_READER]);
    try {
      await emitFirstSyncInChromium(emit, 'sync.first-sync-100k-cases.seconds', server.url, benchCredentials(BENCH_READER), server.engine, data, {
        timeoutMs: FIRST_SYNC_TIMEOUT_MS,
        profileName: 'first-sync-100k-chromium',
      });
    } finally {
      await server.close();
    }
  });
}
