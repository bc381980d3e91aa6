import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../src-server/auth/sessions';
import { importDocuments } from '../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import { Network, openLaptop } from './support/client';
import { followUpCase, scope } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

/**
 * A sync's timeout is for an exchange that stalls, not for one that takes long: a first sync of
 * 100,000 cases takes minutes, and timing it out after 30 s left the laptop saying "never
 * synced" until the next periodic sync. Real server over HTTP; the laptop's link answers slowly.
 */
const CASES = 24;
const TIMEOUT_MS = 600;

/** A link whose every answer comes `delayMs` late; `hang()` makes pulls never answer. */
class SlowNetwork extends Network {
  delayMs = 150;
  private hanging = false;
  private readonly slow = this.fetch;

  hang(): void {
    this.hanging = true;
  }

  override readonly fetch: typeof fetch = async (input, init) => {
    if (this.hanging && String(input).includes('/pull')) return new Promise<Response>(() => {});
    const response = await this.slow(input, init);
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    return response;
  };
}

describe('a sync that takes longer than its timeout', () => {
  let server: TestServer;
  let session: Session;

  beforeAll(async () => {
    server = await startTestServer();
    const coordinator = await server.addUser({ username: 'kari', roles: ['cohortCoordinator'], scope: scope({ cohorts: ['spl-2025'] }) });
    const cases = Array.from({ length: CASES }, (_, n) => followUpCase(coordinator.userId, { caseNumber: `2026/${String(n).padStart(5, '0')}` }));
    const collection = defaultSyncCollections().find((candidate) => candidate.name === 'cases')!;
    await importDocuments(server.db, collection, cases, { actorId: null, action: 'test' });
    session = await server.login('kari');
  });
  afterAll(() => server?.close());

  it('completes while documents keep arriving, and fails once nothing has moved for the timeout', async () => {
    const network = new SlowNetwork();
    // Two cases a pull, each answer 150 ms late: the cases alone take 12 pulls, about twice the timeout.
    const laptop = await openLaptop(server.url, session, { network, collections: ['cases'], pullBatchSize: 2 });
    try {
      const started = performance.now();
      const result = await laptop.sync.syncNow(TIMEOUT_MS);
      expect(performance.now() - started).toBeGreaterThan(TIMEOUT_MS);
      expect(result).toEqual({ ok: true });
      expect(await laptop.db.cases.count().exec()).toBe(CASES);

      network.hang();
      expect(await laptop.sync.syncNow(TIMEOUT_MS)).toMatchObject({ ok: false, error: { code: 'timeout' } });
    } finally {
      await laptop.close();
    }
  });
});
