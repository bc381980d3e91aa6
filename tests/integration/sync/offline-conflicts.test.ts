import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src-shared/domain/access';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { SyncIssue } from '../../../src-shared/sync/sync-issue.schema';
import { CASE_WORK, eventually, openLaptop, type Laptop } from './support/client';
import { followUpCase, note, scope } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let kari: Actor;
let per: Actor;

beforeAll(async () => {
  server = await startTestServer();
  kari = await server.addUser({ username: 'kari', roles: ['cohortCoordinator'], scope: scope({ cohorts: ['spl-2025'] }) });
  per = await server.addUser({ username: 'per', roles: ['cohortCoordinator'], scope: scope({ cohorts: ['spl-2025'] }) });
});
afterAll(() => server.close());

const stamp = (actor: Actor, at: string) => ({ updatedBy: actor.userId, updatedAt: at });
const openIssues = async (laptop: Laptop) => (await laptop.db.conflicts.find({ selector: { resolved: false } }).exec()).map((doc) => doc.toJSON() as SyncIssue);
const caseOn = async (laptop: Laptop, id: string) => (await laptop.db.cases.findOne(id).exec())?.toJSON() as Case | undefined;
const storedCase = async (id: string) => {
  const [row] = await server.db.query<{ doc: string }>(`SELECT doc FROM sync_documents WHERE collection = 'cases' AND id = $1`, [id]);
  return JSON.parse(row!.doc) as Case;
};

describe('two laptops editing the same case offline', () => {
  it('merges one-side fields, keeps both values of both-side fields in the inbox, loses nothing', async () => {
    const a = await openLaptop(server.url, await server.login('kari'), { collections: CASE_WORK });
    const b = await openLaptop(server.url, await server.login('per'), { collections: CASE_WORK });
    try {
      const original = followUpCase(kari.userId, { assignees: [kari.userId] });
      await a.db.cases.insert(original);
      await eventually(
        () => caseOn(b, original.id),
        (c) => c !== undefined,
      );
      expect(await a.sync.syncNow()).toEqual({ ok: true });

      a.network.setOnline(false);
      b.network.setOnline(false);
      // Kari: new title and Per as co-assignee. Per: another title and a deadline. Both write a note.
      await (await a.db.cases.findOne(original.id).exec())!.incrementalPatch({
        title: 'Oppfølging – Kari sin tittel',
        assignees: [kari.userId, per.userId],
        ...stamp(kari, '2026-03-03T10:00:00.000Z'),
      });
      await (await b.db.cases.findOne(original.id).exec())!.incrementalPatch({
        title: 'Oppfølging – Per sin tittel',
        deadlines: [{ kind: 'summons', due: '2026-04-01', label: 'Kalle inn studenten' }],
        nextDeadline: '2026-04-01',
        ...stamp(per, '2026-03-03T11:00:00.000Z'),
      });
      const noteA = note(original.id, kari.userId, 'Kari: studenten har meldt fravær.');
      const noteB = { ...note(original.id, per.userId, 'Per: ringte studenten.'), authorName: 'Per' };
      await a.db.notes.insert(noteA);
      await b.db.notes.insert(noteB);
      const offline = await a.sync.syncNow(2000);
      expect(offline.ok).toBe(false);
      expect(a.sync.status.unsyncedCount).toBe(2);
      expect(a.sync.status.online).toBe(false);

      b.network.setOnline(true);
      expect(await b.sync.syncNow()).toEqual({ ok: true });
      a.network.setOnline(true);
      expect(await a.sync.syncNow()).toEqual({ ok: true });

      // One-side fields merged; the both-side field kept the server value (Per's, who synced first).
      const expected = {
        title: 'Oppfølging – Per sin tittel',
        assignees: [kari.userId, per.userId],
        deadlines: [{ kind: 'summons', due: '2026-04-01', label: 'Kalle inn studenten' }],
        nextDeadline: '2026-04-01',
      };
      expect(await storedCase(original.id)).toMatchObject(expected);
      await eventually(
        () => caseOn(b, original.id),
        (c) => c?.assignees.length === 2,
      );
      expect(await caseOn(a, original.id)).toMatchObject(expected);
      expect(await caseOn(b, original.id)).toMatchObject(expected);

      // Kari's title is not lost: it waits in her inbox next to the server's.
      const [issue, ...more] = await openIssues(a);
      expect(more).toEqual([]);
      expect(issue).toMatchObject({
        kind: 'conflict',
        collectionName: 'cases',
        documentId: original.id,
        fields: [{ path: 'title', local: 'Oppfølging – Kari sin tittel', server: 'Oppfølging – Per sin tittel' }],
      });
      expect(a.sync.status.items).toEqual([expect.objectContaining({ collection: 'cases', id: original.id, state: 'conflict', issueId: issue!.id })]);

      // Both notes on both laptops: notes never conflict.
      for (const laptop of [a, b]) {
        const texts = await eventually(
          async () => (await laptop.db.notes.find({ selector: { caseId: original.id } }).exec()).map((n) => n.text).sort(),
          (list) => list.length === 2,
        );
        expect(texts).toEqual([noteB.text, noteA.text].sort());
      }

      // Kari keeps her title: the pick is pushed, stored, audited and reaches Per.
      await a.sync.resolveConflict(issue!.id, { title: 'local' });
      expect(await a.sync.syncNow()).toEqual({ ok: true });
      expect((await storedCase(original.id)).title).toBe('Oppfølging – Kari sin tittel');
      expect(await openIssues(a)).toEqual([]);
      await eventually(
        () => caseOn(b, original.id),
        (c) => c?.title === 'Oppfølging – Kari sin tittel',
      );
      const audit = await server.db.query<{ action: string; outcome: string; actor_id: string; detail: string }>(
        `SELECT action, outcome, actor_id, detail FROM audit_log WHERE document_id = $1 ORDER BY id`,
        [original.id],
      );
      expect(audit.map((row) => `${row.action}:${row.outcome}`)).toEqual([
        'push:accepted', // created by Kari
        'push:accepted', // Per's offline edit
        'push:conflict', // Kari's offline edit meets Per's
        'push:accepted', // the merge
        'resolve-conflict:accepted', // Kari's pick
      ]);
      expect(JSON.parse(audit.at(-1)!.detail)).toMatchObject({ resolves: issue!.id, fields: expect.arrayContaining(['title']) });
    } finally {
      await a.close();
      await b.close();
    }
  });
});
