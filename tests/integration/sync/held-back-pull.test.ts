import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaVersionOf } from '../../../src-shared/db/collections';
import { SyncTransport } from '../../../src-renderer/sync/sync-transport';
import { HELD_BACK_WAIT_MS } from '../../../src-server/sync/pull';
import { sessionAuth } from './support/client';
import { followUpCase, scope } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

const CASES = schemaVersionOf('cases');

// Rows are held back while a transaction that began before them is still running: that needs two
// connections at once, and PGlite has one, so this runs where CI runs it, on PostgreSQL.
describe.skipIf(!process.env.DATABASE_URL)('a pull while committed rows are held back behind a running transaction', () => {
  let server: TestServer;
  let transport: SyncTransport;
  let createdBy: string;

  beforeAll(async () => {
    server = await startTestServer();
    createdBy = (await server.addUser({ username: 'head', roles: ['cohortCoordinator'], scope: scope({ cohorts: ['ver-2025'] }) })).userId;
    transport = new SyncTransport({ baseUrl: server.url, auth: sessionAuth(server.url, await server.login('head')) });
  });
  afterAll(() => server.close());

  /** A transaction that has its id and stays open until released, as a slow push would. */
  async function openTransaction(): Promise<{ release: () => void; ended: Promise<void> }> {
    let release!: () => void;
    let begun!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const hasId = new Promise<void>((resolve) => (begun = resolve));
    const ended = server.db.transaction(async (tx) => {
      await tx.query('SELECT pg_current_xact_id()');
      begun();
      await held;
    });
    await hasId;
    return { release, ended };
  }

  async function pushCase(): Promise<string> {
    const doc = followUpCase(createdBy, { cohort: 'ver-2025' });
    expect(await transport.push('cases', CASES, [{ newDocumentState: { ...doc, _deleted: false } }])).toMatchObject({ conflicts: [], rejections: [] });
    return doc.id;
  }

  it('waits for them, so a first sync does not end without what had committed when it asked', async () => {
    const before = await pushCase();
    const slow = await openTransaction();
    const heldBack = await pushCase();
    const pulled = transport.pull('cases', CASES, undefined, 100);
    await sleep(300);
    slow.release();
    await slow.ended;
    const response = await pulled;
    expect(response.documents.map((doc) => doc.id)).toEqual([before, heldBack]);
    expect(response.hasMore).toBe(false);
  });

  it(
    'answers with what is visible when the transaction outlives the wait, and the next pull brings the rest',
    async () => {
      const first = await transport.pull('cases', CASES, undefined, 100);
      const slow = await openTransaction();
      try {
        const heldBack = await pushCase();
        const response = await transport.pull('cases', CASES, first.checkpoint!.seq, 100);
        expect(response.documents).toEqual([]);
        expect(response.hasMore).toBe(false);
        slow.release();
        await slow.ended;
        const next = await transport.pull('cases', CASES, first.checkpoint!.seq, 100);
        expect(next.documents.map((doc) => doc.id)).toEqual([heldBack]);
      } finally {
        slow.release();
        await slow.ended;
      }
    },
    HELD_BACK_WAIT_MS + 10_000,
  );
});
