import type { RxStorage, RxStorageInstance } from 'rxdb';
import type { Subscription } from 'rxjs';

/**
 * A first sync (or a demo fill) writes tens of thousands of documents that the replica cannot
 * hold yet, and RxDB's Dexie storage reads each of them before writing it: the replication reads
 * the document and its replication record, and every bulk write reads what it is about to
 * overwrite — four IndexedDB reads per pulled document, all answering "not there" (a third of a
 * first sync's time in Chromium). This storage wrapper lets a table that was empty when this page
 * opened it answer those reads itself: a key it has not written since is not there. Every other
 * key is read from IndexedDB as before.
 *
 * What stops it: a change this page did not write (another tab of the same replica, which RxDB
 * passes on in the instance's change stream) ends the table's shortcut for good, so that a
 * document another writer added is never taken for absent.
 */

/** The part of a Dexie table the storage reads and writes documents through. */
interface DexieTable {
  bulkGet(keys: string[]): Promise<unknown[]>;
  bulkPut(items: readonly object[], ...rest: unknown[]): Promise<unknown>;
  limit(n: number): { primaryKeys(): Promise<unknown[]> };
  schema: { primKey: { keyPath: string | string[] | null } };
}

/** What is known of one table: the keys written since it was found empty, until another writer shows. */
interface Knowledge {
  written: Set<string>;
  trusted: boolean;
}

const knowledgeOf = new WeakMap<DexieTable, Promise<Knowledge | null>>();

/** Wraps RxDB's Dexie storage so that reads of keys a freshly created table cannot hold skip IndexedDB. */
export function wrappedAbsentKeysStorage<Internals, Options>(storage: RxStorage<Internals, Options>): RxStorage<Internals, Options> {
  return {
    ...storage,
    async createStorageInstance(params) {
      const instance = await storage.createStorageInstance(params);
      const table = await dexieTableOf(instance);
      if (!table) return instance;
      const knowledge = await knowAbsentKeys(table);
      if (!knowledge) return instance;
      // Another tab's writes reach this page only as change events: one for a key this page did not write ends the shortcut.
      const watching: Subscription = instance.changeStream().subscribe((bulk) => {
        if (bulk.events.some((event) => !knowledge.written.has(event.documentId))) {
          knowledge.trusted = false;
          knowledge.written.clear();
          watching.unsubscribe();
        }
      });
      const close = instance.close.bind(instance);
      instance.close = () => {
        watching.unsubscribe();
        return close();
      };
      return instance;
    },
  };
}

async function dexieTableOf(instance: Pick<RxStorageInstance<never, unknown, unknown>, 'internals'>): Promise<DexieTable | null> {
  const internals = (await instance.internals) as { dexieTable?: DexieTable } | undefined;
  return internals?.dexieTable ?? null;
}

/**
 * Patches the table (once, shared by every instance on it) when it is empty now; null when it
 * already holds documents (then nothing is known to be absent and nothing changes).
 */
function knowAbsentKeys(table: DexieTable): Promise<Knowledge | null> {
  let known = knowledgeOf.get(table);
  if (!known) {
    known = table
      .limit(1)
      .primaryKeys()
      .then((keys) => (keys.length === 0 ? patch(table) : null));
    knowledgeOf.set(table, known);
  }
  return known;
}

/** Null for a table without a single key path (RxDB's Dexie tables all have one): it is left alone. */
function patch(table: DexieTable): Knowledge | null {
  const keyPath = table.schema.primKey.keyPath;
  if (typeof keyPath !== 'string') return null;
  const knowledge: Knowledge = { written: new Set(), trusted: true };
  const bulkGet = table.bulkGet.bind(table);
  const bulkPut = table.bulkPut.bind(table);
  table.bulkPut = (items, ...rest) => {
    // Once the shortcut has ended, the keys are no longer needed.
    if (knowledge.trusted) for (const item of items) knowledge.written.add(String((item as Record<string, unknown>)[keyPath]));
    return bulkPut(items, ...rest);
  };
  table.bulkGet = async (keys) => {
    if (!knowledge.trusted) return bulkGet(keys);
    const maybe = keys.filter((key) => knowledge.written.has(key));
    if (maybe.length === keys.length) return bulkGet(keys);
    const found = maybe.length > 0 ? await bulkGet(maybe) : [];
    const byKey = new Map(maybe.map((key, index) => [key, found[index]]));
    return keys.map((key) => byKey.get(key));
  };
  return knowledge;
}
