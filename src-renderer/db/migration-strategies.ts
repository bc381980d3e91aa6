import { addRxPlugin, type MigrationStrategies, type RxCollectionCreator } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { rxSchemaOf, type CollectionName } from '../../src-shared/db/collections';
import type { JsonObject } from '../../src-shared/db/to-rx-schema';

// RxDB opens a collection of a schema version above 0 only with its migration plugin.
addRxPlugin(RxDBMigrationSchemaPlugin);

/** The document stays as it is: only the way this laptop stores it changed (fields encrypted, ./field-encryption). */
const unchanged = (doc: Record<string, unknown>) => doc;

/**
 * How documents kept on this laptop in an older schema version of a collection become the current
 * one (RxDB runs them when the app opens the replica; key: the version migrated to). Where the
 * document's shape changed, the server converts its stored documents the same way
 * (src-server/db/migrations.ts), so both sides agree on every document afterwards.
 */
export const migrationStrategies: Partial<Record<CollectionName, MigrationStrategies>> = {
  // v1: case title and details encrypted.
  cases: { 1: unchanged },
  // v1: notes written before notes had a visibility were for the institution only. v2: more fields encrypted.
  notes: { 1: (doc: Record<string, unknown>) => ({ ...doc, visibility: 'internal' }), 2: unchanged },
  // v1: title and signatures encrypted.
  documents: { 1: unchanged },
  // v1: title encrypted.
  tasks: { 1: unchanged },
  // v1: people belong to cohorts and courses; those kept before belong to none until the server says. v2: names and e-mail encrypted.
  people: { 1: (doc: Record<string, unknown>) => ({ ...doc, cohorts: [] }), 2: unchanged },
  // v1: offers kept before name no ranking criteria (their admissions rank by the default).
  offers: { 1: unchanged },
  // v1: a new kind of unit (municipality); the units kept before are as they were.
  organisation: { 1: unchanged },
  // v1: students and distribution encrypted.
  activities: { 1: unchanged },
  // v1: the copied field values and the server's message encrypted.
  conflicts: { 1: unchanged },
};

/** How to create a collection of the replica: its schema (the shared one unless given) and its migrations. */
export function collectionCreator(name: CollectionName, schema: JsonObject = rxSchemaOf(name)): RxCollectionCreator {
  return { schema: schema as RxCollectionCreator['schema'], migrationStrategies: migrationStrategies[name] ?? {} };
}
