import type { z } from 'zod';
import { caseSchema } from '../domain/case/case.schema';
import { documentSchema } from '../domain/document/document.schema';
import { educationOfferSchema } from '../domain/nomination/education-offer';
import { placementActivitySchema } from '../domain/placement/activity.schema';
import { noteSchema } from '../domain/note/note.schema';
import { orgUnitSchema } from '../domain/organisation/org-unit.schema';
import { personSchema } from '../domain/person/person.schema';
import { staffMemberSchema } from '../domain/staff/staff.schema';
import { taskSchema } from '../domain/task/task.schema';
import { syncIssueSchema } from '../sync/sync-issue.schema';
import { encryptedPathsOf } from './encrypted-fields';
import { toRxSchema, type RxSchemaOptions } from './to-rx-schema';

/**
 * The collections of the local replica. RxDB's free tier allows at most 13 per process, so all
 * five case types share one `cases` collection (type in `type`, type-specific data in `details`):
 * the overview lists and filters across types with one indexed query, and sync runs one stream
 * for all cases instead of five. Sub-records (notes, documents, tasks) and people get their own;
 * `conflicts` is local only, `staff` and `organisation` are read-only; `offers` holds the education
 * offers with their admission set-up (nomination admission), `activities` the placement activities.
 * Three slots stay free.
 */
interface CollectionDefinition {
  schema: z.ZodObject;
  /**
   * Version of the document's shape on the wire (part of every sync URL; the server migrates its
   * documents by it). The replica's own RxDB version (`rx.version`) also changes when only the way
   * the laptop stores a document does, e.g. which fields it encrypts (./encrypted-fields.ts).
   */
  wire: number;
  rx: RxSchemaOptions;
  /** Replicated with the central server (false: lives only on this laptop). */
  replicated: boolean;
}

export const collectionDefinitions = {
  cases: {
    schema: caseSchema,
    replicated: true,
    wire: 0,
    // rx v1: title and details encrypted. Every index ends in the list's order (nextDeadline, then
    // the id RxDB appends), so a filter on type, status or both reads one page, not every match.
    rx: {
      version: 1,
      primaryKey: 'id',
      indexes: ['nextDeadline', ['type', 'nextDeadline'], ['status', 'nextDeadline'], ['type', 'status', 'nextDeadline'], 'updatedAt'],
      encrypted: encryptedPathsOf('cases'),
    },
  },
  notes: {
    schema: noteSchema,
    replicated: true,
    // v1: `visibility` (internal / shared with the party); older notes are internal.
    wire: 1,
    // rx v2: the author's name and the agreed measure encrypted too.
    rx: { version: 2, primaryKey: 'id', indexes: ['caseId', ['caseId', 'createdAt']], encrypted: encryptedPathsOf('notes') },
  },
  documents: {
    schema: documentSchema,
    replicated: true,
    wire: 0,
    // rx v1: title and signatures encrypted.
    rx: { version: 1, primaryKey: 'id', indexes: ['caseId'], encrypted: encryptedPathsOf('documents') },
  },
  tasks: {
    schema: taskSchema,
    replicated: true,
    wire: 0,
    // rx v1: title encrypted.
    rx: { version: 1, primaryKey: 'id', indexes: ['caseId', 'due'], encrypted: encryptedPathsOf('tasks') },
  },
  people: {
    schema: personSchema,
    replicated: true,
    // v1: `cohorts` (the cohorts and courses a person belongs to); older people belong to none.
    wire: 1,
    // rx v2: names and e-mail encrypted too.
    rx: { version: 2, primaryKey: 'id', encrypted: encryptedPathsOf('people') },
  },
  /** The institution's staff as the server's accounts name them (read-only on the laptop). */
  staff: {
    schema: staffMemberSchema,
    replicated: true,
    wire: 0,
    rx: { version: 0, primaryKey: 'id' },
  },
  /** Institutions, departments, cohorts, courses, partners, agreements, sites (read-only on the laptop). */
  organisation: {
    schema: orgUnitSchema,
    replicated: true,
    // v1: municipalities (their centres give the placement distribution's travel distance).
    wire: 1,
    rx: { version: 1, primaryKey: 'id', indexes: ['kind', 'parentId'] },
  },
  /** Education offers (utdanningstilbud) with their admission set-up, kept by case officers. */
  offers: {
    schema: educationOfferSchema,
    replicated: true,
    // v1: an admission may name its ranking criteria (admission.ranking).
    wire: 1,
    rx: { version: 1, primaryKey: 'id', indexes: ['partnerId'] },
  },
  /** Placement activities with their students and the distribution being worked on, kept by placement administrators. */
  activities: {
    schema: placementActivitySchema,
    replicated: true,
    wire: 0,
    // rx v1: students and distribution encrypted.
    rx: { version: 1, primaryKey: 'id', encrypted: encryptedPathsOf('activities') },
  },
  /** The conflict inbox and the refused changes (src-shared/sync/sync-issue.schema.ts). */
  conflicts: {
    schema: syncIssueSchema,
    replicated: false,
    wire: 0,
    // rx v1: the entry's kind, reason and message in the schema; the copied values and the message encrypted.
    rx: { version: 1, primaryKey: 'id', indexes: ['detectedAt'], encrypted: encryptedPathsOf('conflicts') },
  },
} as const satisfies Record<string, CollectionDefinition>;

export type CollectionName = keyof typeof collectionDefinitions;
export const collectionNames = Object.keys(collectionDefinitions) as CollectionName[];
export const replicatedCollections = collectionNames.filter((name) => collectionDefinitions[name].replicated);

export const MAX_COLLECTIONS = 13;

/** RxDB JSON schema of a collection, derived from its zod schema. */
export function rxSchemaOf(name: CollectionName) {
  const definition = collectionDefinitions[name];
  return toRxSchema(definition.schema, definition.rx);
}

/** Wire version of a collection's documents; part of every sync URL. */
export function schemaVersionOf(name: CollectionName): number {
  return collectionDefinitions[name].wire;
}
