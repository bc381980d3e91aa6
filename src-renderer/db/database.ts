import { createRxDatabase, addRxPlugin, type RxCollection, type RxCollectionCreator, type RxDatabase, type RxStorage } from 'rxdb';
import { wrappedFieldEncryptionStorage } from './field-encryption';
import { dexieStorage } from './dexie-storage';
import type { z } from 'zod';
import { type collectionDefinitions, collectionNames, type CollectionName } from '../../src-shared/db/collections';
import { collectionCreator } from './migration-strategies';

/** The document type of a collection, inferred from its shared zod schema. */
export type DocOf<N extends CollectionName> = z.infer<(typeof collectionDefinitions)[N]['schema']>;

export type SaksflytCollections = { [N in CollectionName]: RxCollection<DocOf<N>> };
export type SaksflytDatabase = RxDatabase<SaksflytCollections>;

export const DATABASE_NAME = 'saksflyt';

export interface OpenDatabaseOptions {
  /** Encryption key for the schema's `encrypted` fields (from the main process's secure store). */
  key: string;
  name?: string;
  /** The underlying storage; Dexie on the browser's IndexedDB unless a test passes its own. */
  storage?: RxStorage<unknown, unknown>;
}

/** The app's storage (./dexie-storage) on the browser's IndexedDB. */
export const browserStorage = (): RxStorage<unknown, unknown> => dexieStorage();

/**
 * Opens the local replica with every collection of the shared list, migrating documents kept in an
 * older schema version (./migration-strategies). Sensitive fields are encrypted
 * with AES-GCM (./field-encryption) before they reach IndexedDB. In dev builds only, RxDB's dev-mode checks and
 * schema validation of every write (./validate-zod) are loaded on demand; the production bundle
 * contains neither.
 */
export async function openSaksflytDatabase(options: OpenDatabaseOptions): Promise<SaksflytDatabase> {
  let storage: RxStorage<unknown, unknown> = wrappedFieldEncryptionStorage({
    storage: options.storage ?? browserStorage(),
  });
  if (import.meta.env.DEV) storage = await withDevChecks(storage);

  const db = await createRxDatabase<SaksflytCollections>({
    name: options.name ?? DATABASE_NAME,
    storage,
    password: options.key,
    multiInstance: true,
    closeDuplicates: true,
    // Counting matches of a free-text search cannot be answered by an index alone.
    allowSlowCount: true,
  });
  const creators = Object.fromEntries(collectionNames.map((name): [CollectionName, RxCollectionCreator] => [name, collectionCreator(name)]));
  await db.addCollections(creators as Record<CollectionName, RxCollectionCreator>);
  return db;
}

async function withDevChecks(storage: RxStorage<unknown, unknown>): Promise<RxStorage<unknown, unknown>> {
  const [{ RxDBDevModePlugin, disableWarnings }, { wrappedValidateZodStorage }] = await Promise.all([
    import('rxdb/plugins/dev-mode'),
    import('./validate-zod'),
  ]);
  disableWarnings();
  addRxPlugin(RxDBDevModePlugin);
  return wrappedValidateZodStorage({ storage });
}
