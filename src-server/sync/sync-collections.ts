import { z } from 'zod';
import { collectionDefinitions, replicatedCollections, type CollectionName } from '../../src-shared/db/collections';

/**
 * How the server treats each replicated collection: who may see a document, and what may be
 * written. Every collection the app replicates must have a policy here (checked at start).
 * - `case`: a case; the shared access rules decide.
 * - `case-child`: belongs to the case in `caseId` (notes, documents, tasks); visible with it.
 * - `person`: visible to the institution's staff (its register), and to whoever sees a case about
 *   that person.
 * - `directory`: kept by the server (the staff directory from its accounts, the organisation from
 *   `npm run admin -- org import`); visible to the institution's staff, never written by a client.
 * - `offer`: an education offer; the offer table decides (src-shared/domain/access/offer-access.ts):
 *   the institution's staff read it, its partner's nominators too; case officers and department
 *   heads write it, checked against its agreement (src-server/case-types/nomination/offer-store.ts).
 * - `activity`: a placement activity; the activity table decides (src-shared/domain/access/activity-access.ts):
 *   the institution's placement administrators read and write it, department heads read their own.
 * - `open`: everyone signed in (used for RxDB's own replication test suite only).
 */
export type VisibilityRule = 'case' | 'case-child' | 'person' | 'directory' | 'offer' | 'activity' | 'open';

export interface SyncCollection {
  name: string;
  version: number;
  primaryKey: string;
  /** The fields of a document; pushed documents must match it exactly (no unknown fields). */
  schema: z.ZodObject;
  visibility: VisibilityRule;
  /** Written once, never changed or deleted (notes). */
  appendOnly: boolean;
  /** May a client delete documents of this collection? */
  deletable: boolean;
}

const policies: Record<Exclude<CollectionName, 'conflicts'>, Pick<SyncCollection, 'visibility' | 'appendOnly' | 'deletable'>> = {
  cases: { visibility: 'case', appendOnly: false, deletable: false },
  notes: { visibility: 'case-child', appendOnly: true, deletable: false },
  documents: { visibility: 'case-child', appendOnly: false, deletable: true },
  tasks: { visibility: 'case-child', appendOnly: false, deletable: true },
  people: { visibility: 'person', appendOnly: false, deletable: false },
  staff: { visibility: 'directory', appendOnly: false, deletable: false },
  organisation: { visibility: 'directory', appendOnly: false, deletable: false },
  // Nominations name an offer by its code: an offer is closed by its dates, never deleted.
  offers: { visibility: 'offer', appendOnly: false, deletable: false },
  // Orders name their activity: an activity ends with its period, it is never deleted.
  activities: { visibility: 'activity', appendOnly: false, deletable: false },
};

export function defaultSyncCollections(): SyncCollection[] {
  return replicatedCollections.map((name) => {
    const policy = (policies as Partial<Record<CollectionName, (typeof policies)['cases']>>)[name];
    if (!policy) throw new Error(`Collection "${name}" is replicated but has no sync policy in src-server/sync/sync-collections.ts`);
    const definition = collectionDefinitions[name];
    return { name, version: definition.wire, primaryKey: definition.rx.primaryKey, schema: definition.schema, ...policy };
  });
}

export class SyncCollections {
  private readonly byName: Map<string, SyncCollection & { wireSchema: z.ZodType<Record<string, unknown>> }>;

  constructor(collections: SyncCollection[]) {
    this.byName = new Map(
      collections.map((collection) => [
        collection.name,
        { ...collection, wireSchema: collection.schema.extend({ _deleted: z.boolean() }).strict() as z.ZodType<Record<string, unknown>> },
      ]),
    );
  }

  get(name: string) {
    return this.byName.get(name);
  }

  all() {
    return [...this.byName.values()];
  }
}
