import { createRxDatabase, type RxCollection, type RxCollectionCreator, type RxDatabase } from 'rxdb';
import { wrappedFieldEncryptionStorage } from '../../../src-renderer/db/field-encryption';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { collectionNames, type CollectionName } from '../../../src-shared/db/collections';
import { collectionCreator } from '../../../src-renderer/db/migration-strategies';
import type { FollowUpReplica } from '../../../src-renderer/features/follow-up/follow-up-steps';
import { channels, type MethodName, type SaksflytApi } from '../../../src-shared/ipc/channels';

export interface Replica {
  db: FollowUpReplica;
  close(): Promise<unknown>;
}

/** A laptop's replica: every collection of the app with its schema and encrypted fields, in memory. */
export async function openReplica(): Promise<Replica> {
  const database: RxDatabase<Record<CollectionName, RxCollection>> = await createRxDatabase({
    name: `follow-up-${crypto.randomUUID()}`,
    storage: wrappedFieldEncryptionStorage({ storage: getRxStorageMemory() }),
    password: 'follow-up-test-key-0123456789',
    multiInstance: false,
  });
  await database.addCollections(Object.fromEntries(collectionNames.map((name): [CollectionName, RxCollectionCreator] => [name, collectionCreator(name)])));
  return { db: database as unknown as FollowUpReplica, close: () => database.close() };
}

/** The typed API over the browser host's `POST /rpc/<channel>`, as the renderer's HTTP transport calls it. */
export function rpcApi(hostUrl: string): SaksflytApi {
  const call = (method: MethodName) => async (input?: unknown) => {
    const response = await fetch(`${hostUrl}rpc/${channels[method].channel}`, {
      method: 'POST',
      ...(input === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) }),
    });
    return response.json();
  };
  return Object.fromEntries((Object.keys(channels) as MethodName[]).map((method) => [method, call(method)])) as unknown as SaksflytApi;
}
