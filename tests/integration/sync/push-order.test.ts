import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { Actor } from '../../../src-shared/domain/access';
import type { SyncIssue } from '../../../src-shared/sync/sync-issue.schema';
import type { ItemStatus } from '../../../src-renderer/sync/sync-status';
import { Network, openLaptop, type Laptop } from './support/client';
import { followUpCase, note, scope } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

/**
 * A case and its notes written offline reach the server case first, however the pushes of the
 * collections interleave: the server never refuses a note for want of its case, so the app never
 * shows one as refused (or removed) while its case is still on its way.
 */
let server: TestServer;
let kari: Actor;

beforeAll(async () => {
  server = await startTestServer();
  kari = await server.addUser({ username: 'kari', roles: ['cohortCoordinator'], scope: scope({ cohorts: ['spl-2025'] }) });
});
afterAll(() => server.close());

/**
 * A link on which the case pushes are slow (so the notes would overtake them) and that records
 * every refusal the server answers to a push, read off the wire.
 */
function slowCaseLink(network: Network) {
  const refusals: { collection: string; id: string; reason: string }[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const path = new URL(String(input)).pathname;
    if (path.startsWith('/sync/cases/') && path.endsWith('/push')) await new Promise((resolve) => setTimeout(resolve, 300));
    const response = await network.fetch(input, init);
    if (path.endsWith('/push') && response.ok) {
      const body = (await response.clone().json()) as { rejections: { id: string; reason: string }[] };
      for (const rejection of body.rejections) refusals.push({ collection: path.split('/')[2]!, id: rejection.id, reason: rejection.reason });
    }
    return response;
  };
  return { fetch, refusals };
}

/** Every item state other than "pending" the status bar showed. */
function watchItems(laptop: Laptop) {
  const shown: ItemStatus[] = [];
  const subscription = laptop.sync.status$.subscribe((status) => shown.push(...status.items.filter((item) => item.state !== 'pending')));
  return { shown, stop: () => subscription.unsubscribe() };
}

const stored = async (collection: string, ids: string[]) =>
  (await server.db.query<{ id: string }>(`SELECT id FROM sync_documents WHERE collection = $1 AND NOT deleted`, [collection]))
    .map((row) => row.id)
    .filter((id) => ids.includes(id))
    .sort();
const refusedOnServer = async (ids: string[]) =>
  (await server.db.query<{ document_id: string }>(`SELECT document_id FROM audit_log WHERE outcome = 'rejected'`)).filter((row) =>
    ids.includes(row.document_id),
  );
const allIssues = async (laptop: Laptop) => (await laptop.db.conflicts.find().exec()).map((doc) => doc.toJSON() as SyncIssue);

describe('a case and its notes written offline', () => {
  it('reach the server case first when the network comes back', async () => {
    const network = new Network();
    const link = slowCaseLink(network);
    const laptop = await openLaptop(server.url, await server.login('kari'), { network, fetch: link.fetch });
    const items = watchItems(laptop);
    try {
      expect(await laptop.sync.syncNow()).toEqual({ ok: true });

      network.setOnline(false);
      const written = followUpCase(kari.userId);
      const notes = [note(written.id, kari.userId, 'Første samtale.'), note(written.id, kari.userId, 'Andre samtale.')];
      await laptop.db.cases.insert(written);
      await laptop.db.notes.bulkInsert(notes);
      expect((await laptop.sync.syncNow(1000)).ok).toBe(false);
      expect(laptop.sync.status.unsyncedCount).toBe(3);

      network.setOnline(true);
      expect(await laptop.sync.syncNow()).toEqual({ ok: true });

      expect(await stored('cases', [written.id])).toEqual([written.id]);
      expect(
        await stored(
          'notes',
          notes.map((n) => n.id),
        ),
      ).toEqual(notes.map((n) => n.id).sort());
      expect(link.refusals).toEqual([]);
      expect(await refusedOnServer([written.id, ...notes.map((n) => n.id)])).toEqual([]);
      expect(await allIssues(laptop)).toEqual([]);
      expect(items.shown).toEqual([]);
      expect(await laptop.db.notes.find({ selector: { caseId: written.id } }).exec()).toHaveLength(2);
      expect(laptop.sync.status.unsyncedCount).toBe(0);
    } finally {
      items.stop();
      await laptop.close();
    }
  });

  it('reach the server case first when the app is started again online', async () => {
    const storage = getRxStorageMemory();
    const session = await server.login('kari');
    const offline = new Network();
    const first = await openLaptop(server.url, session, { storage, name: 'closed-offline', network: offline });
    const written = followUpCase(kari.userId);
    const notes = [note(written.id, kari.userId, 'Skrevet på toget.'), note(written.id, kari.userId, 'Skrevet på flyet.')];
    try {
      expect(await first.sync.syncNow()).toEqual({ ok: true });
      offline.setOnline(false);
      await first.db.cases.insert(written);
      await first.db.notes.bulkInsert(notes);
    } finally {
      await first.close();
    }

    const network = new Network();
    const link = slowCaseLink(network);
    const again = await openLaptop(server.url, await server.login('kari'), { storage, name: 'closed-offline', network, fetch: link.fetch });
    const items = watchItems(again);
    try {
      expect(await again.sync.syncNow()).toEqual({ ok: true });
      expect(await stored('cases', [written.id])).toEqual([written.id]);
      expect(
        await stored(
          'notes',
          notes.map((n) => n.id),
        ),
      ).toEqual(notes.map((n) => n.id).sort());
      expect(link.refusals).toEqual([]);
      expect(await refusedOnServer([written.id, ...notes.map((n) => n.id)])).toEqual([]);
      expect(await allIssues(again)).toEqual([]);
      expect(items.shown).toEqual([]);
      expect(again.sync.status.unsyncedCount).toBe(0);
    } finally {
      items.stop();
      await again.close();
    }
  });
});
