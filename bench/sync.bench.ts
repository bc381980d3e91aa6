/**
 * `npm run bench -- sync`. A real server process (PostgreSQL when DATABASE_URL is set, else
 * embedded PGlite) and real clients over HTTP on loopback:
 * - sync.first-sync-10k-cases.seconds: a fresh laptop, the real app in Debian's Chromium (browser
 *   host, IndexedDB), signs in and pulls 10,000 cases, ~30,000 notes and their people, tasks and
 *   documents, until it reports its first sync complete. `…node-seconds`: the same into RxDB's
 *   memory storage in Node (with the app's field encryption); `…server-seconds`: the download over
 *   HTTP alone (what the server and the wire take; the rest is the client's).
 * - sync.live-propagation.p95-ms: a note written on laptop A until it is in laptop B's database.
 * - sync.push-50-clients.p99-ms: 50 clients push 200 notes each (one per request, concurrently);
 *   also the number of failed or refused pushes and the server's peak RSS.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { filter, firstValueFrom } from 'rxjs';
import type { Emit } from '../scripts/bench';
import { firstSyncInChromium } from './support/first-sync-in-chromium';
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

export async function run(emit: Emit): Promise<void> {
  const dbOptions = testDatabaseOptions();
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
    const inChromium = await firstSyncInChromium(url, { username: 'reader', password: TEST_PASSWORD }, data.cases.length);
    emit('sync.first-sync-10k-cases.seconds', inChromium, `s (Chromium, ${engine}, ${data.cases.length} cases + ${data.notes.length} notes)`);

    // 2. Live propagation between two laptops.
    const a = await openLaptop(url, await login(url, 'koord0'), { collections: CASE_WORK });
    const b = await openLaptop(url, await login(url, 'koord1'), { collections: CASE_WORK });
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

    // 3. 50 clients pushing 200 notes each, concurrently.
    const clients = await Promise.all(
      Array.from({ length: PUSH_CLIENTS }, async (_, n) => {
        const session = await login(url, `koord${n}`);
        const transport = new SyncTransport({ baseUrl: url, auth: sessionAuth(url, session) });
        const own = followUpCase(session.user.userId, { id: randomUUID(), cohort: 'bench', institution: INSTITUTION.id, department: 'helse' });
        await transport.push('cases', 0, [{ assumedMasterState: null, newDocumentState: { ...own, _deleted: false } }]);
        return { transport, session, caseId: own.id };
      }),
    );
    let peakRss = rssMb(server.pid);
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(server.pid))), 100);
    const latencies: number[] = [];
    let errors = 0;
    await Promise.all(
      clients.map(async ({ transport, session, caseId }) => {
        for (let n = 0; n < PUSHES_PER_CLIENT; n++) {
          const row = { assumedMasterState: null, newDocumentState: { ...note(caseId, session.user.userId, `Notat ${n}`), _deleted: false } };
          const t0 = performance.now();
          try {
            const response = await transport.push('notes', schemaVersionOf('notes'), [row]);
            if (response.rejections.length || response.conflicts.length) errors++;
          } catch {
            errors++;
          }
          latencies.push(performance.now() - t0);
        }
      }),
    );
    clearInterval(sampler);
    emit('sync.push-50-clients.p99-ms', percentile(latencies, 99), 'ms');
    emit('sync.push-50-clients.errors', errors, 'count');
    emit('sync.push-50-clients.server-rss-mb', peakRss, 'MB');
  } finally {
    await server.kill();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await dropTestSchema(dbOptions);
  }
}
