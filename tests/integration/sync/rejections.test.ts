import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../src-shared/domain/access';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { SyncIssue } from '../../../src-shared/sync/sync-issue.schema';
import { eventually, openLaptop, type Laptop } from './support/client';
import { followUpCase, note, scope } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let kari: Actor;
let laptop: Laptop;

beforeAll(async () => {
  server = await startTestServer();
  kari = await server.addUser({ username: 'kari', roles: ['cohortCoordinator'], scope: scope({ cohorts: ['spl-2025'] }) });
  laptop = await openLaptop(server.url, await server.login('kari'));
});
afterAll(async () => {
  await laptop.close();
  await server.close();
});

const issuesFor = async (documentId: string) =>
  (await laptop.db.conflicts.find({ selector: { documentId, resolved: false } }).exec()).map((doc) => doc.toJSON() as SyncIssue);
const stored = async (collection: string, id: string) => {
  const [row] = await server.db.query<{ doc: string }>(`SELECT doc FROM sync_documents WHERE collection = $1 AND id = $2`, [collection, id]);
  return row ? (JSON.parse(row.doc) as Record<string, unknown>) : undefined;
};
const later = (minutes: number) => new Date(Date.parse('2026-03-02T09:00:00.000Z') + minutes * 60_000).toISOString();

describe('changes the server refuses', () => {
  it('refuses an illegal status change with a reason, stores the other changes, keeps the refused values', async () => {
    const [illegal, fine] = [followUpCase(kari.userId), followUpCase(kari.userId)];
    await laptop.db.cases.bulkInsert([illegal, fine]);
    expect(await laptop.sync.syncNow()).toEqual({ ok: true });

    laptop.network.setOnline(false);
    await (await laptop.db.cases.findOne(illegal.id).exec())!.incrementalPatch({ status: 'reported', updatedAt: later(5) });
    await (await laptop.db.cases.findOne(fine.id).exec())!.incrementalPatch({ title: 'Ny tittel', updatedAt: later(6) });
    laptop.network.setOnline(true);
    expect(await laptop.sync.syncNow()).toEqual({ ok: true });

    expect((await stored('cases', fine.id))?.title).toBe('Ny tittel');
    expect((await stored('cases', illegal.id))?.status).toBe('open');
    expect((await laptop.db.cases.findOne(illegal.id).exec())?.status).toBe('open');
    const [issue] = await issuesFor(illegal.id);
    expect(issue).toMatchObject({ kind: 'rejected', reason: 'workflow', code: 'illegal-transition', collectionName: 'cases' });
    expect(issue!.fields).toContainEqual({ path: 'status', local: 'reported', server: 'open' });
    expect(laptop.sync.status.items).toContainEqual(
      expect.objectContaining({ collection: 'cases', id: illegal.id, state: 'rejected', reason: 'workflow', code: 'illegal-transition' }),
    );
    expect(laptop.sync.status.unsyncedCount).toBe(0);
    const [audit] = await server.db.query<{ outcome: string; reason: string }>(
      `SELECT outcome, reason FROM audit_log WHERE document_id = $1 AND outcome = 'rejected'`,
      [illegal.id],
    );
    expect(audit).toEqual({ outcome: 'rejected', reason: 'workflow' });
  });

  it('refuses a changed note (notes are append-only) and keeps the written one', async () => {
    const c = followUpCase(kari.userId);
    await laptop.db.cases.insert(c);
    const written = note(c.id, kari.userId, 'Opprinnelig notat');
    await laptop.db.notes.insert(written);
    expect(await laptop.sync.syncNow()).toEqual({ ok: true });

    await (await laptop.db.notes.findOne(written.id).exec())!.incrementalPatch({ text: 'Endret notat' });
    expect(await laptop.sync.syncNow()).toEqual({ ok: true });
    expect((await stored('notes', written.id))?.text).toBe('Opprinnelig notat');
    expect((await laptop.db.notes.findOne(written.id).exec())?.text).toBe('Opprinnelig notat');
    const [issue] = await issuesFor(written.id);
    expect(issue).toMatchObject({ kind: 'rejected', reason: 'immutable', fields: [{ path: 'text', local: 'Endret notat', server: 'Opprinnelig notat' }] });
  });

  it('quarantines a document the server cannot take, without holding up the next change', async () => {
    const c = followUpCase(kari.userId);
    await laptop.db.cases.insert(c);
    const broken = { ...note(c.id, kari.userId), text: 'x'.repeat(20_001) };
    const good = note(c.id, kari.userId, 'Neste notat');
    await laptop.db.notes.bulkInsert([broken, good]);
    expect(await laptop.sync.syncNow()).toEqual({ ok: true });
    expect((await stored('notes', good.id))?.text).toBe('Neste notat');
    expect(await stored('notes', broken.id)).toBeUndefined();
    const [issue] = await issuesFor(broken.id);
    expect(issue).toMatchObject({ kind: 'quarantined', reason: 'invalid-document' });
    expect(issue!.fields.find((field) => field.path === 'text')?.local).toHaveLength(20_001);
    expect(laptop.sync.status.items).toContainEqual(expect.objectContaining({ id: broken.id, state: 'quarantined' }));
  });

  it('sends a note again by itself once its case reaches the server', async () => {
    const caseId = randomUUID();
    const early = note(caseId, kari.userId, 'Skrevet før saken fantes');
    await laptop.db.notes.insert(early);
    await eventually(
      () => issuesFor(early.id),
      (issues) => issues.some((issue) => issue.reason === 'parent-missing'),
    );
    expect(await stored('notes', early.id)).toBeUndefined();

    await laptop.db.cases.insert(followUpCase(kari.userId, { id: caseId }));
    const back = await eventually(
      () => stored('notes', early.id),
      (doc) => doc !== undefined,
    );
    expect(back?.text).toBe('Skrevet før saken fantes');
    await eventually(
      () => issuesFor(early.id),
      (issues) => issues.length === 0,
    );
    expect((await laptop.db.notes.findOne(early.id).exec())?.text).toBe('Skrevet før saken fantes');
  });

  it('lets the user retry a refused change after the case moved on', async () => {
    const c = followUpCase(kari.userId);
    await laptop.db.cases.insert(c);
    expect(await laptop.sync.syncNow()).toEqual({ ok: true });
    await (await laptop.db.cases.findOne(c.id).exec())!.incrementalPatch({ createdBy: 'someone-else', title: 'Med feil', updatedAt: later(9) });
    expect(await laptop.sync.syncNow()).toEqual({ ok: true });
    const [issue] = await issuesFor(c.id);
    expect(issue).toMatchObject({ reason: 'workflow', code: 'immutable-field' });
    // Keep only the title: the refused createdBy stays with the server's value.
    await laptop.sync.resolveConflict(issue!.id, { title: 'local' });
    expect(await laptop.sync.syncNow()).toEqual({ ok: true });
    expect(await stored('cases', c.id)).toMatchObject({ title: 'Med feil', createdBy: kari.userId, updatedBy: kari.userId } satisfies Partial<Case>);
    expect(await issuesFor(c.id)).toEqual([]);
  });
});
