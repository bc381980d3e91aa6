import type { z } from 'zod';
import { caseSchema } from '../domain/case/case.schema';
import { conflictSchema } from '../domain/conflict/conflict.schema';
import { documentSchema } from '../domain/document/document.schema';
import { educationOfferSchema } from '../domain/nomination/education-offer';
import { placementActivitySchema } from '../domain/placement/activity.schema';
import { noteSchema } from '../domain/note/note.schema';
import { orgUnitSchema } from '../domain/organisation/org-unit.schema';
import { personSchema } from '../domain/person/person.schema';
import { staffMemberSchema } from '../domain/staff/staff.schema';
import { taskSchema } from '../domain/task/task.schema';
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
  rx: RxSchemaOptions;
  /** Replicated with the central server (false: lives only on this laptop). */
  replicated: boolean;
}

export const collectionDefinitions = {
  cases: {
    schema: caseSchema,
    replicated: true,
    rx: {
      version: 0,
      primaryKey: 'id',
      indexes: ['type', 'status', 'nextDeadline', ['type', 'status', 'nextDeadline'], 'updatedAt'],
    },
  },
  notes: {
    schema: noteSchema,
    replicated: true,
    // v1: `visibility` (internal / shared with the party); older notes are internal.
    rx: { version: 1, primaryKey: 'id', indexes: ['caseId', ['caseId', 'createdAt']], encrypted: ['text'] },
  },
  documents: {
    schema: documentSchema,
    replicated: true,
    rx: { version: 0, primaryKey: 'id', indexes: ['caseId'] },
  },
  tasks: {
    schema: taskSchema,
    replicated: true,
    rx: { version: 0, primaryKey: 'id', indexes: ['caseId', 'due'] },
  },
  people: {
    schema: personSchema,
    replicated: true,
    // v1: `cohorts` (the cohorts and courses a person belongs to); older people belong to none.
    rx: { version: 1, primaryKey: 'id', encrypted: ['nationalId'] },
  },
  /** The institution's staff as the server's accounts name them (read-only on the laptop). */
  staff: {
    schema: staffMemberSchema,
    replicated: true,
    rx: { version: 0, primaryKey: 'id' },
  },
  /** Institutions, departments, cohorts, courses, partners, agreements, sites (read-only on the laptop). */
  organisation: {
    schema: orgUnitSchema,
    replicated: true,
    // v1: municipalities (their centres give the placement distribution's travel distance).
    rx: { version: 1, primaryKey: 'id', indexes: ['kind', 'parentId'] },
  },
  /** Education offers (utdanningstilbud) with their admission set-up, kept by case officers. */
  offers: {
    schema: educationOfferSchema,
    replicated: true,
    // v1: an admission may name its ranking criteria (admission.ranking).
    rx: { version: 1, primaryKey: 'id', indexes: ['partnerId'] },
  },
  /** Placement activities with their students and the distribution being worked on, kept by placement administrators. */
  activities: {
    schema: placementActivitySchema,
    replicated: true,
    rx: { version: 0, primaryKey: 'id' },
  },
  conflicts: {
    schema: conflictSchema,
    replicated: false,
    rx: { version: 0, primaryKey: 'id', indexes: ['detectedAt'] },
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

/** Schema version of a collection; part of every sync URL. */
export function schemaVersionOf(name: CollectionName): number {
  return collectionDefinitions[name].rx.version;
}
