import { firstValueFrom } from 'rxjs';
import { fillWithDefaultSettings, type RxJsonSchema } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { wrappedFieldEncryptionStorage } from './field-encryption';

const schema = fillWithDefaultSettings({
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 40 }, text: { type: 'string' } },
  required: ['id'],
  encrypted: ['text'],
} as RxJsonSchema<{ id: string; text: string }>);

const open = () =>
  wrappedFieldEncryptionStorage({ storage: getRxStorageMemory() }).createStorageInstance({
    databaseInstanceToken: 'token',
    databaseName: `field-encryption-${crypto.randomUUID()}`,
    collectionName: 'notes',
    schema,
    options: {},
    multiInstance: false,
    devMode: false,
    password: 'lokal-nøkkel-123',
  });

const note = { id: 'note-1', text: 'Innkalling til samtale om fravær', _deleted: false, _rev: '1-a', _meta: { lwt: 1 }, _attachments: {} };

describe('the field-encryption storage wrapper', () => {
  afterEach(() => vi.restoreAllMocks());

  it('announces its own writes without decrypting them again, and decrypts what it reads from the storage below', async () => {
    const instance = await open();
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    const event = firstValueFrom(instance.changeStream());
    expect((await instance.bulkWrite([{ document: note }], 'test')).error).toEqual([]);
    expect((await event).events[0]!.documentData).toEqual(note);
    expect(decrypt).not.toHaveBeenCalled();

    // The same stored value, as another object (as IndexedDB gives it back): decrypted.
    const below = (instance as unknown as { originalStorageInstance: typeof instance }).originalStorageInstance;
    const [raw] = await below.findDocumentsById(['note-1'], false);
    expect(raw!.text).toMatch(/^gcm2:/);
    await below.bulkWrite([{ previous: raw!, document: { ...structuredClone(raw!), _rev: '2-b' } }], 'test');
    expect((await instance.findDocumentsById(['note-1'], false))[0]!.text).toBe(note.text);
    expect(decrypt).toHaveBeenCalledOnce();
    await instance.close();
  });
});
