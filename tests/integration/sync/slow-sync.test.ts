import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../src-server/auth/sessions';
import { Network, openLaptop } from './support/client';
import { serverWithCases } from './support/server-with-cases';
import type { TestServer } from './support/test-server';

/**
 * A sync's timeout is for an exchange that stalls, not for one that takes long: a first sync of
 * 100,000 cases takes minutes, and timing it out after 30 s left the laptop saying "never
 * synced" until the next periodic sync. Real server over HTTP; the laptop's link answers slowly.
 */
const CASES = 24;
const TIMEOUT_MS = 600;

/** A link whose every answer comes `delayMs` late; `hang()` makes pulls never answer. */
function slowLink(delayMs: number) {
  const network = new Network();
  let hanging = false;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    if (hanging && String(input).includes('/pull')) return new Promise<Response>(() => {});
    const response = await network.fetch(input, init);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return response;
  };
  return { network, fetch, hang: () => (hanging = true) };
}

describe('a sync that takes longer than its timeout', () => {
  let server: TestServer;
  let session: Session;

  beforeAll(async () => {
    ({ server, session } = await serverWithCases(CASES));
  });
  afterAll(() => server?.close());

  it('completes while documents keep arriving, and fails once nothing has moved for the timeout', async () => {
    const link = slowLink(150);
    // Two cases a pull, each answer 150 ms late: the cases alone take 12 pulls, about twice the timeout.
    const laptop = await openLaptop(server.url, session, { network: link.network, fetch: link.fetch, collections: ['cases'], pullBatchSize: 2 });
    try {
      const started = performance.now();
      const result = await laptop.sync.syncNow(TIMEOUT_MS);
      expect(performance.now() - started).toBeGreaterThan(TIMEOUT_MS);
      expect(result).toEqual({ ok: true });
      expect(await laptop.db.cases.count().exec()).toBe(CASES);

      link.hang();
      expect(await laptop.sync.syncNow(TIMEOUT_MS)).toMatchObject({ ok: false, error: { code: 'timeout' } });
    } finally {
      await laptop.close();
    }
  });
});
