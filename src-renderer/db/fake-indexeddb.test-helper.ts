import { IDBFactory as FDBFactory, IDBKeyRange as FDBKeyRange } from 'fake-indexeddb';
import { openSaksflytDatabase, type SaksflytDatabase } from './database';
import { dexieStorage } from './dexie-storage';

export const TEST_KEY = 'test-key-0123456789abcdef0123456789abcdef';

/** A fresh in-memory IndexedDB (fake-indexeddb) per call: the app's storage (./dexie-storage) runs unchanged on it. */
export function createFakeIndexedDb() {
  const indexedDB = new FDBFactory();
  return { indexedDB, storage: dexieStorage({ indexedDB, IDBKeyRange: FDBKeyRange }) };
}

let counter = 0;

export async function openTestDatabase(fake = createFakeIndexedDb(), key = TEST_KEY): Promise<{ db: SaksflytDatabase; indexedDB: IDBFactory }> {
  counter += 1;
  const db = await openSaksflytDatabase({ key, name: `saksflyt-test-${counter}`, storage: fake.storage });
  return { db, indexedDB: fake.indexedDB };
}

/** Every string in every record of every object store, as stored: what a stolen disk would show. */
export async function rawIndexedDbStrings(indexedDB: IDBFactory): Promise<string[]> {
  const out: string[] = [];
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(info.name as string);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const store of Array.from(idb.objectStoreNames)) {
      const records = await new Promise<unknown[]>((resolve, reject) => {
        const request = idb.transaction(store, 'readonly').objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      out.push(...stringsIn(records));
    }
    idb.close();
  }
  return out;
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(stringsIn);
}
