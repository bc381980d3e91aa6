import type { DexieSettings, RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedAbsentKeysStorage } from './absent-keys';
import { wrappedIndexRangeReadStorage } from './index-range-reads';

/**
 * The app's storage: RxDB's Dexie storage, without its reads of documents a new replica cannot hold
 * yet (./absent-keys), reading an index's range at once where the index answers a query alone
 * (./index-range-reads). `settings`: another IndexedDB (the tests' in-memory one).
 */
export const dexieStorage = (settings?: DexieSettings): RxStorage<unknown, unknown> =>
  wrappedIndexRangeReadStorage(wrappedAbsentKeysStorage(getRxStorageDexie(settings)));
