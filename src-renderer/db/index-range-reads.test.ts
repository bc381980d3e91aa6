import { IDBFactory, IDBIndex, IDBKeyRange } from 'fake-indexeddb';
import { fillWithDefaultSettings, normalizeMangoQuery, prepareQuery, type MangoQuery, type RxJsonSchema, type RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { wrappedIndexRangeReadStorage } from './index-range-reads';

type Doc = { id: string; type: string; done: boolean; rank: number };
const schema = fillWithDefaultSettings({
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 20 },
    type: { type: 'string', maxLength: 10 },
    done: { type: 'boolean' },
    rank: { type: 'number', minimum: 0, maximum: 1000, multipleOf: 1 },
  },
  required: ['id', 'type', 'done', 'rank'],
  indexes: [
    ['type', 'rank'],
    ['done', 'rank'],
  ],
} as RxJsonSchema<Doc>);

/** 60 documents over three types, a third of them done, every seventh deleted. */
const documents = Array.from({ length: 60 }, (_, i) => ({
  id: `doc-${String(i).padStart(3, '0')}`,
  type: ['a', 'b', 'c'][i % 3]!,
  done: i % 3 === 1,
  rank: (i * 37) % 50,
  _deleted: i % 7 === 0,
  _rev: '1-a',
  _meta: { lwt: 1000 + i },
  _attachments: {},
}));

let databases = 0;
async function instanceOn(storage: (indexedDB: IDBFactory) => RxStorage<unknown, unknown>) {
  const instance = await storage(new IDBFactory()).createStorageInstance<Doc>({
    databaseInstanceToken: 'token',
    databaseName: `range-reads-${(databases += 1)}`,
    collectionName: 'docs',
    schema,
    options: {},
    multiInstance: false,
    devMode: false,
  });
  expect(
    (
      await instance.bulkWrite(
        documents.map((document) => ({ document })),
        'test',
      )
    ).error,
  ).toEqual([]);
  return instance;
}

/** As RxQuery prepares a query: normalised, and only documents that are not deleted. */
const prepared = (query: MangoQuery<Doc>) => {
  const normal = normalizeMangoQuery(schema, query);
  return prepareQuery(schema, { ...normal, selector: { ...normal.selector, _deleted: { $eq: false } } });
};

describe('reading an index range at once', () => {
  afterEach(() => vi.restoreAllMocks());

  // With how many getAll requests each is answered: none where nothing can match.
  const answeredByIndex: [MangoQuery<Doc>, number][] = [
    [{ selector: { type: 'a' }, sort: [{ rank: 'asc' }], limit: 5 }, 1],
    [{ selector: { done: true }, sort: [{ rank: 'asc' }], skip: 3, limit: 4 }, 1],
    [{ selector: { type: 'b', rank: { $gte: 10, $lt: 40 } }, sort: [{ rank: 'asc' }] }, 1],
    [{ selector: { done: false }, sort: [{ rank: 'asc' }], skip: 30 }, 1],
    // A limit of 0 (IndexedDB's getAll would take it as "all"), and a range whose bounds cross.
    [{ selector: { type: 'c' }, sort: [{ rank: 'asc' }], limit: 0 }, 0],
    [{ selector: { type: 'a', rank: { $gt: 40, $lt: 10 } }, sort: [{ rank: 'asc' }] }, 0],
  ];

  it.each(answeredByIndex.map(([query, requests]) => [JSON.stringify(query), query, requests] as const))(
    'answers %s with one getAll at most, as RxDB does with its cursor',
    async (_, query, requests) => {
      const ours = await instanceOn((indexedDB) => wrappedIndexRangeReadStorage(getRxStorageDexie({ indexedDB, IDBKeyRange })));
      const rxdb = await instanceOn((indexedDB) => getRxStorageDexie({ indexedDB, IDBKeyRange }));
      const plan = prepared(query);
      expect([plan.queryPlan.selectorSatisfiedByIndex, plan.queryPlan.sortSatisfiedByIndex]).toEqual([true, true]);
      const want = (await rxdb.query(plan)).documents;
      if (requests > 0) expect(want.length).toBeGreaterThan(0);
      const getAll = vi.spyOn(IDBIndex.prototype, 'getAll');
      const openCursor = vi.spyOn(IDBIndex.prototype, 'openCursor');
      const got = (await ours.query(plan)).documents;
      expect(got).toEqual(want);
      expect(got.every((doc) => typeof doc.done === 'boolean' && !doc._deleted)).toBe(true);
      expect(openCursor).not.toHaveBeenCalled();
      expect(getAll).toHaveBeenCalledTimes(requests);
      await Promise.all([ours.close(), rxdb.close()]);
    },
  );

  it('leaves a query the index does not answer alone to RxDB', async () => {
    const ours = await instanceOn((indexedDB) => wrappedIndexRangeReadStorage(getRxStorageDexie({ indexedDB, IDBKeyRange })));
    const plan = prepared({ selector: { type: 'a', done: false }, sort: [{ rank: 'asc' }] });
    expect(plan.queryPlan.selectorSatisfiedByIndex).toBe(false);
    const getAll = vi.spyOn(IDBIndex.prototype, 'getAll');
    const got = (await ours.query(plan)).documents;
    expect(got.map((doc) => doc.id)).toEqual(
      documents
        .filter((doc) => doc.type === 'a' && !doc.done && !doc._deleted)
        .sort((x, y) => x.rank - y.rank || (x.id < y.id ? -1 : 1))
        .map((doc) => doc.id),
    );
    expect(getAll).not.toHaveBeenCalled();
    await ours.close();
  });
});
