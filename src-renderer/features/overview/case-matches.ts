import type { RxCollection, RxDocument } from 'rxdb';
import { map, switchMap, type Observable } from 'rxjs';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { caseListQuery, caseSelector, type CaseFilter } from './case-query';
import { caseSearchIndex, fromSearchIndex } from './case-search-index';

/**
 * The cases a filter shows, live, answered two ways: without search text by indexed queries on the
 * replica; with search text by the in-memory search index (titles are encrypted at rest), whose
 * ids are then read from the replica by primary key. How many match: always by the search index
 * (see there why not by IndexedDB).
 */
const searchIdsOf = (cases: RxCollection<Case>, filter: CaseFilter, today: string): Observable<string[]> | null =>
  filter.search.trim() ? caseSearchIndex(cases).matching$(filter, today) : null;

/** The documents of `ids`, in that order. */
export function casesByIds$(cases: RxCollection<Case>, ids: string[]): Observable<RxDocument<Case>[]> {
  return cases.findByIds(ids).$.pipe(map((found) => ids.flatMap((id) => found.get(id) ?? [])));
}

/** How many cases match the filter. */
export function matchCount$(cases: RxCollection<Case>, filter: CaseFilter, today: string): Observable<number> {
  return fromSearchIndex(cases, (index) => index.count$(filter, today));
}

/** The first `limit` matching cases in list order. */
export function matchRows$(cases: RxCollection<Case>, filter: CaseFilter, today: string, limit: number): Observable<RxDocument<Case>[]> {
  const ids$ = searchIdsOf(cases, filter, today);
  return ids$?.pipe(switchMap((ids) => casesByIds$(cases, ids.slice(0, limit)))) ?? cases.find(caseListQuery(filter, today, limit)).$;
}

/** Which of `ids` match the filter. */
export function matchingAmong$(cases: RxCollection<Case>, filter: CaseFilter, today: string, ids: string[]): Observable<Set<string>> {
  const among = new Set(ids);
  const ids$ = searchIdsOf(cases, filter, today);
  if (ids$) return ids$.pipe(map((matching) => new Set(matching.filter((id) => among.has(id)))));
  return cases.find({ selector: { ...caseSelector(filter, today), id: { $in: ids } } }).$.pipe(map((docs) => new Set(docs.map((doc) => doc.id))));
}
