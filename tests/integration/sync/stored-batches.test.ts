import type { RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../src-server/auth/sessions';
import { Network, openLaptop } from './support/client';
import { serverWithCases } from './support/server-with-cases';
import type { TestServer } from './support/test-server';

/**
 * A pull waits until what the replica was given before is stored. RxDB asks for the next batch
 * without waiting for the last one's write; with a download faster than the storage, a first sync
 * of 100,000 cases piled up in the page's memory (past 6 GB) and stalled. Real server over HTTP;
 * the laptop's storage writes cases slowly.
 */
const CASES = 24;
const BATCH = 2;
const WRITE_DELAY_MS = 60;

/** Memory storage whose writes to the `cases` collection each take `delayMs`, and the count of rows written. */
function slowCaseWrites(delayMs: number) {
  const counter = { rows: 0 };
  return { storage: slowly(getRxStorageMemory(), delayMs, counter), counter };
}

/** `storage` with its `cases` writes held back `delayMs` each, counted in `counter`. */
function slowly<Internals, Options>(storage: RxStorage<Internals, Options>, delayMs: number, counter: { rows: number }): RxStorage<Internals, Options> {
  return {
    ...storage,
    async createStorageInstance(params) {
      const instance = await storage.createStorageInstance(params);
      if (params.collectionName !== 'cases') return instance;
      const bulkWrite = instance.bulkWrite.bind(instance);
      instance.bulkWrite = async (rows, context) => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        const result = await bulkWrite(rows, context);
        counter.rows += rows.length;
        return result;
      };
      return instance;
    },
  };
}

describe('a first sync faster to download than to store', () => {
  let server: TestServer;
  let session: Session;

  beforeAll(async () => {
    ({ server, session } = await serverWithCases(CASES));
  });
  afterAll(() => server?.close());

  it('downloads a batch only once the one before the last is stored, and stores every case', async () => {
    const { storage, counter } = slowCaseWrites(WRITE_DELAY_MS);
    const network = new Network();
    // At each pull of cases: the cases already answered, and the case rows stored by then.
    const atPull: { answered: number; stored: number }[] = [];
    let answered = 0;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const pullOfCases = /\/sync\/cases\/v\d+\/pull/.test(String(input));
      if (pullOfCases) atPull.push({ answered, stored: counter.rows });
      const response = await network.fetch(input, init);
      if (pullOfCases && response.ok) answered += ((await response.clone().json()) as { documents: unknown[] }).documents.length;
      return response;
    };
    const laptop = await openLaptop(server.url, session, { network, fetch, storage, collections: ['cases'], pullBatchSize: BATCH });
    try {
      expect(await laptop.sync.syncNow(60_000)).toEqual({ ok: true });
      expect(await laptop.db.cases.count().exec()).toBe(CASES);
      expect(atPull.length).toBeGreaterThan(CASES / BATCH);
      // One batch may wait to be stored while the next downloads; never more.
      for (const { answered: given, stored } of atPull) expect(given - stored).toBeLessThanOrEqual(BATCH);
    } finally {
      await laptop.close();
    }
  });
});
