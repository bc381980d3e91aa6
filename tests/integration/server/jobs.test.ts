import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src-server/db/database';
import { enqueueIntegration, integrationHandler, INTEGRATION_JOB } from '../../../src-server/jobs/integration-jobs';
import type { Job } from '../../../src-server/jobs/job';
import { PermanentJobError, retryAt, type JobHandler } from '../../../src-server/jobs/job-outcome';
import { createJobQueue, type JobQueue } from '../../../src-server/jobs/job-queue';
import { createJobWorker } from '../../../src-server/jobs/job-worker';
import { dropTestSchema, startTestServer, testDatabaseOptions, type TestServer } from '../sync/support/test-server';

/**
 * The durable job queue on the server's real database (PGlite, or PostgreSQL with DATABASE_URL),
 * driven by a clock the tests move: nothing here waits for time to pass.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const LEASE_MS = 10 * MINUTE;
const backoff = { baseMs: MINUTE, maxMs: 10 * MINUTE };

const dbOptions = testDatabaseOptions();
let server: TestServer;
let clock: number;
const now = () => new Date(clock);
const at = (ms: number) => new Date(ms).toISOString();
let queue: JobQueue;

beforeAll(async () => {
  // The server's own worker is off: these tests run the worker themselves.
  server = await startTestServer({ ...dbOptions, jobs: { worker: false } });
});
afterAll(async () => {
  await server?.close();
  await dropTestSchema(dbOptions);
});
beforeEach(async () => {
  // Each test starts from an empty queue: a worker takes every due job, whatever its kind.
  await server.db.query('DELETE FROM jobs');
  clock = Date.UTC(2026, 2, 5, 9, 30);
  queue = createJobQueue(server.db, { now, maxAttempts: 3 });
});

const worker = (handlers: Record<string, JobHandler>, on: JobQueue = queue) => createJobWorker({ queue: on, handlers, backoff, leaseMs: LEASE_MS });
/** A job kind of its own per test. */
const newKind = () => `test-${randomUUID().slice(0, 8)}`;
const stored = async (job: Job) => (await queue.get(job.id))!;
/** A worker for a new kind of job whose handler only counts its runs. */
function countingWorker() {
  const kind = newKind();
  const counted = { kind, calls: 0, run: worker({ [kind]: async () => void (counted.calls += 1) }) };
  return counted;
}
/** Nothing is due a millisecond before `dueAt`; at `dueAt` the counted job runs, once. */
async function expectRunsFirstAt(counted: ReturnType<typeof countingWorker>, dueAt: number) {
  clock = dueAt - 1;
  expect(await counted.run.runDue()).toBe(0);
  clock = dueAt;
  expect(await counted.run.runDue()).toBe(1);
  expect(counted.calls).toBe(1);
}

describe('job queue and worker', () => {
  it('runs a queued job with the handler of its kind, once, and marks it done', async () => {
    const kind = newKind();
    const caseId = randomUUID();
    const seen: Job[] = [];
    const job = await queue.enqueue({ kind, caseId, payload: { hello: 'verden', n: 1 } });
    expect(job).toMatchObject({ kind, caseId, state: 'queued', attempts: 0, maxAttempts: 3, nextAttemptAt: at(clock), lastError: null, finishedAt: null });

    const run = worker({ [kind]: async (claimed) => void seen.push(claimed) });
    expect(await run.runDue()).toBe(1);
    expect(seen).toEqual([expect.objectContaining({ id: job.id, payload: { hello: 'verden', n: 1 }, state: 'running', attempts: 1 })]);
    expect(await stored(job)).toMatchObject({ state: 'done', attempts: 1, lastError: null, leaseUntil: null, finishedAt: at(clock) });
    expect(await run.runDue()).toBe(0);
    expect(seen).toHaveLength(1);
    expect(await queue.forCase(caseId)).toEqual([await stored(job)]);
  });

  it('refuses a job that does not parse', async () => {
    await expect(queue.enqueue({ kind: 'Not a kind!', payload: {} })).rejects.toMatchObject({ kind: 'validation' });
    await expect(queue.enqueue({ kind: newKind(), payload: {}, notBefore: 'tomorrow' })).rejects.toMatchObject({ kind: 'validation' });
    await expect(queue.enqueue({ kind: newKind(), payload: { text: 'x'.repeat(70_000) } })).rejects.toMatchObject({ kind: 'validation' });
  });

  it('retries a failing job with exponential backoff, then marks it failed with the last error', async () => {
    const kind = newKind();
    let calls = 0;
    const run = worker({
      [kind]: async () => {
        calls += 1;
        throw new Error(`FS answered 503 (call ${calls})`);
      },
    });
    const job = await queue.enqueue({ kind, payload: {} });

    await run.runDue();
    expect(await stored(job)).toMatchObject({
      state: 'retrying',
      attempts: 1,
      nextAttemptAt: at(clock + MINUTE),
      lastError: 'FS answered 503 (call 1)',
      finishedAt: null,
    });
    clock += MINUTE - 1;
    expect(await run.runDue()).toBe(0);
    clock += 1;
    await run.runDue();
    expect(await stored(job)).toMatchObject({ state: 'retrying', attempts: 2, nextAttemptAt: at(clock + 2 * MINUTE), lastError: 'FS answered 503 (call 2)' });
    clock += 2 * MINUTE;
    await run.runDue();
    expect(await stored(job)).toMatchObject({ state: 'failed', attempts: 3, lastError: 'FS answered 503 (call 3)', finishedAt: at(clock) });
    clock += HOUR;
    expect(await run.runDue()).toBe(0);
    expect(calls).toBe(3);
  });

  it('caps the backoff, and fails at once on a permanent error', async () => {
    const kind = newKind();
    const run = worker({
      [kind]: async (job) => {
        throw job.payload.permanent ? new PermanentJobError('FS refused the request as invalid') : new Error('timeout');
      },
    });
    const permanent = await queue.enqueue({ kind, payload: { permanent: true } });
    const patient = await queue.enqueue({ kind, payload: {}, maxAttempts: 10 });
    await run.runDue();
    expect(await stored(permanent)).toMatchObject({ state: 'failed', attempts: 1, lastError: 'FS refused the request as invalid' });
    const delays: number[] = [];
    for (let attempt = 1; attempt < 7; attempt += 1) {
      const before = clock;
      clock = Date.parse((await stored(patient)).nextAttemptAt);
      delays.push(clock - before);
      await run.runDue();
    }
    // 1, 2, 4, 8 minutes, then the 10-minute cap.
    expect(delays).toEqual([MINUTE, 2 * MINUTE, 4 * MINUTE, 8 * MINUTE, 10 * MINUTE, 10 * MINUTE]);
    expect(await stored(patient)).toMatchObject({ state: 'retrying', attempts: 7 });
  });

  it('retries at the time a handler asks for ("the same time next day") without counting a failure', async () => {
    const kind = newKind();
    let calls = 0;
    const run = worker({
      [kind]: async (_job, { now: runAt }) => {
        calls += 1;
        if (calls < 3) return retryAt(new Date(runAt.getTime() + 24 * HOUR), 'The source institution is unavailable; asking again tomorrow');
      },
    });
    const job = await queue.enqueue({ kind, payload: {} });
    const start = clock;
    await run.runDue();
    expect(await stored(job)).toMatchObject({
      state: 'retrying',
      attempts: 0,
      nextAttemptAt: at(start + 24 * HOUR),
      lastError: 'The source institution is unavailable; asking again tomorrow',
    });
    clock += 23 * HOUR;
    expect(await run.runDue()).toBe(0);
    clock += HOUR;
    await run.runDue();
    expect(await stored(job)).toMatchObject({ state: 'retrying', attempts: 0, nextAttemptAt: at(start + 48 * HOUR) });
    // More days than the job has attempts: asking to retry later never uses them up.
    clock += 24 * HOUR;
    await run.runDue();
    expect(await stored(job)).toMatchObject({ state: 'done', attempts: 1, lastError: null });
  });

  it('does not run a job before its not-before time; a callIntegration notBefore date is that day at the same time', async () => {
    const counted = countingWorker();
    const { kind, run } = counted;
    const later = await queue.enqueue({ kind, payload: {}, notBefore: new Date(clock + HOUR) });
    expect(await run.runDue()).toBe(0);
    expect(await stored(later)).toMatchObject({ state: 'queued', attempts: 0 });
    await expectRunsFirstAt(counted, clock + HOUR);

    const caseId = randomUUID();
    const retry = await enqueueIntegration(queue, { type: 'callIntegration', caseId, system: 'fs', operation: 'results.fetch', notBefore: '2026-03-06' });
    expect(retry).toMatchObject({
      kind: INTEGRATION_JOB,
      caseId,
      payload: { system: 'fs', operation: 'results.fetch' },
      state: 'queued',
      nextAttemptAt: '2026-03-06T10:30:00.000Z',
    });
  });

  it('makes enqueueing the same job again idempotent with a dedupe key', async () => {
    const counted = countingWorker();
    const { kind, run } = counted;
    const caseId = randomUUID();
    const first = await queue.enqueue({ kind, caseId, payload: { n: 1 }, dedupeKey: 'push-42:0' });
    const again = await queue.enqueue({ kind, caseId, payload: { n: 2 }, dedupeKey: 'push-42:0' });
    expect(again).toEqual(first);
    const other = await queue.enqueue({ kind, caseId, payload: { n: 3 }, dedupeKey: 'push-42:1' });
    expect(other.id).not.toBe(first.id);
    await run.runDue();
    expect(counted.calls).toBe(2);
    // Also once it has run: the same key is the same job, not a second run.
    expect(await queue.enqueue({ kind, caseId, payload: { n: 1 }, dedupeKey: 'push-42:0' })).toMatchObject({ id: first.id, state: 'done' });
    expect(await run.runDue()).toBe(0);
    expect((await queue.forCase(caseId)).map((job) => job.payload)).toEqual([{ n: 1 }, { n: 3 }]);

    const call = { type: 'callIntegration', caseId, system: 'canvas', operation: 'course.create' } as const;
    const integration = await enqueueIntegration(queue, call, { dedupeKey: `${caseId}:course.create` });
    expect(await enqueueIntegration(queue, call, { dedupeKey: `${caseId}:course.create` })).toEqual(integration);
  });

  it('takes a running job again once its lease has run out (its server stopped mid-run), and ignores the stopped run', async () => {
    const counted = countingWorker();
    const { kind } = counted;
    const job = await queue.enqueue({ kind, payload: {} });
    // Another process claims it and dies without finishing.
    const [crashed] = await queue.claim(100, LEASE_MS);
    expect(crashed).toMatchObject({ id: job.id, state: 'running', attempts: 1, leaseUntil: at(clock + LEASE_MS) });
    await expectRunsFirstAt(counted, clock + LEASE_MS);
    expect(await stored(job)).toMatchObject({ state: 'done', attempts: 2 });
    // The stopped process's late answer changes nothing.
    expect(await queue.settle(crashed!, { state: 'failed', attempts: 1, nextAttemptAt: now(), lastError: 'late', finishedAt: now() })).toBe(false);
    expect(await stored(job)).toMatchObject({ state: 'done', attempts: 2, lastError: null });
  });

  it('marks a job failed when its last attempt was cut short', async () => {
    const counted = countingWorker();
    const { kind, run } = counted;
    const job = await queue.enqueue({ kind, payload: {}, maxAttempts: 1 });
    await queue.claim(100, LEASE_MS);
    clock += LEASE_MS;
    await run.runDue();
    expect(counted.calls).toBe(0);
    expect(await stored(job)).toMatchObject({ state: 'failed', attempts: 2, lastError: 'The server stopped during attempt 1 (its lease ran out)' });
  });

  it('keeps a job of a system without an adapter waiting, visibly, and runs it after a start with one', async () => {
    const caseId = randomUUID();
    const job = await enqueueIntegration(queue, { type: 'callIntegration', caseId, system: 'exledger', operation: 'participants.invoice' });
    const unknownKind = await queue.enqueue({ kind: newKind(), caseId, payload: {} });
    await worker({ [INTEGRATION_JOB]: integrationHandler({}, server.app.saksflyt.steps) }).runDue();
    expect(await stored(job)).toMatchObject({ state: 'waiting', attempts: 0, lastError: 'No adapter for exledger is configured on this server' });
    expect((await stored(unknownKind)).lastError).toMatch(/^No handler for jobs of kind "test-/);
    clock += 7 * 24 * HOUR;
    await worker({ [INTEGRATION_JOB]: integrationHandler({}, server.app.saksflyt.steps) }).runDue();
    expect(await stored(job)).toMatchObject({ state: 'waiting', attempts: 0 });

    const calls: string[] = [];
    const configured = worker({
      [INTEGRATION_JOB]: integrationHandler(
        { exledger: async (operation, claimed) => void calls.push(`${operation} ${claimed.caseId}`) },
        server.app.saksflyt.steps,
      ),
    });
    // start puts waiting jobs back and runs a first round at once; stop waits for that round.
    await configured.start(HOUR);
    await configured.stop();
    expect(calls).toEqual([`participants.invoice ${caseId}`]);
    expect(await stored(job)).toMatchObject({ state: 'done', attempts: 1, lastError: null });
  });

  it('fails an integration job whose payload is not an integration call', async () => {
    const job = await queue.enqueue({ kind: INTEGRATION_JOB, payload: { system: 'nowhere', operation: 'x' } });
    await worker({ [INTEGRATION_JOB]: integrationHandler({}, server.app.saksflyt.steps) }).runDue();
    expect(await stored(job)).toMatchObject({ state: 'failed', attempts: 1, lastError: expect.stringContaining('Not an integration call') });
  });

  it('runs every job exactly once with two server processes claiming at the same time', async () => {
    // On PostgreSQL the second process has its own connections; PGlite belongs to one process.
    const second: Database = dbOptions.databaseUrl ? await openDatabase({ databaseUrl: dbOptions.databaseUrl, schema: dbOptions.schema }) : server.db;
    try {
      const kind = newKind();
      const runs = new Map<string, number>();
      const handler: JobHandler = async (job) => {
        runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
        await new Promise((resolve) => setImmediate(resolve));
      };
      const jobs = await Promise.all(Array.from({ length: 50 }, (_, n) => queue.enqueue({ kind, payload: { n } })));
      const workers = [
        worker({ [kind]: handler }),
        worker({ [kind]: handler }, createJobQueue(second, { now })),
        worker({ [kind]: handler }, createJobQueue(second, { now })),
      ];
      let claimed = 0;
      for (let round = 0; round < 10 && runs.size < jobs.length; round += 1)
        claimed += (await Promise.all(workers.map((w) => w.runDue()))).reduce((a, b) => a + b, 0);
      expect(claimed).toBe(jobs.length);
      expect([...runs.values()].every((count) => count === 1)).toBe(true);
      expect(new Set(runs.keys())).toEqual(new Set(jobs.map((job) => job.id)));
      for (const job of jobs) expect(await stored(job)).toMatchObject({ state: 'done', attempts: 1 });
    } finally {
      if (second !== server.db) await second.close();
    }
  });
});
