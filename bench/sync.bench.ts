/**
 * `npm run bench -- sync`. A real server process (PostgreSQL when DATABASE_URL is set, else
 * embedded PGlite) and real clients over HTTP on loopback:
 * - sync.first-sync-10k-cases.seconds: a fresh laptop, the real app in Debian's Chromium (browser
 *   host, IndexedDB), signs in and pulls 10,000 cases, ~30,000 notes and their people, tasks and
 *   documents, until it reports its first sync complete. `…node-seconds`: the same into RxDB's
 *   memory storage in Node (with the app's field encryption); `…server-seconds`: the download over
 *   HTTP alone (what the server and the wire take; the rest is the client's).
 * - sync.live-propagation.p95-ms: a note written on laptop A until it is in laptop B's database.
 * - sync.push-50-clients.p99-ms: 50 clients push 200 notes each (one per request, concurrently),
 *   driven from this process over kept-alive connections (support/push-load.ts); also p50, the
 *   server's own time per push (`server-p50-ms`, `server-p99-ms`, from its Server-Timing header),
 *   the number of failed or refused pushes and the server's peak RSS.
 * The live-propagation and push parts run on PostgreSQL when DATABASE_URL is set and always on
 * PGlite too (what a newcomer measures); PGlite's figures then carry `pglite-` (e.g.
 * `sync.push-50-clients.pglite-p99-ms`). `BENCH_ONLY=push` runs only these two parts,
 * `BENCH_ONLY=first-sync` only the first sync (its Chromium CPU profile: .tmp/bench/).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { filter, firstValueFrom } from 'rxjs';
import type { Emit } from '../scripts/bench';
import { firstSyncInChromium } from './support/first-sync-in-chromium';
import { runPushLoad } from './support/push-load';
import { addUser } from '../src-server/auth/accounts';
import type { Session } from '../src-server/auth/sessions';
import { openDatabase } from '../src-server/db/database';
import { migrate } from '../src-server/db/migrate';
import { importDemoData } from '../dev/server/import-demo-data';
import { defaultSyncCollections } from '../src-server/sync/sync-collections';
import { SyncTransport } from '../src-renderer/sync/sync-transport';
import { schemaVersionOf } from '../src-shared/db/collections';
import { generateDemoData, INSTITUTION } from '../dev/demo-data';
import { CASE_WORK, openLaptop, sessionAuth } from '../tests/integration/sync/support/client';
import { followUpCase, note } from '../tests/integration/sync/support/fixtures';
import { ServerProcess } from '../tests/integration/sync/support/server-process';
import { dropTestSchema, TEST_PASSWORD, testDatabaseOptions } from '../tests/integration/sync/support/test-server';
import type { AppOptions } from '../src-server/app';

const PUSH_CLIENTS = 50;
const PUSHES_PER_CLIENT = 200;
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

type DbOptions = Pick<AppOptions, 'databaseUrl' | 'schema'>;

export async function run(emit: Emit): Promise<void> {
  const pushOnly = process.env.BENCH_ONLY === 'push';
  const primary = testDatabaseOptions();
  await runOn(primary, emit, pushOnly);
  if (primary.databaseUrl) await runOn({}, (metric, value, unit) => emit(metric.replace(/\.([^.]+)$/, '.pglite-$1'), value, unit), true);
}

async function runOn(dbOptions: DbOptions, emit: Emit, pushOnly: boolean): Promise<void> {
  const dataDir = dbOptions.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'saksflyt-bench-'));
  const coordinatorScope = { institution: INSTITUTION.id, departments: [], cohorts: ['bench'], partners: [] };

  // Setup (not measured): demo data and accounts, written before the server starts.
  const data = generateDemoData({ caseCount: 10_000, seed: 11, now: new Date() });
  const setup = await openDatabase({ ...dbOptions, dataDir });
  await migrate(setup);
  await importDemoData(setup, data, { actorId: null, action: 'bench' });
  // One reader who sees every case type institution-wide.
  await addUser(setup, {
    username: 'reader',
    name: 'Bench Reader',
    password: TEST_PASSWORD,
    roles: ['rector', 'caseOfficer', 'placementAdmin', 'operationsConsultant'],
    scope: { ...coordinatorScope, cohorts: [] },
  });
  for (let n = 0; n < PUSH_CLIENTS; n++) {
    await addUser(setup, { username: `koord${n}`, name: `Koordinator ${n}`, password: TEST_PASSWORD, roles: ['cohortCoordinator'], scope: coordinatorScope });
  }
  await setup.close();

  const env: Record<string, string> = dbOptions.databaseUrl
    ? { DATABASE_URL: dbOptions.databaseUrl, DATABASE_SCHEMA: dbOptions.schema! }
    : { DATA_DIR: dataDir!, DATABASE_URL: '' };
  const server = new ServerProcess(env);
  const url = `http://127.0.0.1:${await server.start()}`;
  const engine = dbOptions.databaseUrl ? 'postgres' : 'pglite';
  try {
    if (!pushOnly) await firstSync(url, data, engine, emit);
    if (process.env.BENCH_ONLY === 'first-sync') return;
    await livePropagation(url, emit);
    await pushLoad(url, server.pid, engine, emit);
  } finally {
    await server.kill();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await dropTestSchema(dbOptions);
  }
}

async function firstSync(url: string, data: ReturnType<typeof generateDemoData>, engine: string, emit: Emit): Promise<void> {
  // 1. First sync of a fresh laptop; first the download alone, then into RxDB.
  const reader = await login(url, 'reader');
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
  const inChromium = await firstSyncInChromium(url, { username: 'reader', password: TEST_PASSWORD }, data.cases.length, (selfSeconds) =>
    console.error(`first sync in Chromium, main thread's self time (s) by script: ${JSON.stringify(selfSeconds)}`),
  );
  emit('sync.first-sync-10k-cases.seconds', inChromium, `s (Chromium, ${engine}, ${data.cases.length} cases + ${data.notes.length} notes)`);
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
  const result = await runPushLoad(url, `/sync/notes/v${schemaVersionOf('notes')}/push`, clients, PUSHES_PER_CLIENT);
  clearInterval(sampler);
  emit('sync.push-50-clients.p99-ms', percentile(result.latencies, 99), `ms (${engine})`);
  emit('sync.push-50-clients.p50-ms', percentile(result.latencies, 50), 'ms');
  emit('sync.push-50-clients.server-p99-ms', percentile(result.serverTimes, 99), 'ms');
  emit('sync.push-50-clients.server-p50-ms', percentile(result.serverTimes, 50), 'ms');
  emit('sync.push-50-clients.errors', result.errors, 'count');
  emit('sync.push-50-clients.server-rss-mb', peakRss, 'MB');
}
