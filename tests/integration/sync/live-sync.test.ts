import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { Actor } from '../../../src-shared/domain/access';
import { revokeDevice, setUserDisabled } from '../../../src-server/auth/accounts';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import { importDocuments } from '../../../src-server/sync/import-documents';
import { CASE_WORK, eventually, openLaptop } from './support/client';
import { followUpCase, note, scope } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let kari: Actor;

beforeAll(async () => {
  server = await startTestServer();
  kari = await server.addUser({ username: 'kari', roles: ['cohortCoordinator'], scope: scope({ cohorts: ['spl-2025'] }) });
  await server.addUser({ username: 'per', roles: ['cohortCoordinator'], scope: scope({ cohorts: ['spl-2025'] }) });
});
afterAll(() => server.close());

const collection = (name: string) => defaultSyncCollections().find((c) => c.name === name)!;

describe('live sync', () => {
  it('propagates a new case and its notes live from one laptop to the other', async () => {
    const a = await openLaptop(server.url, await server.login('kari'), { collections: CASE_WORK });
    const b = await openLaptop(server.url, await server.login('per'), { collections: CASE_WORK });
    try {
      const c = followUpCase(kari.userId);
      await a.db.cases.insert(c);
      await a.db.notes.insert(note(c.id, kari.userId));
      const seen = await eventually(
        () => b.db.notes.find({ selector: { caseId: c.id } }).exec(),
        (notes) => notes.length === 1,
      );
      expect(seen[0]!.text).toBe('Samtale gjennomført.');
      expect((await b.db.cases.findOne(c.id).exec())?.title).toBe(c.title);
      expect(await a.sync.syncNow()).toEqual({ ok: true });
      expect(a.sync.status).toMatchObject({ phase: 'idle', online: true, unsyncedCount: 0, items: [], error: null });
      expect(a.sync.status.lastSuccessfulSync).not.toBeNull();
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('announces the size of a first sync and reports progress up to it', async () => {
    const cases = Array.from({ length: 30 }, () => followUpCase(kari.userId));
    await importDocuments(server.db, collection('cases'), cases, { actorId: null, action: 'test-import' });
    await importDocuments(
      server.db,
      collection('notes'),
      cases.map((c) => note(c.id, kari.userId)),
      { actorId: null, action: 'test-import' },
    );
    const laptop = await openLaptop(server.url, await server.login('kari'), { pullBatchSize: 7 });
    const seen: { received: number; total: number }[] = [];
    const subscription = laptop.sync.status$.subscribe((status) => status.firstSync && seen.push(status.firstSync));
    try {
      await eventually(
        () => laptop.db.notes.count().exec(),
        (count) => count >= 30,
      );
      await eventually(
        () => laptop.sync.status.firstSync,
        (progress) => progress === null,
      );
      // The cases and notes, and the staff directory (kari and per, both of this institution).
      const total = (await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sync_documents WHERE collection IN ('cases', 'notes', 'staff')`))[0]!
        .n;
      expect(await laptop.db.staff.count().exec()).toBe(2);
      expect(Math.max(...seen.map((progress) => progress.total))).toBe(total);
      expect(seen.at(-1)).toEqual({ received: total, total });
      expect(seen.some((progress) => progress.received > 0 && progress.received < total)).toBe(true);
    } finally {
      subscription.unsubscribe();
      await laptop.close();
    }
  });

  it('keeps unsynced changes over a reload and sends them once online', async () => {
    const storage = getRxStorageMemory();
    const session = await server.login('kari');
    const first = await openLaptop(server.url, session, { storage, name: 'reloaded' });
    const c = followUpCase(kari.userId);
    first.network.setOnline(false);
    await first.db.cases.insert(c);
    await first.db.notes.insert(note(c.id, kari.userId, 'Skrevet uten nett'));
    await first.close();

    const again = await openLaptop(server.url, session, { storage, name: 'reloaded' });
    try {
      again.network.setOnline(false);
      expect((await again.db.notes.findOne({ selector: { caseId: c.id } }).exec())?.text).toBe('Skrevet uten nett');
      await eventually(
        () => again.sync.status.unsyncedCount,
        (count) => count === 2,
      );
      again.network.setOnline(true);
      expect(await again.sync.syncNow()).toEqual({ ok: true });
      const rows = await server.db.query<{ doc: string }>(`SELECT doc FROM sync_documents WHERE case_id = $1 AND collection = 'notes'`, [c.id]);
      expect(rows.map((row) => (JSON.parse(row.doc) as { text: string }).text)).toEqual(['Skrevet uten nett']);
      expect(again.sync.status.unsyncedCount).toBe(0);
    } finally {
      await again.close();
    }
  });

  it('wipes the local replica of a revoked device at its next contact', async () => {
    const session = await server.login('kari');
    let wiped = false;
    const laptop = await openLaptop(server.url, session, { onWiped: () => (wiped = true) });
    await laptop.db.cases.insert(followUpCase(kari.userId));
    expect(await laptop.sync.syncNow()).toEqual({ ok: true });
    await revokeDevice(server.db, session.deviceId);
    expect((await laptop.sync.syncNow()).ok).toBe(false);
    await eventually(
      () => wiped,
      (done) => done,
    );
    expect(laptop.sync.status.phase).toBe('revoked');
    expect(laptop.db.closed).toBe(true);
    await laptop.close();
  });

  it('stops, keeping local data, when the user is disabled', async () => {
    await server.addUser({ username: 'ida', roles: ['cohortCoordinator'], scope: scope({ cohorts: ['spl-2025'] }) });
    const laptop = await openLaptop(server.url, await server.login('ida'));
    try {
      await eventually(
        () => laptop.sync.status.phase,
        (phase) => phase === 'idle',
      );
      await setUserDisabled(server.db, 'ida', true);
      const c = followUpCase(kari.userId);
      await laptop.db.cases.insert(c);
      const result = await laptop.sync.syncNow(3000);
      expect(result).toMatchObject({ ok: false, error: { code: 'user-disabled' } });
      expect(laptop.sync.status.phase).toBe('signed-out');
      expect(await laptop.db.cases.findOne(c.id).exec()).not.toBeNull();
      expect(laptop.sync.status.unsyncedCount).toBe(1);
    } finally {
      await laptop.close();
    }
  });
});
