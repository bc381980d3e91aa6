import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUserAccess } from '../../../src-server/auth/accounts';
import type { Actor } from '../../../src-shared/domain/access';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { SyncIssue } from '../../../src-shared/sync/sync-issue.schema';
import { SyncTransport } from '../../../src-renderer/sync/sync-transport';
import { eventually, openLaptop, sessionAuth } from './support/client';
import { followUpCase, note, scope } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let kari: Actor;
let head: Actor;

beforeAll(async () => {
  server = await startTestServer();
  kari = await server.addUser({ username: 'kari', roles: ['cohortCoordinator'], scope: scope({ cohorts: ['spl-2025', 'spl-2024'] }) });
  head = await server.addUser({ username: 'head', roles: ['cohortCoordinator'], scope: scope({ cohorts: ['spl-2025', 'spl-2024', 'ver-2025'] }) });
});
afterAll(() => server.close());

const localIds = async (laptop: Awaited<ReturnType<typeof openLaptop>>, collection: 'cases' | 'notes') =>
  (await laptop.db[collection].find().exec()).map((doc) => doc.primary).sort();

async function moveCase(id: string, cohort: string) {
  const transport = new SyncTransport({ baseUrl: server.url, auth: sessionAuth(server.url, await server.login('head')) });
  const [row] = await server.db.query<{ doc: string }>(`SELECT doc FROM sync_documents WHERE collection = 'cases' AND id = $1`, [id]);
  const before = JSON.parse(row!.doc) as Case;
  const after = { ...before, cohort, updatedBy: head.userId, updatedAt: '2026-03-05T10:00:00.000Z' };
  const response = await transport.push('cases', 0, [{ assumedMasterState: { ...before, _deleted: false }, newDocumentState: { ...after, _deleted: false } }]);
  expect(response).toMatchObject({ conflicts: [], rejections: [] });
}

describe('purging what a user may no longer see', () => {
  it("drops the cases (and their notes) of a cohort taken out of the user's scope, at the next sync", async () => {
    const laptop = await openLaptop(server.url, await server.login('kari'));
    try {
      const kept = followUpCase(kari.userId, { cohort: 'spl-2025' });
      const lost = followUpCase(kari.userId, { cohort: 'spl-2024' });
      await laptop.db.cases.bulkInsert([kept, lost]);
      await laptop.db.notes.bulkInsert([note(kept.id, kari.userId), note(lost.id, kari.userId)]);
      expect(await laptop.sync.syncNow()).toEqual({ ok: true });

      await setUserAccess(server.db, 'kari', { roles: ['cohortCoordinator'], scope: scope({ cohorts: ['spl-2025'] }) });
      expect(await laptop.sync.syncNow()).toEqual({ ok: true });
      expect(await localIds(laptop, 'cases')).toEqual([kept.id]);
      expect((await laptop.db.notes.find().exec()).map((n) => n.caseId)).toEqual([kept.id]);
      expect(await laptop.db.cases.findOne(lost.id).exec()).toBeNull();
    } finally {
      await laptop.close();
      await setUserAccess(server.db, 'kari', { roles: ['cohortCoordinator'], scope: scope({ cohorts: ['spl-2025', 'spl-2024'] }) });
    }
  });

  it('drops a case moved out of scope by someone else, and brings it back with its notes when it returns', async () => {
    const laptop = await openLaptop(server.url, await server.login('kari'));
    try {
      const c = followUpCase(kari.userId, { cohort: 'spl-2025' });
      await laptop.db.cases.insert(c);
      await laptop.db.notes.bulkInsert([note(c.id, kari.userId, 'første'), note(c.id, kari.userId, 'andre')]);
      expect(await laptop.sync.syncNow()).toEqual({ ok: true });
      const noteIds = await localIds(laptop, 'notes');

      await moveCase(c.id, 'ver-2025');
      await eventually(
        () => laptop.db.cases.findOne(c.id).exec(),
        (doc) => doc === null,
      );
      await eventually(
        () => laptop.db.notes.find({ selector: { caseId: c.id } }).exec(),
        (notes) => notes.length === 0,
      );

      await moveCase(c.id, 'spl-2025');
      await eventually(
        () => laptop.db.cases.findOne(c.id).exec(),
        (doc) => doc?.cohort === 'spl-2025',
      );
      await eventually(
        () => localIds(laptop, 'notes'),
        (ids) => ids.length === noteIds.length,
      );
      expect(await localIds(laptop, 'notes')).toEqual(noteIds);
    } finally {
      await laptop.close();
    }
  });

  it('refuses a queued offline change to a case the user lost meanwhile, and keeps the typed values aside', async () => {
    const laptop = await openLaptop(server.url, await server.login('kari'));
    try {
      const c = followUpCase(kari.userId, { cohort: 'spl-2025' });
      await laptop.db.cases.insert(c);
      expect(await laptop.sync.syncNow()).toEqual({ ok: true });
      laptop.network.setOnline(false);
      await (await laptop.db.cases.findOne(c.id).exec())!.incrementalPatch({ title: 'Skrevet offline', updatedAt: '2026-03-06T10:00:00.000Z' });
      await moveCase(c.id, 'ver-2025');
      laptop.network.setOnline(true);
      await laptop.sync.syncNow();
      await eventually(
        () => laptop.db.cases.findOne(c.id).exec(),
        (doc) => doc === null,
      );
      const [row] = await server.db.query<{ doc: string }>(`SELECT doc FROM sync_documents WHERE collection = 'cases' AND id = $1`, [c.id]);
      expect((JSON.parse(row!.doc) as Case).title).toBe(c.title);
      const issues = (await laptop.db.conflicts.find({ selector: { documentId: c.id } }).exec()).map((doc) => doc.toJSON() as SyncIssue);
      expect(issues).toEqual([
        expect.objectContaining({
          kind: 'rejected',
          reason: 'forbidden',
          fields: expect.arrayContaining([{ path: 'title', local: 'Skrevet offline', server: null }]),
        }),
      ]);
    } finally {
      await laptop.close();
    }
  });
});
