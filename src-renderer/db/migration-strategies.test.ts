import { createRxDatabase, type RxCollectionCreator } from 'rxdb';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { collectionDefinitions } from '../../src-shared/db/collections';
import { toRxSchema, type RxSchemaOptions } from '../../src-shared/db/to-rx-schema';
import { openSaksflytDatabase } from './database';
import { createFakeIndexedDb, TEST_KEY } from './fake-indexeddb.test-helper';
import { wrappedFieldEncryptionStorage } from './field-encryption';

const at = '2026-03-01T10:00:00.000Z';

describe('a replica kept by an older app', () => {
  it('opens with notes made internal and people in no cohort, encrypted fields intact', async () => {
    const fake = createFakeIndexedDb();
    const name = 'saksflyt-migration-test';
    // The schemas of version 0: notes without a visibility, people without cohorts.
    const old = await createRxDatabase({ name, storage: wrappedFieldEncryptionStorage({ storage: fake.storage }), password: TEST_KEY, multiInstance: false });
    const v0 = (schema: z.ZodObject, rx: RxSchemaOptions): RxCollectionCreator => ({
      schema: toRxSchema(schema, { ...rx, version: 0 }) as RxCollectionCreator['schema'],
    });
    const { notes, people } = collectionDefinitions;
    await old.addCollections({ notes: v0(notes.schema.omit({ visibility: true }), notes.rx), people: v0(people.schema.omit({ cohorts: true }), people.rx) });
    await old.collections.notes!.insert({ id: 'note-1', caseId: 'case-1', authorId: 'u-1', authorName: 'Kari', createdAt: at, text: 'Fravær drøftet' });
    await old.collections.people!.insert({
      id: 'p-1',
      givenName: 'Åse',
      familyName: 'Ødegård',
      nationalId: '01536112185',
      email: '',
      institution: 'hifj',
      updatedAt: at,
    });
    await old.close();

    const db = await openSaksflytDatabase({ key: TEST_KEY, name, storage: fake.storage });
    try {
      expect((await db.notes.findOne('note-1').exec())?.toJSON()).toMatchObject({ visibility: 'internal', text: 'Fravær drøftet' });
      expect((await db.people.findOne('p-1').exec())?.toJSON()).toMatchObject({ cohorts: [], nationalId: '01536112185' });
    } finally {
      await db.close();
    }
  });
});
