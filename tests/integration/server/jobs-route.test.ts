import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../../src-server/auth/sessions';
import { enqueueIntegration, INTEGRATION_JOB, integrationHandler, type IntegrationAdapter } from '../../../src-server/jobs/integration-jobs';
import { retryAt } from '../../../src-server/jobs/job-outcome';
import { createJobWorker } from '../../../src-server/jobs/job-worker';
import { importDocuments } from '../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import { approvalWorkflow } from '../../../src-shared/domain/approval';
import { demoUsers } from '../../../dev/demo-data';
import { caseJobsPath, caseJobsResponseSchema } from '../../../src-shared/jobs/case-jobs.schema';
import { syncErrorSchema } from '../../../src-shared/sync/sync-error.schema';
import { addDemoAccount, consentingApprovalCase, importDemoData } from '../sync/support/demo';
import { pushChange } from '../sync/support/push';
import { followUpCase, scope } from '../sync/support/fixtures';
import { startTestServer, type TestServer } from '../sync/support/test-server';

/** `GET /api/cases/{id}/jobs` over HTTP on a real server, and the server's own worker running jobs. */
const cases = defaultSyncCollections().find((collection) => collection.name === 'cases')!;

const get = async (server: TestServer, path: string, session?: Session) => {
  const response = await fetch(`${server.url}${path}`, { headers: session ? { authorization: `Bearer ${session.accessToken}` } : {} });
  return { status: response.status, body: (await response.json()) as unknown };
};

describe('GET /api/cases/{id}/jobs', () => {
  let server: TestServer;
  let kari: Session;
  let olav: Session;
  let student: Session;
  let caseId: string;
  let subjectPersonId: string;

  beforeAll(async () => {
    server = await startTestServer({ jobs: { worker: false } });
    const coordinator = await server.addUser({ username: 'kari', roles: ['cohortCoordinator'], scope: scope({ cohorts: ['spl-2025'] }) });
    await server.addUser({ username: 'olav', roles: ['cohortCoordinator'], scope: scope({ cohorts: ['ver-2025'] }) });
    const c = followUpCase(coordinator.userId);
    [caseId, subjectPersonId] = [c.id, c.subjectPersonId];
    // The student the case is about sees the case, but is not staff.
    await server.addUser({ id: subjectPersonId, username: 'stud', roles: ['student'], scope: scope() });
    await importDocuments(server.db, cases, [c], { actorId: null, action: 'test' });
    [kari, olav, student] = [await server.login('kari'), await server.login('olav'), await server.login('stud')];
  });
  afterAll(() => server?.close());

  it("answers staff who see the case with its jobs' state", async () => {
    const { jobs } = server.app.saksflyt;
    expect(caseJobsResponseSchema.parse((await get(server, caseJobsPath(caseId), kari)).body)).toEqual({ jobs: [] });

    const resultsFetch = await enqueueIntegration(jobs, { type: 'callIntegration', caseId, system: 'fs', operation: 'results.fetch' });
    const grant = await enqueueIntegration(jobs, { type: 'callIntegration', caseId, system: 'fs', operation: 'studyRight.grant' });
    await jobs.enqueue({ kind: 'other-case-job', caseId: 'another-case', payload: {} });
    // One round: FS asks for the fetch to be tried again tomorrow, and fails the grant with a long error.
    let tomorrow = new Date();
    const fs: IntegrationAdapter = async (operation, _job, { now }) => {
      if (operation === 'results.fetch') {
        tomorrow = new Date(now.getTime() + 24 * 3600_000);
        return retryAt(tomorrow, 'Source unavailable');
      }
      throw new Error(`FS: ${'x'.repeat(1500)}`);
    };
    await createJobWorker({ queue: jobs, handlers: { [INTEGRATION_JOB]: integrationHandler({ fs }, server.app.saksflyt.steps) } }).runDue();

    const answer = await get(server, caseJobsPath(caseId), kari);
    expect(answer.status).toBe(200);
    const body = caseJobsResponseSchema.parse(answer.body);
    expect(body.jobs).toEqual([
      expect.objectContaining({
        id: resultsFetch.id,
        kind: 'integration',
        system: 'fs',
        operation: 'results.fetch',
        state: 'retrying',
        attempts: 0,
        nextAttemptAt: tomorrow.toISOString(),
        lastError: 'Source unavailable',
      }),
      expect.objectContaining({
        id: grant.id,
        kind: 'integration',
        system: 'fs',
        operation: 'studyRight.grant',
        state: 'retrying',
        attempts: 1,
        maxAttempts: 8,
      }),
    ]);
    expect(body.jobs[1]!.lastError).toHaveLength(500);
    expect(body.jobs[1]!.lastError).toMatch(/^FS: x+…$/);
  });

  it('answers 404 to a reader who may not see the case, and to a non-staff reader, as for a case that does not exist', async () => {
    const missing = await get(server, caseJobsPath('no-such-case'), kari);
    expect(missing.status).toBe(404);
    for (const session of [olav, student]) {
      const refused = await get(server, caseJobsPath(caseId), session);
      expect(refused.status).toBe(404);
      expect(syncErrorSchema.parse(refused.body)).toEqual({ ...syncErrorSchema.parse(missing.body), message: `No case ${caseId}` });
    }
  });

  it('answers a bad case id with 400 and a missing token with 401', async () => {
    const bad = await get(server, caseJobsPath('x'.repeat(65)), kari);
    expect(bad.status).toBe(400);
    expect(syncErrorSchema.parse(bad.body)).toMatchObject({ code: 'bad-request' });
    expect((await get(server, caseJobsPath(caseId))).status).toBe(401);
  });
});

describe("the server's job worker", () => {
  it('runs integration jobs with the configured adapter, leaves a system without one waiting, and stops with the server', async () => {
    const calls: string[] = [];
    const server = await startTestServer({ jobs: { pollMs: 20, adapters: { canvas: async (operation) => void calls.push(operation) } } });
    try {
      const { jobs } = server.app.saksflyt;
      const caseId = 'course-case';
      const course = await enqueueIntegration(jobs, { type: 'callIntegration', caseId, system: 'canvas', operation: 'course.create' });
      const room = await enqueueIntegration(jobs, { type: 'callIntegration', caseId, system: 'zoom', operation: 'room.create' });
      await vi.waitFor(async () => expect((await jobs.get(course.id))?.state).toBe('done'), { timeout: 10_000, interval: 20 });
      await vi.waitFor(
        async () => expect(await jobs.get(room.id)).toMatchObject({ state: 'waiting', lastError: 'No adapter for zoom is configured on this server' }),
        {
          timeout: 10_000,
          interval: 20,
        },
      );
      expect(calls).toEqual(['course.create']);
    } finally {
      await server.close();
    }
  });
});

describe('a pushed workflow step', () => {
  it("queues the step's integration call, once, and the case's staff see it", async () => {
    const server = await startTestServer({ jobs: { worker: false } });
    try {
      const data = await importDemoData(server.db, 40);
      const officer = demoUsers().find((user) => user.userId === 'u-studiekonsulent')!;
      await addDemoAccount(server, officer);
      const session = await server.login(officer.userId);
      const stored = consentingApprovalCase(data);
      const step = approvalWorkflow.transition(stored, { type: 'orderResultFetch', at: new Date().toISOString() }, officer);
      if (!step.ok) throw new Error(step.message);
      const [row] = await server.db.query<{ doc: string }>(`SELECT doc FROM sync_documents WHERE collection = 'cases' AND id = $1`, [stored.id]);
      const pushStep = () => pushChange(server.url, session.accessToken, 'cases', step.state, JSON.parse(row!.doc) as object);
      expect(await pushStep()).toMatchObject({ conflicts: [], rejections: [] });
      await pushStep();

      const body = caseJobsResponseSchema.parse((await get(server, caseJobsPath(stored.id), session)).body);
      expect(body.jobs).toEqual([expect.objectContaining({ kind: 'integration', system: 'fs', operation: 'results.fetch', state: 'queued', attempts: 0 })]);
    } finally {
      await server.close();
    }
  });
});
