import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resultsFetchAdapter } from '../../../src-server/case-types/approval/result-exchange/results-fetch.job';
import { INTEGRATION_JOB, integrationHandler } from '../../../src-server/jobs/integration-jobs';
import { createJobWorker } from '../../../src-server/jobs/job-worker';
import { importDocuments } from '../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import { approvalWorkflow, type ApprovalCase } from '../../../src-shared/domain/approval';
import type { Person } from '../../../src-shared/domain/person/person.schema';
import { demoUsers } from '../../../dev/demo-data';
import { startResultSourcesStandIn, TESTPERSON1, type ResultSourcesStandIn } from '../../stand-ins/result-sources-server';
import { addDemoAccount, consentingApprovalCase, importDemoData } from '../sync/support/demo';
import { pushChange } from '../sync/support/push';
import { startTestServer, type TestServer } from '../sync/support/test-server';

/**
 * The fetch a case officer orders, run by the server's job against the institutions' stand-in
 * over HTTP: each answer is written onto the case as it arrives (server-only steps), the fetch
 * completes, and a source that was down is asked again the next day at the same time.
 */
const people = defaultSyncCollections().find((collection) => collection.name === 'people')!;
const DOWN = '185';

describe('the result fetch as a server job', () => {
  let sources: ResultSourcesStandIn;
  let server: TestServer;
  let clock = new Date('2026-12-07T09:00:00.000Z');
  const adapters = () => ({ fs: resultsFetchAdapter({ directoryUrl: sources.url, timeoutMs: 1500 }) });
  const runJobs = () =>
    createJobWorker({ queue: server.app.saksflyt.jobs, handlers: { [INTEGRATION_JOB]: integrationHandler(adapters(), server.app.saksflyt.steps) } }).runDue();
  const stored = async (id: string) => {
    const [row] = await server.db.query<{ doc: string; version: number }>(`SELECT doc, version FROM sync_documents WHERE collection = 'cases' AND id = $1`, [
      id,
    ]);
    return { caseDoc: JSON.parse(row!.doc) as ApprovalCase, version: row!.version };
  };

  beforeAll(async () => {
    sources = await startResultSourcesStandIn();
    sources.configure(DOWN, { down: 'refused' });
    server = await startTestServer({ jobs: { worker: false, now: () => clock } });
  });
  afterAll(async () => {
    await server?.close();
    await sources?.close();
  });

  it('writes each answer as it arrives, completes the fetch, and asks the source that was down again the next day', async () => {
    const data = await importDemoData(server.db, 40);
    const officer = demoUsers().find((user) => user.userId === 'u-studiekonsulent')!;
    await addDemoAccount(server, officer);
    const session = await server.login(officer.userId);
    const { caseDoc: ordered } = await stored(consentingApprovalCase(data).id);
    // The case's student is the seed's Testperson1.
    const student = data.people.find((person) => person.id === ordered.subjectPersonId)!;
    await importDocuments(server.db, people, [{ ...student, nationalId: TESTPERSON1 } satisfies Person], { actorId: null, action: 'test' });

    // The order is a synced step from the case officer's laptop.
    const step = approvalWorkflow.transition(ordered, { type: 'orderResultFetch', at: clock.toISOString() }, officer);
    if (!step.ok) throw new Error(step.message);
    expect(await pushChange(server.url, session.accessToken, 'cases', step.state, ordered)).toMatchObject({ conflicts: [], rejections: [] });
    const before = await stored(ordered.id);

    expect(await runJobs()).toBe(1);
    const { caseDoc: fetched, version } = await stored(ordered.id);
    const fetch1 = fetched.details.fetches.at(-1)!;
    expect(fetched.status).toBe('processing');
    expect(fetch1.sources.map((source) => source.code).sort()).toEqual(
      sources
        .sources()
        .map((source) => source.code)
        .sort(),
    );
    expect(fetch1.answers).toHaveLength(fetch1.sources.length);
    expect(fetch1.completedAt).toBeDefined();
    expect(fetch1.answers.find((answer) => answer.code === '216')).toMatchObject({ outcome: 'imported', resultCount: 3 });
    expect(fetch1.results.filter((result) => result.institutionCode === '216').map((result) => result.code)).toEqual(['BAINF', 'RES-100', 'INF300']);
    expect(fetch1.answers.find((answer) => answer.code === DOWN)).toMatchObject({ outcome: 'sourceUnavailable', retryOn: '2026-12-08' });
    expect(fetch1.answers.filter((answer) => answer.outcome === 'noResults').length).toBeGreaterThan(40);
    // Nothing is accepted yet: the case officer accepts the fetch.
    expect(fetched.details.externalResults).toEqual(before.caseDoc.details.externalResults);
    // Written as the answers came (start, several answer steps, complete), not once at the end.
    const steps = await server.db.query<{ event: string }>(
      `SELECT detail::json->>'event' AS event FROM audit_log WHERE action = 'server-step' AND document_id = $1 ORDER BY id`,
      [ordered.id],
    );
    const events = steps.map((row) => row.event);
    expect(events[0]).toBe('startFetch');
    expect(events.at(-1)).toBe('completeFetch');
    expect(events.filter((event) => event === 'recordSourceAnswers').length).toBeGreaterThan(1);
    expect(version - before.version).toBe(events.length);

    // The same time the next day, the source is up and only it is asked again.
    sources.configure(DOWN, { down: false });
    const asked = sources.requests.length;
    expect(await runJobs()).toBe(0);
    clock = new Date('2026-12-08T09:00:00.000Z');
    expect(await runJobs()).toBe(1);
    expect(sources.requests.slice(asked).map((request) => request.code)).toEqual([DOWN]);
    const retried = (await stored(ordered.id)).caseDoc.details.fetches.at(-1)!;
    expect(retried.answers.find((answer) => answer.code === DOWN)).toMatchObject({
      outcome: 'noResults',
      answeredAt: expect.stringMatching(/^2026-12-08T09:/),
    });
    expect(retried.answers.find((answer) => answer.code === DOWN)?.retryOn).toBeUndefined();
  });
});

describe('an ordered fetch on a running server', () => {
  it('starts at once when the order arrives, not at the worker’s next poll', async () => {
    const sources = await startResultSourcesStandIn();
    // The worker polls once an hour: only being woken by the push can run the job now.
    const server = await startTestServer({
      jobs: { pollMs: 3_600_000, adapters: { fs: resultsFetchAdapter({ directoryUrl: sources.url, timeoutMs: 1500 }) } },
    });
    try {
      const data = await importDemoData(server.db, 40);
      const officer = demoUsers().find((user) => user.userId === 'u-studiekonsulent')!;
      await addDemoAccount(server, officer);
      const session = await server.login(officer.userId);
      const consenting = consentingApprovalCase(data);
      const step = approvalWorkflow.transition(consenting, { type: 'orderResultFetch', at: new Date().toISOString() }, officer);
      if (!step.ok) throw new Error(step.message);
      expect(await pushChange(server.url, session.accessToken, 'cases', step.state, consenting)).toMatchObject({ conflicts: [], rejections: [] });
      await vi.waitFor(
        async () => {
          const [row] = await server.db.query<{ doc: string }>(`SELECT doc FROM sync_documents WHERE collection = 'cases' AND id = $1`, [consenting.id]);
          expect((JSON.parse(row!.doc) as ApprovalCase).details.fetches.at(-1)?.completedAt).toBeDefined();
        },
        { timeout: 15_000, interval: 50 },
      );
    } finally {
      await server.close();
      await sources.close();
    }
  });
});
