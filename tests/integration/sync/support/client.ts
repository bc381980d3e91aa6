import { randomBytes } from 'node:crypto';
import { createRxDatabase, type RxCollection, type RxCollectionCreator, type RxDatabase, type RxStorage } from 'rxdb';
import { wrappedFieldEncryptionStorage } from '../../../../src-renderer/db/field-encryption';
import { collectionCreator } from '../../../../src-renderer/db/migration-strategies';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { collectionDefinitions, collectionNames, rxSchemaOf, type CollectionName } from '../../../../src-shared/db/collections';
import { toRxSchema } from '../../../../src-shared/db/to-rx-schema';
import { syncIssueSchema } from '../../../../src-shared/sync/sync-issue.schema';
import type { Session } from '../../../../src-server/auth/sessions';
import { startReplication, type StartReplicationOptions, type SyncHandle } from '../../../../src-renderer/sync/start-replication';
import type { SyncAuth } from '../../../../src-renderer/sync/sync-transport';

/**
 * The app's schemas, except that the conflict inbox uses the sync issue shape (the conflict schema
 * plus kind, reason, code, message: change requested in the sync report).
 */
function schemaOf(collection: CollectionName) {
  return collection === 'conflicts' ? toRxSchema(syncIssueSchema, collectionDefinitions.conflicts.rx) : rxSchemaOf(collection);
}

export type ClientDatabase = RxDatabase<Record<CollectionName, RxCollection>>;

/**
 * The case work without the read-only directory (staff, organisation): two laptops in one test
 * process stay within RxDB's 13 open collections per process (the app opens one replica at a time).
 */
export const CASE_WORK: readonly CollectionName[] = ['cases', 'notes', 'documents', 'tasks', 'people'];

/** A laptop: an RxDB database with the app's collections (every one unless told), encrypted fields, in memory. */
export async function openClientDatabase(
  name: string,
  storage: RxStorage<unknown, unknown>,
  collections: readonly CollectionName[] = collectionNames,
): Promise<ClientDatabase> {
  const db = await createRxDatabase<Record<CollectionName, RxCollection>>({
    name,
    storage: wrappedFieldEncryptionStorage({ storage }),
    password: 'test-replica-key-123',
    multiInstance: false,
  });
  await db.addCollections(
    Object.fromEntries(collections.map((collection) => [collection, collectionCreator(collection, schemaOf(collection))])) as Record<
      CollectionName,
      RxCollectionCreator
    >,
  );
  return db;
}

/** Access tokens the way the desktop app keeps them: refreshed through the server when expired. */
export function sessionAuth(baseUrl: string, session: Session): SyncAuth & { session: Session } {
  const auth = {
    session,
    getAccessToken: () => auth.session.accessToken,
    async refresh() {
      const response = await fetch(`${baseUrl}/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: auth.session.refreshToken }),
      });
      if (!response.ok) return null;
      auth.session = (await response.json()) as Session;
      return auth.session.accessToken;
    },
  };
  return auth;
}

/** A laptop's network link: switch it off and every open request (and the live stream) drops. */
export class Network {
  private online = true;
  private readonly open = new Set<AbortController>();

  readonly fetch: typeof fetch = (input, init) => {
    if (!this.online) return Promise.reject(new TypeError('fetch failed: network is down'));
    const controller = new AbortController();
    const outer = init?.signal;
    if (outer) outer.addEventListener('abort', () => controller.abort(outer.reason), { once: true });
    this.open.add(controller);
    return globalThis.fetch(input, { ...init, signal: controller.signal }).finally(() => this.open.delete(controller));
  };

  get isOnline(): boolean {
    return this.online;
  }

  setOnline(online: boolean): void {
    this.online = online;
    if (!online) for (const controller of this.open) controller.abort(new TypeError('network is down'));
  }
}

export interface Laptop {
  db: ClientDatabase;
  network: Network;
  sync: SyncHandle;
  storage: RxStorage<unknown, unknown>;
  name: string;
  close(): Promise<void>;
}

export async function openLaptop(
  baseUrl: string,
  session: Session,
  options: Partial<StartReplicationOptions> & { storage?: RxStorage<unknown, unknown>; name?: string; network?: Network } = {},
): Promise<Laptop> {
  const storage = options.storage ?? getRxStorageMemory();
  const name = options.name ?? `laptop${randomBytes(6).toString('hex')}`;
  // Sync issues live in `conflicts`, whichever collections replicate.
  const db = await openClientDatabase(name, storage, options.collections ? [...options.collections, 'conflicts'] : collectionNames);
  const network = options.network ?? new Network();
  const sync = await startReplication(db, {
    fetch: network.fetch,
    baseUrl,
    auth: sessionAuth(baseUrl, session),
    userId: session.user.userId,
    periodicSyncMs: 0,
    retryTimeMs: 200,
    waitForLeadership: false,
    stream: { minRetryMs: 100, maxRetryMs: 1000 },
    ...options,
  });
  return {
    db,
    network,
    sync,
    storage,
    name,
    async close() {
      await sync.stop();
      if (!db.closed) await db.close();
    },
  };
}

/** Polls `check` until it holds (the replication is asynchronous); fails with the last value after `timeoutMs`. */
export async function eventually<T>(read: () => Promise<T> | T, check: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value)) {
    if (Date.now() > deadline) throw new Error(`Condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(value)?.slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}
