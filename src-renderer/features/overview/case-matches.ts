import type { RxCollection } from 'rxdb';
import { map, type Observable } from 'rxjs';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { caseListQuery, caseSelector, type CaseFilter } from './case-query';
import { caseSearchIndex, fromSearchIndex, startedSearchIndex, type CaseSummary } from './case-search-index';

/**
 * The cases a filter shows, live. From the in-memory search index when the filter has search text
 * (titles are encrypted at rest), and whenever the index has read every case; until then, without
 * search text, by indexed queries on the replica, so that the list's first rows do not wait for
 * that read. How many match: always by the search index (see there why not by IndexedDB).
 */
const searchIdsOf = (cases: RxCollection<Case>, filter: CaseFilter, today: string): Observable<string[]> | null =>
  filter.search.trim() ? caseSearchIndex(cases).matching$(filter, today) : null;

/** How many cases match the filter. */
export function matchCount$(cases: RxCollection<Case>, filter: CaseFilter, today: string): Observable<number> {
  return fromSearchIndex(cases, (index) => index.count$(filter, today));
}

/**
 * The first `limit` matching cases in list order. Which source answers is settled when this is
 * called: a list opened before the index was read keeps its query until its filter changes.
 */
export function matchRows$(cases: RxCollection<Case>, filter: CaseFilter, today: string, limit: number): Observable<CaseSummary[]> {
  const searching = filter.search.trim() !== '';
  const index = searching ? caseSearchIndex(cases) : startedSearchIndex(cases);
  if (index && (searching || index.loaded)) return index.first$(filter, today, limit);
  return cases.find(caseListQuery(filter, today, limit)).$;
}

/** Which of `ids` match the filter. */
export function matchingAmong$(cases: RxCollection<Case>, filter: CaseFilter, today: string, ids: string[]): Observable<Set<string>> {
  const among = new Set(ids);
  const ids$ = searchIdsOf(cases, filter, today);
  if (ids$) return ids$.pipe(map((matching) => new Set(matching.filter((id) => among.has(id)))));
  return cases.find({ selector: { ...caseSelector(filter, today), id: { $in: ids } } }).$.pipe(map((docs) => new Set(docs.map((doc) => doc.id))));
}
