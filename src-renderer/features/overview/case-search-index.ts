import { getQueryMatcher, getSortComparator, type FilledMangoQuery, type RxCollection, type RxStorageChangeEvent } from 'rxdb';
import { auditTime, concat, distinctUntilChanged, from, map, Subject, type Observable } from 'rxjs';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { caseSelector, listSort, type CaseFilter } from './case-query';
import { listPages } from './list-pages';

/** What the search needs of a case: the fields the filter narrows by, and the searched text in lower case. */
type Entry = Pick<Case, 'id' | 'type' | 'status' | 'nextDeadline'> & { text: string };

/** Cases read per step of the first read: small enough that the overview's own queries get their turn. */
const LOAD_PAGE = 500;
/** The first read goes through every case in list order (listPages: each page one index range). */
const EVERY_CASE: CaseFilter = { search: '', type: '', status: '', deadline: 'all' };
/** A burst of changes (a sync batch) recomputes a live search once. */
const RECOMPUTE_MS = 200;

const entryOf = (doc: Case): Entry => ({
  id: doc.id,
  type: doc.type,
  status: doc.status,
  nextDeadline: doc.nextDeadline,
  text: `${doc.caseNumber}\n${doc.title}`.toLowerCase(),
});

/**
 * The overview's free-text search (case number and title). Titles are encrypted at rest, so no
 * query can look into them: this index holds, in memory only, each case's lower-cased title with
 * the fields the filter uses. It is read from the replica once after it opens (decrypted page by
 * page) and kept current from the collection's changes, also those of other windows. A search
 * is a scan of the index, narrowed by the same selector the indexed queries use.
 */
export class CaseSearchIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly changes = new Subject<void>();
  /** Cases changed while the first read ran: their change is newer than what that read saw. */
  private changedWhileLoading: Set<string> | null = new Set();
  readonly ready: Promise<void>;

  constructor(private readonly cases: RxCollection<Case>) {
    // The bulks, not `cases.$`: RxDB keeps every bulk that passes through `$` in a cache it never
    // empties, so a first sync of 100,000 cases stayed in memory whole.
    const subscription = cases.eventBulks$.subscribe((bulk) => this.apply(bulk.events as RxStorageChangeEvent<Case>[]));
    cases.onClose.push(() => subscription.unsubscribe());
    this.ready = this.load();
  }

  /** Ids of the cases the filter matches, in list order. */
  matching(filter: CaseFilter, today: string): string[] {
    const needle = filter.search.trim().toLowerCase();
    // RxDB's own matcher and order, on entries that carry every field the selector and the sort name.
    const selector = caseSelector(filter, today);
    const query = { selector, sort: listSort } as FilledMangoQuery<Case>;
    const schema = this.cases.schema.jsonSchema;
    const matches = Object.keys(selector).length ? (getQueryMatcher(schema, query) as unknown as (entry: Entry) => boolean) : () => true;
    const order = getSortComparator(schema, query) as unknown as (a: Entry, b: Entry) => number;
    const found: Entry[] = [];
    for (const entry of this.entries.values()) if (entry.text.includes(needle) && matches(entry)) found.push(entry);
    return found.sort(order).map((entry) => entry.id);
  }

  /** `matching`, live: again after changes to the cases (once per burst), when the answer differs. */
  matching$(filter: CaseFilter, today: string): Observable<string[]> {
    return concat(from(this.ready), this.changes.pipe(auditTime(RECOMPUTE_MS))).pipe(
      map(() => this.matching(filter, today)),
      distinctUntilChanged((a, b) => a.length === b.length && a.every((id, index) => id === b[index])),
    );
  }

  private apply(events: RxStorageChangeEvent<Case>[]): void {
    for (const event of events) {
      this.changedWhileLoading?.add(event.documentId);
      if (event.operation === 'DELETE') this.entries.delete(event.documentId);
      else this.entries.set(event.documentId, entryOf(event.documentData));
    }
    this.changes.next();
  }

  /**
   * Reads every case once, page by page in list order (listPages), each page one index range.
   * (Type by type in id order, as it read before, no index serves: every page read all cases of its
   * type, 240,000 records for 26 pages of one type when the overview opened during a first sync of
   * 30,000 cases.)
   */
  private async load(): Promise<void> {
    for await (const page of listPages(this.cases, EVERY_CASE, '', LOAD_PAGE)) {
      for (const doc of page) if (!this.changedWhileLoading?.has(doc.id)) this.entries.set(doc.id, entryOf(doc));
    }
    this.changedWhileLoading = null;
  }
}

const indexes = new WeakMap<RxCollection<Case>, CaseSearchIndex>();

/** The search index of a replica's cases, started on first use (the overview starts it when it opens). */
export function caseSearchIndex(cases: RxCollection<Case>): CaseSearchIndex {
  let index = indexes.get(cases);
  if (!index) {
    index = new CaseSearchIndex(cases);
    indexes.set(cases, index);
  }
  return index;
}
