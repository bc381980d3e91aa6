/**
 * `npm run bench -- sync`. A real server process (PostgreSQL when DATABASE_URL is set, else
 * embedded PGlite) and real clients over HTTP on loopback:
 * - sync.first-sync-10k-cases.seconds: a fresh laptop, the real app in Debian's Chromium (browser
 *   host, IndexedDB), signs in and pulls 10,000 cases, ~30,000 notes and their people, tasks and
 *   documents, until it reports its first sync complete. `…node-seconds`: the same into RxDB's
 *   memory storage in Node (with the app's field encryption); `…server-seconds`: the download over
 *   HTTP alone (what the server and the wire take; the rest is the client's); `…pull-wait-seconds`
 *   and `…server-pull-seconds`: how long the Chromium page waited for pull answers, and the server's
 *   own time for them (support/first-sync-in-chromium.ts).
 * - sync.live-propagation.p95-ms: a note written on laptop A until it is in laptop B's database.
 * - sync.push-50-clients.p99-ms: 50 clients push 200 notes each (one per request, concurrently),
 *   driven from this process over kept-alive connections (support/push-load.ts); also p50, the
 *   server's own time per push (`server-p50-ms`, `server-p99-ms`, from its Server-Timing header),
 *   the number of failed or refused pushes and the server's peak RSS. Each client pushes again as
 *   soon as it has its answer, so the server runs saturated and a push waits behind the others
 *   (latency ≈ clients ÷ throughput): `pushes-per-s` is that throughput. `sync.push-50-clients-paced.*`:
 *   the same clients each pushing every 200 ms (250 pushes/s), timed from when each push was due.
 * The live-propagation and push parts run on PostgreSQL when DATABASE_URL is set and always on
 * PGlite too (what a newcomer measures); PGlite's figures then carry `pglite-` (e.g.
 * `sync.push-50-clients.pglite-p99-ms`). `BENCH_ONLY=push` runs only these two parts,
 * `BENCH_ONLY=first-sync` only the first sync (its Chromium CPU profile: .tmp/bench/).
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { filter, firstValueFrom } from 'rxjs';
import type { Emit } from '../scripts/bench';
import { emitFirstSyncInChromium } from './support/first-sync-in-chromium';
import { runPushLoad } from './support/push-load';
import { BENCH_COORDINATOR_SCOPE, BENCH_READER, benchCredentials, onEachEngine, startSeededServer, type DbOptions } from './support/seeded-server';
import type { Session } from '../src-server/auth/sessions';
import { defaultSyncCollections } from '../src-server/sync/sync-collections';
import { SyncTransport } from '../src-renderer/sync/sync-transport';
import { schemaVersionOf } from '../src-shared/db/collections';
import { generateDemoData, INSTITUTION } from '../dev/demo-data';
import { CASE_WORK, openLaptop, sessionAuth } from '../tests/integration/sync/support/client';
import { followUpCase, note } from '../tests/integration/sync/support/fixtures';
import { TEST_PASSWORD } from '../tests/integration/sync/support/test-server';

const PUSH_CLIENTS = 50;
const PUSHES_PER_CLIENT = 200;
/** Paced: each client pushes every 200 ms (250 pushes/s in all, below what one server process stores), 60 times. */
const PACED_INTERVAL_MS = 200;
const PACED_PUSHES_PER_CLIENT = 60;
const PROPAGATION_SAMPLES = 60;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function login(url: string, username: string): Promise<Session> {
  const response = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status}`);
  return (await response.json()) as Session;
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
}

export async function run(emit: Emit): Promise<void> {
  const pushOnly = process.env.BENCH_ONLY === 'push';
  await onEachEngine(emit, (dbOptions, emit, primary) => runOn(dbOptions, emit, pushOnly || !primary));
}

async function runOn(dbOptions: DbOptions, emit: Emit, pushOnly: boolean): Promise<void> {
  // Setup (not measured): demo data and accounts, written before the server starts.
  const data = generateDemoData({ caseCount: 10_000, seed: 11, now: new Date() });
  const coordinators = Array.from({ length: PUSH_CLIENTS }, (_, n) => ({
    username: `koord${n}`,
    name: `Koordinator ${n}`,
    roles: ['cohortCoordinator' as const],
    scope: BENCH_COORDINATOR_SCOPE,
  }));
  const server = await startSeededServer(dbOptions, data, [BENCH_READER, ...coordinators]);
  const { url, engine } = server;
  try {
    if (!pushOnly) await firstSync(url, data, engine, emit);
    if (process.env.BENCH_ONLY === 'first-sync') return;
    await livePropagation(url, emit);
    await pushLoad(url, server.pid, engine, emit);
  } finally {
    await server.close();
  }
}

async function firstSync(url: string, data: ReturnType<typeof generateDemoData>, engine: string, emit: Emit): Promise<void> {
  // 1. First sync of a fresh laptop; first the download alone, then into RxDB.
  const reader = await login(url, BENCH_READER.username);
  const download = performance.now();
  const transport = new SyncTransport({ baseUrl: url, auth: sessionAuth(url, reader) });
  const downloaded = await Promise.all(
    defaultSyncCollections().map(async (collection) => {
      let count = 0;
      let seq: string | undefined;
      for (;;) {
        const response = await transport.pull(collection.name, collection.version, seq, 1000);
        count += response.documents.length;
        seq = response.checkpoint?.seq ?? seq;
        if (!response.hasMore) return count;
      }
    }),
  );
  emit('sync.first-sync-10k-cases.server-seconds', (performance.now() - download) / 1000, `s (${downloaded.reduce((a, b) => a + b, 0)} documents over HTTP)`);
  const started = performance.now();
  const fresh = await openLaptop(url, reader, { pullBatchSize: 1000, retryTimeMs: 1000 });
  await Promise.all(Object.values(fresh.sync.replications).map((replication) => replication.awaitInitialReplication()));
  const seconds = (performance.now() - started) / 1000;
  const counts = { cases: await fresh.db.cases.count().exec(), notes: await fresh.db.notes.count().exec() };
  await fresh.close();
  if (counts.cases !== data.cases.length || counts.notes !== data.notes.length) {
    throw new Error(`first sync incomplete: ${JSON.stringify(counts)}`);
  }
  emit('sync.first-sync-10k-cases.node-seconds', seconds, `s (Node client, ${engine}, ${counts.cases} cases + ${counts.notes} notes)`);
  await emitFirstSyncInChromium(emit, 'sync.first-sync-10k-cases.seconds', url, benchCredentials(BENCH_READER), engine, data);
}

/**
 * A note written on laptop A until it is in laptop B's database, PROPAGATION_SAMPLES times, once
 * both laptops have finished their first sync (until then, on PGlite's one connection, every push
 * and live read queues behind their pulls of the 10,000 cases: seconds each).
 */
async function livePropagation(url: string, emit: Emit): Promise<void> {
  const a = await openLaptop(url, await login(url, 'koord0'), { collections: CASE_WORK });
  const b = await openLaptop(url, await login(url, 'koord1'), { collections: CASE_WORK });
  const replications = [a, b].flatMap((laptop) => Object.values(laptop.sync.replications));
  await Promise.all(replications.map((replication) => replication.awaitInitialReplication()));
  const c = followUpCase((await login(url, 'koord0')).user.userId, { cohort: 'bench', institution: INSTITUTION.id, department: 'helse' });
  await a.db.cases.insert(c);
  await firstValueFrom(b.db.cases.findOne(c.id).$.pipe(filter((doc) => doc !== null)));
  const delays: number[] = [];
  for (let n = 0; n < PROPAGATION_SAMPLES; n++) {
    const written = note(c.id, c.createdBy, `Notat ${n}`);
    const arrived = firstValueFrom(b.db.notes.findOne(written.id).$.pipe(filter((doc) => doc !== null)));
    const t0 = performance.now();
    await a.db.notes.insert(written);
    await arrived;
    delays.push(performance.now() - t0);
  }
  await a.close();
  await b.close();
  emit('sync.live-propagation.p95-ms', percentile(delays, 95), 'ms');
}

/** PUSH_CLIENTS clients pushing PUSHES_PER_CLIENT notes each, concurrently, one note per request. */
async function pushLoad(url: string, pid: number, engine: string, emit: Emit): Promise<void> {
  const clients = await Promise.all(
    Array.from({ length: PUSH_CLIENTS }, async (_, n) => {
      const session = await login(url, `koord${n}`);
      const transport = new SyncTransport({ baseUrl: url, auth: sessionAuth(url, session) });
      const own = followUpCase(session.user.userId, { id: randomUUID(), cohort: 'bench', institution: INSTITUTION.id, department: 'helse' });
      await transport.push('cases', 0, [{ assumedMasterState: null, newDocumentState: { ...own, _deleted: false } }]);
      const rows = (i: number) => [{ assumedMasterState: null, newDocumentState: { ...note(own.id, session.user.userId, `Notat ${i}`), _deleted: false } }];
      return { accessToken: session.accessToken, body: (i: number) => JSON.stringify({ rows: rows(i) }) };
    }),
  );
  let peakRss = rssMb(pid);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(pid))), 100);
  const path = `/sync/notes/v${schemaVersionOf('notes')}/push`;
  const result = await runPushLoad(url, path, clients, PUSHES_PER_CLIENT);
  emit('sync.push-50-clients.p99-ms', percentile(result.latencies, 99), `ms (${engine})`);
  emit('sync.push-50-clients.p50-ms', percentile(result.latencies, 50), 'ms');
  emit('sync.push-50-clients.server-p99-ms', percentile(result.serverTimes, 99), 'ms');
  emit('sync.push-50-clients.server-p50-ms', percentile(result.serverTimes, 50), 'ms');
  emit('sync.push-50-clients.pushes-per-s', result.latencies.length / result.seconds, 'pushes/s (saturated: each client pushes again at once)');
  const paced = await runPushLoad(url, path, clients, PACED_PUSHES_PER_CLIENT, { intervalMs: PACED_INTERVAL_MS });
  clearInterval(sampler);
  const offered = (PUSH_CLIENTS * 1000) / PACED_INTERVAL_MS;
  emit('sync.push-50-clients-paced.p99-ms', percentile(paced.latencies, 99), `ms (${engine}, ${offered} pushes/s offered, timed from when due)`);
  emit('sync.push-50-clients-paced.p50-ms', percentile(paced.latencies, 50), 'ms');
  emit('sync.push-50-clients.errors', result.errors + paced.errors, 'count');
  emit('sync.push-50-clients.server-rss-mb', peakRss, 'MB');
}
