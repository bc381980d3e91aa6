import { afterAll, beforeAll, describe, it } from 'vitest';
import { addRxPlugin } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { runReplicationBaseTestSuite, setConfig } from 'rxdb/plugins/test-utils';
import type { RxCollection } from 'rxdb';
import { z } from 'zod';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import { createPullHandler, createPullStream, createPushHandler, RejectedRows, Revisions, upstreamIdle } from '../../../src-renderer/sync/replication-handlers';
import { SyncTransport } from '../../../src-renderer/sync/sync-transport';
import { dexieStorage } from '../../../src-renderer/db/dexie-storage';
import { sessionAuth } from './support/client';
import { scope } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

/**
 * RxDB's own replication test suite, run against our server over HTTP with our pull/push/stream
 * handlers. The suite's "human" documents live in an extra collection every signed-in user may
 * see and change (the app's own collections keep their access rules).
 */
const human = {
  name: 'human',
  version: 0,
  primaryKey: 'passportId',
  schema: z.object({
    passportId: z.string().min(1).max(100),
    firstName: z.string().max(100),
    lastName: z.string().max(100),
    age: z.number().int().min(0).max(150).optional(),
  }),
  visibility: 'open' as const,
  appendOnly: false,
  deletable: true,
};

// The suite is written for mocha's globals and creates its databases in dev-mode.
Object.assign(globalThis, { describe, it });
disableWarnings();
addRxPlugin(RxDBDevModePlugin);
// The app's own storage stack (src-renderer/db/dexie-storage.ts) on an in-memory IndexedDB.
const indexedDB = new IDBFactory();
const storage = () => wrappedValidateZSchemaStorage({ storage: dexieStorage({ indexedDB, IDBKeyRange }) });
setConfig({
  storage: {
    name: 'dexie',
    getStorage: storage,
    getPerformanceStorage: () => ({ storage: storage(), description: 'dexie' }),
    hasPersistence: true,
    hasMultiInstance: false,
    hasAttachments: true,
    hasReplication: true,
  },
});

let server: TestServer;
let transport: SyncTransport;

beforeAll(async () => {
  server = await startTestServer({ collections: [...defaultSyncCollections(), human] });
  await server.addUser({ username: 'suite', roles: ['caseOfficer'], scope: scope() });
  const session = await server.login('suite');
  transport = new SyncTransport({ baseUrl: server.url, auth: sessionAuth(server.url, session) });
});
afterAll(() => server.close());

function replicate(collection: RxCollection, live: boolean) {
  const endpoint = { collection, name: 'human', version: 0, transport, revisions: new Revisions() };
  const stream = createPullStream(endpoint, { minRetryMs: 100, pushesSettled: () => upstreamIdle(replication) });
  const replication = replicateRxCollection({
    replicationIdentifier: `rxdb-suite-${server.url}`,
    collection,
    live,
    retryTime: 200,
    waitForLeadership: false,
    pull: { handler: createPullHandler(endpoint), ...(live ? { stream$: stream.stream$ } : {}) },
    push: { handler: createPushHandler(endpoint, new RejectedRows()) },
  });
  return replication;
}

describe('RxDB replication base test suite over HTTP', () => {
  runReplicationBaseTestSuite({
    startReplication: (collection) => replicate(collection, true),
    async syncOnce(collection) {
      const replication = replicate(collection, false);
      await replication.awaitInitialReplication();
    },
    async getAllServerDocs() {
      const rows = await server.db.query<{ doc: string; deleted: boolean }>(`SELECT doc, deleted FROM sync_documents WHERE collection = 'human'`);
      return rows.map((row) => ({ ...(JSON.parse(row.doc) as object), _deleted: row.deleted }));
    },
    async cleanUpServer() {
      await server.db.query(`DELETE FROM sync_documents WHERE collection = 'human'`);
    },
    softDeletes: true,
    isDeleted: (doc: { _deleted: boolean }) => doc._deleted,
    getPrimaryOfServerDoc: (doc: { passportId: string }) => doc.passportId,
  });
});
