import type { RxCollection } from 'rxdb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../dev/demo-data';
import { collectionNames, type CollectionName } from '../../src-shared/db/collections';
import { encryptedPathsOf, type EncryptedCollection } from '../../src-shared/db/encrypted-fields';
import { DEMO_SEED } from './demo-options';
import { openSaksflytDatabase, type SaksflytDatabase } from './database';
import { createFakeIndexedDb, rawIndexedDbStrings, openTestDatabase } from './fake-indexeddb.test-helper';

const NOTE_TEXT = 'Studenten har fått innkalling til oppfølgingssamtale om fravær';
const NATIONAL_ID = '01536112185';
const at = '2026-03-01T10:00:00.000Z';

const note = {
  id: 'note-1',
  caseId: 'case-1',
  authorId: 'user-1',
  authorName: 'Kari Kullkoordinator',
  createdAt: at,
  text: NOTE_TEXT,
  visibility: 'internal' as const,
};

/** A refused change keeps the typed value (here a national ID) for the conflict inbox. */
const conflict = {
  id: 'rejected-people-1',
  kind: 'rejected' as const,
  collectionName: 'people',
  documentId: 'person-1',
  fields: [{ path: 'nationalId', local: NATIONAL_ID, server: null }],
  detectedAt: at,
  resolved: false,
  reason: 'forbidden' as const,
  message: 'You no longer have access to this document.',
};

const stringsIn = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(stringsIn) : [];

/**
 * The words people wrote or are named by under the collections' encrypted paths (texts, names,
 * e-mail addresses, national IDs; not codes, enum values and dates, which RxDB's stored schemas and
 * the plain fields hold too), except those also in a plain field (e.g. a deadline's label).
 */
function sensitiveStrings(written: Partial<Record<EncryptedCollection, readonly object[]>>): string[] {
  const entries = Object.entries(written) as [EncryptedCollection, readonly object[]][];
  const split = (encrypted: boolean) =>
    entries.flatMap(([name, docs]) => {
      const paths = encryptedPathsOf(name);
      return docs.flatMap((doc) => Object.entries(doc).flatMap(([field, value]) => (paths.includes(field) === encrypted ? stringsIn(value) : [])));
    });
  const plain = new Set(split(false));
  return [...new Set(split(true))].filter((value) => (/[\s@]/.test(value) || /^\d{11}$/.test(value)) && !plain.has(value));
}

let open: SaksflytDatabase[] = [];
afterEach(async () => {
  await Promise.all(open.map((db) => db.close()));
  open = [];
});

describe('the local replica', () => {
  it('has every shared collection', async () => {
    const { db } = await openTestDatabase();
    open.push(db);
    expect(Object.keys(db.collections).sort()).toEqual([...collectionNames].sort());
  });

  it('stores every field of the table encrypted (and only those), and reads them back in plain text', async () => {
    const { db, indexedDB } = await openTestDatabase();
    open.push(db);
    const demo = generateDemoData({ caseCount: 20, seed: DEMO_SEED, now: new Date(at) });
    const written: Partial<Record<EncryptedCollection, readonly object[]>> = {
      cases: demo.cases,
      people: demo.people,
      notes: demo.notes,
      tasks: demo.tasks,
      documents: demo.documents,
      activities: demo.activities,
      conflicts: [conflict],
    };
    for (const [name, docs] of Object.entries(written)) await (db.collections[name as CollectionName] as RxCollection).bulkInsert([...docs]);

    const dump = new Set(await rawIndexedDbStrings(indexedDB));
    const secrets = sensitiveStrings(written);
    expect(secrets).toEqual(expect.arrayContaining([NATIONAL_ID, demo.cases[0]!.title]));
    expect(secrets.filter((secret) => dump.has(secret))).toEqual([]);
    expect(dump.has(demo.cases[0]!.caseNumber)).toBe(true); // the dump does see the documents' plain fields

    expect((await db.conflicts.findOne(conflict.id).exec())?.toJSON()).toMatchObject(conflict);
    expect((await db.cases.findOne(demo.cases[0]!.id).exec())?.toJSON()).toMatchObject(demo.cases[0]!);
  });

  it("keeps the replication's copy of the server's state (RxDB's meta instance) encrypted too", async () => {
    const { db, indexedDB } = await openTestDatabase();
    open.push(db);
    const [caseDoc] = generateDemoData({ caseCount: 10, seed: DEMO_SEED, now: new Date(at) }).cases;
    const replication = replicateRxCollection({
      collection: db.cases,
      replicationIdentifier: 'meta-test',
      live: false,
      pull: { handler: async (checkpoint) => ({ documents: checkpoint ? [] : [{ ...caseDoc!, _deleted: false }], checkpoint: { done: true } }) },
      push: { handler: async () => [] },
    });
    await replication.awaitInitialReplication();
    await replication.cancel();
    const stored = await rawIndexedDbStrings(indexedDB);
    expect(stored.some((value) => value.startsWith('rx-replication-meta-'))).toBe(true);
    expect(stored.join('\n')).not.toContain(caseDoc!.title);
    expect((await db.cases.findOne(caseDoc!.id).exec())?.title).toBe(caseDoc!.title);
  });

  it('refuses to open existing data with another key', async () => {
    const fake = createFakeIndexedDb();
    const first = await openTestDatabase(fake);
    await first.db.notes.insert(note);
    const name = first.db.name;
    await first.db.close();
    await expect(openSaksflytDatabase({ key: 'another-key-0123456789abcdef0123456789', name, storage: fake.storage })).rejects.toThrow();
  });

  it('rejects documents that break the shared schema (dev builds validate)', async () => {
    const { db } = await openTestDatabase();
    open.push(db);
    await expect(db.notes.insert({ ...note, text: '' })).rejects.toThrow();
  });
});
