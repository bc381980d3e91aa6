import { afterEach, describe, expect, it } from 'vitest';
import { collectionNames } from '../../src-shared/db/collections';
import { openSaksflytDatabase, type SaksflytDatabase } from './database';
import { createFakeIndexedDb, rawIndexedDbStrings, openTestDatabase } from './fake-indexeddb.test-helper';

const NOTE_TEXT = 'Studenten har fått innkalling til oppfølgingssamtale om fravær';
const NATIONAL_ID = '01536112185';
const at = '2026-03-01T10:00:00.000Z';

const person = {
  id: 'person-1',
  givenName: 'Åse',
  familyName: 'Ødegård',
  nationalId: NATIONAL_ID,
  email: 'ase@example.no',
  institution: 'HVL',
  cohorts: [],
  updatedAt: at,
};
const note = {
  id: 'note-1',
  caseId: 'case-1',
  authorId: 'user-1',
  authorName: 'Kari Kullkoordinator',
  createdAt: at,
  text: NOTE_TEXT,
  visibility: 'internal' as const,
};

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

  it('stores notes and national IDs encrypted, and reads them back in plain text', async () => {
    const { db, indexedDB } = await openTestDatabase();
    open.push(db);
    await db.people.insert(person);
    await db.notes.insert(note);

    const stored = await rawIndexedDbStrings(indexedDB);
    expect(stored).toContain('Kari Kullkoordinator'); // the dump does see the documents…
    expect(stored.filter((value) => value.includes('fravær') || value.includes(NATIONAL_ID))).toEqual([]); // …not these

    expect((await db.notes.findOne('note-1').exec())?.text).toBe(NOTE_TEXT);
    expect((await db.people.findOne('person-1').exec())?.nationalId).toBe(NATIONAL_ID);
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
