import { canSeeCase, seesPeopleRegister, type Actor } from '../../src-shared/domain/access';
import type { Case } from '../../src-shared/domain/case/case.schema';
import type { Sql } from '../db/database';
import type { FeedRow } from './change-feed';
import type { VisibilityRule } from './sync-collections';

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
  deleted: boolean;
  /** Earlier scopes of the case (oldest first). */
  history: CaseScope[];
}

/**
 * Answers "may this actor see this row now?" and "could this actor have seen it at some point?"
 * (then the actor's devices may hold a copy that must be purged). Case lookups are cached for the
 * life of the context (one request or one stream run).
 */
export class VisibilityContext {
  private readonly cases = new Map<string, CaseEntry | null>();
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
    );
    for (const id of missing) this.cases.set(id, null);
    for (const row of rows) this.cases.set(row.id, caseEntryOf(row));
  }

  /** Loads what evaluating these rows needs, with one query per batch. */
  async prefetch(rule: VisibilityRule, rows: FeedRow[]): Promise<void> {
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

  async canSee(rule: VisibilityRule, row: FeedRow): Promise<boolean> {
    switch (rule) {
      case 'open':
        return true;
      case 'case':
        // A deleted case is still sent (as a tombstone) to those who could see its last state.
        return canSeeCase(this.actor, this.rememberCase(row).current);
      case 'case-child':
        return row.case_id !== null && this.seesCase(await this.caseEntry(row.case_id));
      case 'person':
        return this.inRegister(row) || this.seesPerson(row.id);
      case 'staff':
        return this.inRegister(row);
    }
  }

  async couldHaveSeen(rule: VisibilityRule, row: FeedRow): Promise<boolean> {
    switch (rule) {
      case 'open':
        return true;
      case 'case':
        return this.sawCase(this.rememberCase(row));
      case 'case-child':
        return row.case_id !== null && this.sawCase(await this.caseEntry(row.case_id));
      case 'person':
        return this.inRegister(row) || this.sawPerson(row.id);
      case 'staff':
        return this.inRegister(row);
    }
  }

  /** The current state of a case that exists and is not deleted, or null. */
  async liveCase(id: string): Promise<CaseScope | null> {
    const entry = await this.caseEntry(id);
    return entry && !entry.deleted ? entry.current : null;
  }

  /** A person or staff row of the institution whose register (and staff directory) the actor sees. */
  private inRegister(row: Pick<FeedRow, 'doc'>): boolean {
    return seesPeopleRegister(this.actor, institutionOf(row));
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
    return entry;
  }

  private async caseEntry(id: string): Promise<CaseEntry | null> {
    if (!this.cases.has(id)) await this.prefetchCases([id]);
    return this.cases.get(id) ?? null;
  }

  private async seesPerson(personId: string): Promise<boolean> {
    await this.prefetchPeople([personId]);
    return this.casesAbout.get(personId)!.some((entry) => this.seesCase(entry));
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

function caseEntryOf(row: Pick<FeedRow, 'doc' | 'deleted' | 'scope_history'>): CaseEntry {
  return { current: caseScopeOf(JSON.parse(row.doc) as Case), deleted: row.deleted, history: JSON.parse(row.scope_history) as CaseScope[] };
}

/** Ids of all cases the actor may see now (for progress totals). */
export async function visibleCaseIds(sql: Sql, actor: Actor): Promise<string[]> {
  const rows = await sql.query<{ id: string; doc: string }>(`SELECT id, doc FROM sync_documents WHERE collection = 'cases' AND NOT deleted`);
  return rows.filter((row) => canSeeCase(actor, JSON.parse(row.doc) as CaseScope)).map((row) => row.id);
}
