import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { fillWithDefaultSettings, type RxJsonSchema, type RxStorageInstance } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { Subject } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { wrappedAbsentKeysStorage } from './absent-keys';

type Doc = { id: string; text: string };
const schema = fillWithDefaultSettings({
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 40 }, text: { type: 'string' } },
  required: ['id'],
} as RxJsonSchema<Doc>);

const doc = (id: string, text = 'Innkalling', rev = '1-a') => ({ id, text, _deleted: false, _rev: rev, _meta: { lwt: Date.now() }, _attachments: {} });

let databases = 0;
function storageOnNewIndexedDb() {
  const indexedDB = new IDBFactory();
  const storage = wrappedAbsentKeysStorage(getRxStorageDexie({ indexedDB, IDBKeyRange }));
  const databaseName = `absent-keys-${(databases += 1)}`;
  const open = () =>
    storage.createStorageInstance<Doc>({
      databaseInstanceToken: 'token',
      databaseName,
      collectionName: 'notes',
      schema,
      options: {},
      multiInstance: false,
      devMode: false,
    });
  return { open, indexedDB };
}

/** IndexedDB's reads of single records (how Dexie's bulkGet asks for documents by key). */
const recordReads = () => vi.spyOn(IDBObjectStore.prototype, 'get');
const ids = (docs: { id: string }[]) => docs.map((d) => d.id).sort();

describe('the storage that knows which keys a new replica cannot hold', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes new documents and answers reads of keys it never wrote without asking IndexedDB', async () => {
    const instance = await storageOnNewIndexedDb().open();
    const reads = recordReads();
    expect((await instance.bulkWrite([{ document: doc('a') }, { document: doc('b') }], 'first-sync')).error).toEqual([]);
    expect(await instance.findDocumentsById(['x', 'y'], true)).toEqual([]);
    expect(reads).not.toHaveBeenCalled();

    // Keys it wrote are read as ever: found, and an update against the right previous state succeeds.
    const [a] = await instance.findDocumentsById(['a', 'x'], true);
    expect(a).toMatchObject({ id: 'a', text: 'Innkalling' });
    expect(reads).toHaveBeenCalledTimes(1);
    const update = await instance.bulkWrite([{ previous: a!, document: { ...doc('a', 'Rettet', '2-b') } }], 'edit');
    expect(update.error).toEqual([]);
    const stale = await instance.bulkWrite([{ previous: a!, document: { ...doc('a', 'Gammel', '2-c') } }], 'edit');
    expect(stale.error).toMatchObject([{ status: 409, documentId: 'a' }]);
    expect(ids(await instance.findDocumentsById(['a', 'b', 'c'], true))).toEqual(['a', 'b']);
    await instance.close();
  });

  it('reads every key from IndexedDB in a table that held documents when the page opened it', async () => {
    const replica = storageOnNewIndexedDb();
    const first = await replica.open();
    await first.bulkWrite([{ document: doc('a') }], 'earlier session');
    await first.close();

    const again = await replica.open();
    const reads = recordReads();
    expect(ids(await again.findDocumentsById(['a', 'x'], true))).toEqual(['a']);
    expect(reads).toHaveBeenCalledTimes(2);
    expect((await again.bulkWrite([{ document: doc('a') }], 'insert over an existing one')).error).toMatchObject([{ status: 409 }]);
    await again.close();
  });

  it('stops answering for IndexedDB once a change it did not write shows (another tab of the replica)', async () => {
    const replica = storageOnNewIndexedDb();
    const instance = await replica.open();
    await instance.bulkWrite([{ document: doc('a') }], 'first-sync');

    // Another tab stores "t" in the same IndexedDB, and RxDB passes its change on to this instance.
    await copyRecord(replica.indexedDB, 'a', 't');
    expect(await instance.findDocumentsById(['t'], true)).toEqual([]);
    changesOf(instance).next({
      id: 'other',
      events: [{ documentId: 't', operation: 'INSERT', documentData: doc('t'), previousDocumentData: undefined }],
      checkpoint: null,
      context: 'other tab',
    });

    const reads = recordReads();
    expect(ids(await instance.findDocumentsById(['t', 'z'], true))).toEqual(['t']);
    expect(reads).toHaveBeenCalledTimes(2);
    await instance.close();
  });
});

function changesOf(instance: RxStorageInstance<Doc, unknown, unknown>): Subject<unknown> {
  return (instance as unknown as { changes$: Subject<unknown> }).changes$;
}

/** Copies a stored record under another key through IndexedDB itself, as another tab's storage would write. */
async function copyRecord(indexedDB: IDBFactory, from: string, to: string): Promise<void> {
  const [info] = await indexedDB.databases();
  const idb = await new Promise<globalThis.IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(info!.name!);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise<void>((resolve, reject) => {
    const transaction = idb.transaction('docs', 'readwrite');
    const store = transaction.objectStore('docs');
    const read = store.get(from);
    read.onsuccess = () => store.put({ ...(read.result as object), id: to });
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
  idb.close();
}
