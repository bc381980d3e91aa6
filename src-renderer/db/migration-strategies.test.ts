import { arrayBufferToBase64, createRxDatabase, type RxCollectionCreator } from 'rxdb';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { collectionDefinitions } from '../../src-shared/db/collections';
import { toRxSchema, type RxSchemaOptions } from '../../src-shared/db/to-rx-schema';
import { openSaksflytDatabase } from './database';
import { createFakeIndexedDb, rawIndexedDbStrings, TEST_KEY } from './fake-indexeddb.test-helper';
import { fieldKey, wrappedFieldEncryptionStorage } from './field-encryption';

const at = '2026-03-01T10:00:00.000Z';
const NOTE_TEXT = 'Fravær drøftet';
const TITLE = 'Oppfølging – Åse Ødegård';

/** A value the way apps before issue 14 stored it: AES-GCM without associated data (`gcm1:`). */
async function legacyValue(value: unknown): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await fieldKey(TEST_KEY), plain));
  return `gcm1:${arrayBufferToBase64(new Uint8Array([...iv, ...sealed]).buffer)}`;
}

/** Rewrites, in every object store, the stored value of `field` in the records that have one. */
async function rewriteStored(indexedDB: IDBFactory, field: string, value: string): Promise<number> {
  let rewritten = 0;
  for (const info of await indexedDB.databases()) {
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(info.name!);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const store of Array.from(idb.objectStoreNames)) {
      await new Promise<void>((resolve, reject) => {
        const transaction = idb.transaction(store, 'readwrite');
        transaction.objectStore(store).openCursor().onsuccess = (event) => {
          const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
          if (!cursor) return;
          const record = cursor.value as Record<string, unknown>;
          if (typeof record[field] === 'string' && String(record[field]).startsWith('gcm')) {
            cursor.update({ ...record, [field]: value });
            rewritten += 1;
          }
          cursor.continue();
        };
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
    }
    idb.close();
  }
  return rewritten;
}

describe('a replica kept by an older app', () => {
  it('opens with notes made internal, people in no cohort, old encrypted values read and everything of the table encrypted', async () => {
    const fake = createFakeIndexedDb();
    const name = 'saksflyt-migration-test';
    // The schemas of version 0: notes without a visibility, people without cohorts, only the note
    // text and the national ID encrypted, cases in plain.
    const old = await createRxDatabase({ name, storage: wrappedFieldEncryptionStorage({ storage: fake.storage }), password: TEST_KEY, multiInstance: false });
    const v0 = (schema: z.ZodObject, rx: RxSchemaOptions, encrypted: string[]): RxCollectionCreator => ({
      schema: toRxSchema(schema, { ...rx, version: 0, encrypted }) as RxCollectionCreator['schema'],
    });
    const { cases, notes, people } = collectionDefinitions;
    await old.addCollections({
      cases: v0(cases.schema, cases.rx, []),
      notes: v0(notes.schema.omit({ visibility: true }), notes.rx, ['text']),
      people: v0(people.schema.omit({ cohorts: true }), people.rx, ['nationalId']),
    });
    await old.collections.notes!.insert({ id: 'note-1', caseId: 'case-1', authorId: 'u-1', authorName: 'Kari Lærer', createdAt: at, text: NOTE_TEXT });
    await old.collections.people!.insert({
      id: 'p-1',
      givenName: 'Åse',
      familyName: 'Ødegård',
      nationalId: '01536112185',
      email: 'ase@example.no',
      institution: 'hifj',
      updatedAt: at,
    });
    const caseDoc = {
      id: 'case-1',
      type: 'followUp' as const,
      caseNumber: '2026/00001',
      title: TITLE,
      status: 'reported',
      institution: 'hifj',
      department: 'dep',
      cohort: '',
      subjectPersonId: 'p-1',
      assignees: [],
      deadlines: [],
      nextDeadline: '9999-12-31',
      details: { report: 'Bekymring for Åse' },
      createdAt: at,
      createdBy: 'u-1',
      updatedAt: at,
      updatedBy: 'u-1',
    };
    await old.collections.cases!.insert(caseDoc);
    await old.close();
    expect(await rewriteStored(fake.indexedDB, 'text', await legacyValue(NOTE_TEXT))).toBe(1);
    expect(await rewriteStored(fake.indexedDB, 'nationalId', await legacyValue('01536112185'))).toBe(1);

    const db = await openSaksflytDatabase({ key: TEST_KEY, name, storage: fake.storage });
    try {
      expect((await db.notes.findOne('note-1').exec())?.toJSON()).toMatchObject({ visibility: 'internal', text: NOTE_TEXT, authorName: 'Kari Lærer' });
      expect((await db.people.findOne('p-1').exec())?.toJSON()).toMatchObject({ cohorts: [], nationalId: '01536112185', givenName: 'Åse' });
      expect((await db.cases.findOne('case-1').exec())?.toJSON()).toMatchObject(caseDoc);
      // The old collections' storage is gone once migrated: nothing of these in plain, nor in the old format.
      const stored = await rawIndexedDbStrings(fake.indexedDB);
      expect(stored.filter((value) => [TITLE, 'Bekymring for Åse', 'Kari Lærer', 'ase@example.no', 'Ødegård'].includes(value))).toEqual([]);
      expect(stored.filter((value) => value.startsWith('gcm1:'))).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
