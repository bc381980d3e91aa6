import { createHash } from 'node:crypto';
import { canSeeCase, seesPeopleRegister, type Actor } from '../../src-shared/domain/access';
import { mayReadActivity, type ActivityScope } from '../../src-shared/domain/access/activity-access';
import { mayReadOffer, type OfferScope } from '../../src-shared/domain/access/offer-access';
import { mayReadRecord, projectCase, restoreWithheld } from '../../src-shared/domain/access/read-projection';
import type { RecordCollection } from '../../src-shared/domain/access/record-write';
import { projectPerson, readsNationalIdThroughCases, registerIncludes, restoreNationalId } from '../../src-shared/domain/access/read-projection-people';
import type { Case } from '../../src-shared/domain/case/case.schema';
import type { Person } from '../../src-shared/domain/person/person.schema';
import type { JsonRecord } from '../../src-shared/sync/json-value';
import type { SyncDocument } from '../../src-shared/sync/sync-document.schema';
import type { Sql } from '../db/database';
import { accessFingerprint, wireJson, type FeedRow } from './change-feed';
import type { SyncCollection, VisibilityRule } from './sync-collections';

/**
 * Version of the read rules (need to know: src-shared/domain/access/access-table.ts). Part of every
 * checkpoint: when the rules change, every client reconciles what it holds and pulls again, so it
 * drops what it may no longer keep and receives the new projections. Raise it with the rules.
 */
const READ_RULES_VERSION = 'need-to-know-1';

/** The fingerprint checkpoints carry: the user's access (roles, scope) and the read rules' version. */
export function readFingerprint(actor: Actor): string {
  return createHash('sha256')
    .update(`${accessFingerprint(actor)}:${READ_RULES_VERSION}`)
    .digest('hex')
    .slice(0, 8);
}

/**
 * The collection a row belongs to. A bare rule says too little for case records (a note, a task
 * and a document are read under different parts): such a row is then readable only when every
 * kind of record of its case is (fail closed).
 */
export type CollectionRef = Pick<SyncCollection, 'name' | 'visibility'> | VisibilityRule;

type StoredRow = Pick<FeedRow, 'id' | 'doc' | 'deleted' | 'case_id' | 'scope_history'>;

const recordCollections: readonly RecordCollection[] = ['notes', 'documents', 'tasks'];
const ruleOf = (collection: CollectionRef): VisibilityRule => (typeof collection === 'string' ? collection : collection.visibility);
const recordCollectionOf = (collection: CollectionRef): RecordCollection | undefined =>
  typeof collection === 'string' ? undefined : recordCollections.find((name) => name === collection.name);

/** The fields of a case the access rules read; a change to any of them can change who sees it. */
export type CaseScope = Pick<Case, 'type' | 'status' | 'institution' | 'department' | 'cohort' | 'subjectPersonId' | 'assignees' | 'createdBy'>;

export function caseScopeOf(doc: Case | CaseScope): CaseScope {
  return {
    type: doc.type,
    status: doc.status,
    institution: doc.institution,
    department: doc.department,
    cohort: doc.cohort,
    subjectPersonId: doc.subjectPersonId,
    assignees: doc.assignees,
    createdBy: doc.createdBy,
  };
}

interface CaseEntry {
  current: CaseScope;
  doc: Case;
  deleted: boolean;
  /** Earlier scopes of the case (oldest first). */
  history: CaseScope[];
}

/**
 * Answers "may this actor see this row now?", "could this actor have seen it at some point?"
 * (then the actor's devices may hold a copy that must be purged) and "what of it may the actor
 * receive?" (the projection: need to know). Case lookups are cached for the life of the context
 * (one request or one stream run).
 */
export class VisibilityContext {
  private readonly cases = new Map<string, CaseEntry | null>();
  /** Rows of the feed already parsed, so projecting them does not parse them again. */
  private readonly parsedCases = new WeakMap<object, Case>();
  /** Current (not deleted) cases about each person. */
  private readonly casesAbout = new Map<string, CaseEntry[]>();

  constructor(
    private readonly sql: Sql,
    readonly actor: Actor,
  ) {}

  /** Loads the given cases (e.g. the parents of a batch of notes) with one query. */
  async prefetchCases(ids: Iterable<string>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.cases.has(id));
    if (!missing.length) return;
    const rows = await this.sql.query<Pick<FeedRow, 'id' | 'doc' | 'deleted' | 'scope_history'>>(
      `SELECT id, doc, deleted, scope_history FROM sync_documents WHERE collection = 'cases' AND id = ANY($1)`,
      [missing],
      { prepare: 'visibility-cases' },
    );
    for (const id of missing) this.cases.set(id, null);
    for (const row of rows) this.cases.set(row.id, caseEntryOf(row));
  }

  /** Loads what evaluating these rows needs, with one query per batch. */
  async prefetch(collection: CollectionRef, rows: StoredRow[]): Promise<void> {
    const rule = ruleOf(collection);
    if (rule === 'case-child') await this.prefetchCases(rows.flatMap((row) => (row.case_id ? [row.case_id] : [])));
    // People in the actor's register are visible without looking at their cases.
    if (rule === 'person') await this.prefetchPeople(rows.filter((row) => !this.inRegister(row)).map((row) => row.id));
  }

  private async prefetchPeople(ids: string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.casesAbout.has(id));
    if (!missing.length) return;
    const rows = await this.sql.query<Pick<FeedRow, 'id' | 'doc' | 'deleted' | 'scope_history' | 'subject_person_id'>>(
      `SELECT id, doc, deleted, scope_history, subject_person_id FROM sync_documents
        WHERE collection = 'cases' AND subject_person_id = ANY($1) AND NOT deleted`,
      [missing],
    );
    for (const id of missing) this.casesAbout.set(id, []);
    for (const row of rows) this.casesAbout.get(row.subject_person_id!)!.push(this.rememberCase(row));
  }

  async canSee(collection: CollectionRef, row: StoredRow): Promise<boolean> {
    switch (ruleOf(collection)) {
      case 'open':
        return true;
      case 'case':
        // A deleted case is still sent (as a tombstone) to those who could see its last state.
        return canSeeCase(this.actor, this.rememberCase(row).current);
      case 'case-child': {
        const entry = row.case_id === null ? null : await this.caseEntry(row.case_id);
        return this.seesCase(entry) && this.readsRecord(collection, entry!.current, JSON.parse(row.doc) as JsonRecord);
      }
      case 'person':
        return this.inRegister(row) || this.seesPerson(row.id);
      case 'directory':
        return this.inStaffDirectory(row);
      case 'offer':
        return mayReadOffer(this.actor, JSON.parse(row.doc) as OfferScope);
      case 'activity':
        return mayReadActivity(this.actor, JSON.parse(row.doc) as ActivityScope);
    }
  }

  async couldHaveSeen(collection: CollectionRef, row: StoredRow): Promise<boolean> {
    switch (ruleOf(collection)) {
      case 'open':
        return true;
      case 'case':
        return this.sawCase(this.rememberCase(row));
      case 'case-child': {
        const entry = row.case_id === null ? null : await this.caseEntry(row.case_id);
        const record = JSON.parse(row.doc) as JsonRecord;
        return (
          entry !== null && [entry.current, ...entry.history].some((scope) => canSeeCase(this.actor, scope) && this.readsRecord(collection, scope, record))
        );
      }
      case 'person':
        // People have no history of their cohorts: any of the institution's staff may hold a copy
        // from when the person was in their part of the register (or from before need to know).
        return this.inStaffDirectory(row) || this.sawPerson(row.id);
      case 'directory':
        return this.inStaffDirectory(row);
      case 'offer':
        // Who reads an offer follows its institution and partner, which never change.
        return mayReadOffer(this.actor, JSON.parse(row.doc) as OfferScope);
      case 'activity':
        // Likewise its institution and department.
        return mayReadActivity(this.actor, JSON.parse(row.doc) as ActivityScope);
    }
  }

  /** The row as the actor may receive it (wire JSON); only for a row `canSee` allows. */
  async wire(collection: CollectionRef, row: StoredRow): Promise<string> {
    switch (ruleOf(collection)) {
      case 'case': {
        // canSee has just parsed this very row.
        const doc = this.parsedCases.get(row) ?? (JSON.parse(row.doc) as Case);
        const projected = projectCase(this.actor, doc);
        return projected === doc ? wireJson(row) : JSON.stringify({ ...projected, _deleted: row.deleted });
      }
      case 'person': {
        const doc = personOf(row);
        let projected = projectPerson(this.actor, doc, []);
        // Only when the register does not give the national ID may a case about the person.
        if (projected !== doc && readsNationalIdThroughCases(this.actor)) projected = projectPerson(this.actor, doc, await this.currentCasesAbout(row.id));
        return projected === doc ? wireJson(row) : JSON.stringify({ ...projected, _deleted: row.deleted });
      }
      default:
        return wireJson(row);
    }
  }

  /**
   * A pushed state with what the actor was not given of the stored row put back (the push of an
   * actor that holds a projection): see restoreWithheld and restoreNationalId.
   */
  async restore(collection: CollectionRef, row: StoredRow, pushed: JsonRecord): Promise<JsonRecord> {
    switch (ruleOf(collection)) {
      case 'case':
        return restoreWithheld(this.actor, JSON.parse(row.doc) as Case, pushed as unknown as Case) as unknown as JsonRecord;
      case 'person': {
        const stored = personOf(row);
        const casesAbout = readsNationalIdThroughCases(this.actor) ? await this.currentCasesAbout(row.id) : [];
        return restoreNationalId(this.actor, stored, pushed as unknown as Person, casesAbout) as unknown as JsonRecord;
      }
      default:
        return pushed;
    }
  }

  /** The current state of a case that exists and is not deleted, or null. */
  async liveCase(id: string): Promise<CaseScope | null> {
    const entry = await this.caseEntry(id);
    return entry && !entry.deleted ? entry.current : null;
  }

  /** A person in the part of the institution's register the actor receives (registerTable). */
  private inRegister(row: Pick<FeedRow, 'doc'>): boolean {
    return registerIncludes(this.actor, personOf(row));
  }

  /** A staff row (or person) of the institution whose staff directory the actor sees: its own staff. */
  private inStaffDirectory(row: Pick<FeedRow, 'doc'>): boolean {
    return seesPeopleRegister(this.actor, institutionOf(row));
  }

  /** Whether the actor reads this note, document or task of a case in the state `scope`. */
  private readsRecord(collection: CollectionRef, scope: CaseScope, record: JsonRecord): boolean {
    const name = recordCollectionOf(collection);
    return name
      ? mayReadRecord(this.actor, scope, name, record)
      : recordCollections.every((kind) => mayReadRecord(this.actor, scope, kind, { ...record, visibility: 'internal' }));
  }

  private seesCase(entry: CaseEntry | null): boolean {
    return entry !== null && !entry.deleted && canSeeCase(this.actor, entry.current);
  }

  private sawCase(entry: CaseEntry | null): boolean {
    return entry !== null && (canSeeCase(this.actor, entry.current) || entry.history.some((scope) => canSeeCase(this.actor, scope)));
  }

  private rememberCase(row: Pick<FeedRow, 'id' | 'doc' | 'deleted' | 'scope_history'>): CaseEntry {
    const entry = caseEntryOf(row);
    this.cases.set(row.id, entry);
    this.parsedCases.set(row, entry.doc);
    return entry;
  }

  private async caseEntry(id: string): Promise<CaseEntry | null> {
    if (!this.cases.has(id)) await this.prefetchCases([id]);
    return this.cases.get(id) ?? null;
  }

  private async seesPerson(personId: string): Promise<boolean> {
    return (await this.currentCasesAbout(personId)).some((scope) => canSeeCase(this.actor, scope));
  }

  /** The current (not deleted) cases about a person. */
  private async currentCasesAbout(personId: string): Promise<CaseScope[]> {
    await this.prefetchPeople([personId]);
    return this.casesAbout.get(personId)!.map((entry) => entry.current);
  }

  private async sawPerson(personId: string): Promise<boolean> {
    const rows = await this.sql.query<Pick<FeedRow, 'id' | 'doc' | 'deleted' | 'scope_history'>>(
      `SELECT id, doc, deleted, scope_history FROM sync_documents
        WHERE collection = 'cases' AND (subject_person_id = $1 OR strpos(scope_history, $2) > 0)`,
      [personId, JSON.stringify(personId)],
    );
    return rows.some((row) => {
      const entry = this.rememberCase(row);
      return [entry.current, ...entry.history].some((scope) => scope.subjectPersonId === personId && canSeeCase(this.actor, scope));
    });
  }
}

/** The institution a person or staff row belongs to ('' when the row has none). */
function institutionOf(row: Pick<FeedRow, 'doc'>): string {
  const institution = (JSON.parse(row.doc) as { institution?: unknown }).institution;
  return typeof institution === 'string' ? institution : '';
}

/** A stored person (one stored before people had cohorts belongs to none). */
function personOf(row: Pick<FeedRow, 'doc'>): Person {
  const person = JSON.parse(row.doc) as Person;
  return Array.isArray(person.cohorts) ? person : { ...person, cohorts: [] };
}

function caseEntryOf(row: Pick<FeedRow, 'doc' | 'deleted' | 'scope_history'>): CaseEntry {
  const doc = JSON.parse(row.doc) as Case;
  return { current: caseScopeOf(doc), doc, deleted: row.deleted, history: JSON.parse(row.scope_history) as CaseScope[] };
}

/**
 * A stored document as the actor may receive it, or null when it may not see it at all: for push
 * answers (the stored state returned as a conflict or with a rejection), so they carry no more
 * than a pull would.
 */
export async function projectForActor(collection: CollectionRef, row: StoredRow, visibility: VisibilityContext): Promise<SyncDocument | null> {
  return (await visibility.canSee(collection, row)) ? (JSON.parse(await visibility.wire(collection, row)) as SyncDocument) : null;
}
