import type { RxCollection, RxStorageChangeEvent } from 'rxdb';
import { auditTime, BehaviorSubject, concat, defer, distinctUntilChanged, from, map, of, Subject, type Observable } from 'rxjs';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { caseTypes } from '../../../src-shared/domain/case/case-type';
import { jsonEqual } from '../../../src-shared/sync/json-value';
import { caseMatcher, type CaseFilter } from './case-query';
import { listPages } from './list-pages';
import { ListOrder } from './list-order';

/** What the overview shows of a case in its list. */
export type CaseSummary = Pick<Case, 'id' | 'caseNumber' | 'title' | 'type' | 'status' | 'nextDeadline'>;

/** A case in the index: its summary, and the searched text (case number and title) in lower case. */
type Entry = CaseSummary & { text: string };

/** Cases read per step of the first read: small enough that the overview's own queries get their turn. */
const LOAD_PAGE = 500;
/** The first read goes through every case in list order (listPages: each page one index range). */
const EVERY_CASE: CaseFilter = { search: '', type: '', status: '', deadline: 'all' };
/** A burst of changes (a sync batch) recomputes a live search or count once. */
const RECOMPUTE_MS = 200;

const entryOf = (doc: Case): Entry => ({
  id: doc.id,
  caseNumber: doc.caseNumber,
  title: doc.title,
  type: doc.type,
  status: doc.status,
  nextDeadline: doc.nextDeadline,
  text: `${doc.caseNumber}\n${doc.title}`.toLowerCase(),
});

/**
 * The overview's free-text search (case number and title). Titles are encrypted at rest, so no
 * query can look into them: this index holds, in memory only, each case's summary (what a row of
 * the list shows) and its lower-cased title. It is read from the replica once after it opens
 * (decrypted page by page) and kept current from the collection's changes, also those of other
 * windows. A search is a scan of the index, narrowed by the same selector the indexed queries use.
 *
 * The overview's counts are answered here too. IndexedDB counts by walking every record in the
 * range, each count one task of its backend that nothing interrupts: the overview's seven counts
 * walked 300,000 records for 100,000 cases (seconds), and the next start of the app (a reload,
 * the lock) waited for them before its replica even opened.
 *
 * Once it has read every case, the list's rows come from here too: choosing a filter then asks
 * IndexedDB nothing (an indexed query of one page took 20–40 ms of a filter change at 100,000 cases,
 * waiting for the IndexedDB backend's cursor).
 */
export class CaseSearchIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly changes = new Subject<void>();
  /** Cases changed while the first read ran: their change is newer than what that read saw. */
  private changedWhileLoading: Set<string> | null = new Set();
  /** Cases the first read has taken in so far; completes when it is done. */
  private readonly read = new BehaviorSubject<number>(0);
  /** Cases per type and status, as of the last change (null: to be taken again). */
  private tally: Map<string, Map<string, number>> | null = null;
  /** The entries in list order: a page of the list is the first matches found walking it. */
  private readonly order = new ListOrder<Entry>((id) => this.entries.get(id));
  readonly ready: Promise<void>;

  constructor(private readonly cases: RxCollection<Case>) {
    // The bulks, not `cases.$`: RxDB keeps every bulk that passes through `$` in a cache it never
    // empties, so a first sync of 100,000 cases stayed in memory whole.
    const subscription = cases.eventBulks$.subscribe((bulk) => this.apply(bulk.events as RxStorageChangeEvent<Case>[]));
    cases.onClose.push(() => subscription.unsubscribe());
    this.ready = this.load();
  }

  /** Whether the first read is done: from then on every answer is complete, and given at once. */
  get loaded(): boolean {
    return this.changedWhileLoading === null;
  }

  /** Ids of the cases the filter matches, in list order. */
  matching(filter: CaseFilter, today: string): string[] {
    return this.first(filter, today, Infinity).map((entry) => entry.id);
  }

  /** `matching`, live: again after changes to the cases (once per burst), when the answer differs. */
  matching$(filter: CaseFilter, today: string): Observable<string[]> {
    return this.live(() => this.matching(filter, today), jsonEqual);
  }

  /** The first `limit` cases the filter matches, in list order: a type's first page is a few hundred entries walked. */
  first(filter: CaseFilter, today: string, limit: number): CaseSummary[] {
    const matches = this.matcher(filter, today);
    const found: Entry[] = [];
    for (const entry of this.order.items()) {
      if (found.length === limit) break;
      if (matches(entry)) found.push(entry);
    }
    return found;
  }

  /** `first`, live: again after changes to the cases (once per burst), when a row differs. */
  first$(filter: CaseFilter, today: string, limit: number): Observable<CaseSummary[]> {
    return this.live(() => this.first(filter, today, limit), sameItems);
  }

  /** How many cases the filter matches, live. */
  count$(filter: CaseFilter, today: string): Observable<number> {
    return this.live(() => this.count(filter, today));
  }

  /** How many cases the first read has taken in so far (the counts' progress); completes once they are known. */
  firstRead$(): Observable<number> {
    return this.read.asObservable();
  }

  /** How many cases there are, live. */
  total$(): Observable<number> {
    return this.live(() => this.entries.size);
  }

  /** Cases per case type, in the order of `caseTypes`, live. */
  typeCounts$(): Observable<number[]> {
    return this.live(() => caseTypes.map((type) => this.count({ ...EVERY_CASE, type }, '')), jsonEqual);
  }

  /**
   * A filter on type and status alone (the common choice) is answered from the counts per type and
   * status, taken once after each change: a scan of 100,000 entries on every choice held the list's rows back.
   */
  private count(filter: CaseFilter, today: string): number {
    if (filter.search.trim() || filter.deadline !== 'all') return this.select(filter, today).length;
    let sum = 0;
    for (const [type, statuses] of this.perTypeAndStatus()) {
      if (filter.type && type !== filter.type) continue;
      for (const [status, count] of statuses) if (!filter.status || status === filter.status) sum += count;
    }
    return sum;
  }

  private perTypeAndStatus(): Map<string, Map<string, number>> {
    if (this.tally) return this.tally;
    const tally = new Map<string, Map<string, number>>();
    for (const { type, status } of this.entries.values()) {
      const statuses = tally.get(type) ?? tally.set(type, new Map()).get(type)!;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    return (this.tally = tally);
  }

  /** The entries the filter matches, unordered. */
  private select(filter: CaseFilter, today: string): Entry[] {
    const matches = this.matcher(filter, today);
    const found: Entry[] = [];
    for (const entry of this.entries.values()) if (matches(entry)) found.push(entry);
    return found;
  }

  /** Whether an entry matches the filter, its search text included. */
  private matcher(filter: CaseFilter, today: string): (entry: Entry) => boolean {
    const needle = filter.search.trim().toLowerCase();
    const matches = caseMatcher(filter, today);
    return needle ? (entry) => entry.text.includes(needle) && matches(entry) : matches;
  }

  /**
   * `compute` once the first read is done (at once when it is), and again after changes (once per
   * burst) when its answer differs.
   */
  private live<T>(compute: () => T, equal?: (a: T, b: T) => boolean): Observable<T> {
    return concat(this.loaded ? of(undefined) : from(this.ready), this.changes.pipe(auditTime(RECOMPUTE_MS))).pipe(map(compute), distinctUntilChanged(equal));
  }

  private apply(events: RxStorageChangeEvent<Case>[]): void {
    for (const event of events) {
      this.changedWhileLoading?.add(event.documentId);
      if (event.operation === 'DELETE') this.entries.delete(event.documentId);
      else this.entries.set(event.documentId, entryOf(event.documentData));
      this.order.touch(event.documentId);
    }
    this.tally = null;
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
      for (const doc of page) {
        if (this.changedWhileLoading?.has(doc.id)) continue;
        this.entries.set(doc.id, entryOf(doc));
        this.order.touch(doc.id);
      }
      this.read.next(this.entries.size);
    }
    this.changedWhileLoading = null;
    // Put in list order now, in the first read's time, rather than when the user first picks a filter.
    this.order.items();
    this.read.complete();
  }
}

/** Whether two answers hold the same entries in the same order (a changed case is a new entry). */
const sameItems = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((item, i) => item === b[i]);

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

/** The search index of a replica's cases if it has been started, without starting it. */
export function startedSearchIndex(cases: RxCollection<Case>): CaseSearchIndex | undefined {
  return indexes.get(cases);
}

/** What `read` gives of the search index, which is started only once this is subscribed to. */
export function fromSearchIndex<T>(cases: RxCollection<Case>, read: (index: CaseSearchIndex) => Observable<T>): Observable<T> {
  return defer(() => read(caseSearchIndex(cases)));
}
