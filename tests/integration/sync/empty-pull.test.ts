import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaVersionOf } from '../../../src-shared/db/collections';
import { createPullHandler, Revisions } from '../../../src-renderer/sync/replication-handlers';
import { SyncTransport } from '../../../src-renderer/sync/sync-transport';
import { openClientDatabase, sessionAuth } from './support/client';
import { followUpCase, scope } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await server.addUser({ username: 'head', roles: ['cohortCoordinator'], scope: scope({ cohorts: ['ver-2025'] }) });
  await server.addUser({ username: 'ola', roles: ['cohortCoordinator'], scope: scope({ cohorts: ['spl-2025'] }) });
});
afterAll(() => server.close());

/** The laptop's transport, remembering from where each pull asked. */
class RecordingTransport extends SyncTransport {
  readonly pulledFrom: (string | undefined)[] = [];
  override pull(collection: string, version: number, seq: string | undefined, batchSize: number) {
    this.pulledFrom.push(seq);
    return super.pull(collection, version, seq, batchSize);
  }
}

describe('pulling a collection in which the user sees nothing', () => {
  it('goes on from where the last pull ended instead of reading the feed from the beginning again', async () => {
    const head = new SyncTransport({ baseUrl: server.url, auth: sessionAuth(server.url, await server.login('head')) });
    const hidden = followUpCase((await server.login('head')).user.userId, { cohort: 'ver-2025' });
    expect(await head.push('cases', schemaVersionOf('cases'), [{ newDocumentState: { ...hidden, _deleted: false } }])).toMatchObject({
      conflicts: [],
      rejections: [],
    });

    const db = await openClientDatabase('empty-pull', getRxStorageMemory(), ['cases']);
    try {
      const transport = new RecordingTransport({ baseUrl: server.url, auth: sessionAuth(server.url, await server.login('ola')) });
      const pull = createPullHandler({ collection: db.cases, name: 'cases', version: schemaVersionOf('cases'), transport, revisions: new Revisions() });
      // RxDB keeps no checkpoint from a pull without documents: it asks from the beginning each time.
      expect((await pull(undefined, 100)).documents).toEqual([]);
      expect((await pull(undefined, 100)).documents).toEqual([]);
      expect(transport.pulledFrom).toHaveLength(2);
      expect(transport.pulledFrom[0]).toBeUndefined();
      expect(transport.pulledFrom[1]).toEqual(expect.any(String));
    } finally {
      await db.close();
    }
  });
});
