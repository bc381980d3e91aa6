import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../src-server/auth/sessions';
import { schemaVersionOf } from '../../../src-shared/db/collections';
import type { Actor } from '../../../src-shared/domain/access';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { placementWorkflow, type PlacementCase } from '../../../src-shared/domain/placement/placement.workflow';
import { placementStart } from '../../../dev/testing';
import { scope } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

/**
 * A placement order drafted and sent at once (or offline) reaches the server as one new case in
 * "ordered": the server accepts it as the creation followed by the step, and runs the step's side
 * (the site is e-mailed, the order goes to the placement system) as if the two had come one by one.
 * Real server over HTTP, PGlite or PostgreSQL.
 */
const SITE = 'site-sentrum-sykehjem';
const at = '2026-03-02T09:00:00.000Z';

describe('a case created and stepped on before it reached the server', () => {
  let server: TestServer;
  let admin: Actor;
  let session: Session;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.addUser({
      username: 'pia',
      name: 'Pia Admin',
      email: 'pia@hvl.example.no',
      roles: ['placementAdmin'],
      scope: scope({ departments: ['helse'] }),
    });
    await server.addUser({
      username: 'siri',
      name: 'Siri Site',
      email: 'siri@sentrum.example.no',
      roles: ['siteCoordinator'],
      scope: scope({ partners: [SITE] }),
    });
    session = await server.login('pia');
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A new placement case of the admin's, as the order form drafts it. */
  function draft(caseNumber: string): PlacementCase {
    const start = placementStart();
    return {
      ...start,
      id: `placement-${caseNumber}`,
      caseNumber,
      institution: admin.scope.institution,
      department: 'helse',
      cohort: SITE,
      assignees: [admin.userId],
      createdBy: admin.userId,
      updatedBy: admin.userId,
      createdAt: at,
      updatedAt: at,
    };
  }

  function sent(c: PlacementCase): PlacementCase {
    const result = placementWorkflow.transition(c, { type: 'sendOrder', at }, admin);
    if (!result.ok) throw new Error(result.message);
    return result.state;
  }

  async function pushNew(c: Case) {
    const response = await fetch(`${server.url}/sync/cases/v${schemaVersionOf('cases')}/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` },
      body: JSON.stringify({ rows: [{ newDocumentState: { ...c, _deleted: false } }] }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { conflicts: unknown[]; rejections: { reason: string; code?: string; message: string }[] };
  }

  const queuedMail = async (c: Case) =>
    (await server.db.query<{ message: string }>('SELECT message FROM email_outbox'))
      .map((row) => JSON.parse(row.message) as { subject: string; to: string[] })
      .filter((message) => message.subject.includes(c.caseNumber));
  const queuedJobs = async (c: Case) => server.db.query<{ payload: string }>('SELECT payload FROM jobs WHERE case_id = $1', [c.id]);

  it('stores a new order pushed as sent, e-mails the site and queues the order for the placement system, once', async () => {
    const order = sent(draft('2026/07001'));
    expect(order.status).toBe('ordered');
    expect(await pushNew(order)).toEqual({ conflicts: [], rejections: [], revisions: { [order.id]: 1 } });

    const [stored] = await server.db.query<{ doc: string }>(`SELECT doc FROM sync_documents WHERE collection = 'cases' AND id = $1`, [order.id]);
    expect(JSON.parse(stored!.doc)).toMatchObject({ status: 'ordered', details: { order: { sentAt: at } } });
    const mails = await queuedMail(order);
    expect(mails.map((mail) => mail.to)).toEqual([['siri@sentrum.example.no']]);
    expect(mails[0]!.subject).toContain('Bestilling av praksisplasser');
    expect((await queuedJobs(order)).map((job) => JSON.parse(job.payload))).toEqual([{ system: 'alp', operation: 'order.send' }]);

    // The same push again (its answer was lost): nothing stored, sent or queued twice.
    expect((await pushNew(order)).rejections).toEqual([]);
    expect(await queuedMail(order)).toHaveLength(1);
    expect(await queuedJobs(order)).toHaveLength(1);
  });

  it('refuses a new case pushed in "ordered" without the step having been taken, and sends nothing', async () => {
    const unsent = { ...draft('2026/07002'), status: 'ordered' as const };
    const answer = await pushNew(unsent);
    expect(answer.rejections).toMatchObject([{ reason: 'workflow', code: 'illegal-initial-status' }]);
    expect(await queuedMail(unsent)).toEqual([]);
    expect(await queuedJobs(unsent)).toEqual([]);
  });
});
