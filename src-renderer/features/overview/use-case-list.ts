import { useMemo } from 'react';
import { auditTime, endWith } from 'rxjs';
import { useDatabase } from '../../app/providers';
import { useObservable } from '../../db/use-observable';
import { matchCount$, matchRows$ } from './case-matches';
import { fromSearchIndex } from './case-search-index';
import { afterFirstRows } from './first-rows';
import type { CaseFilter } from './case-query';

const PROGRESS_MS = 500;

/** How many cases match the filter, and how many there are in all (live), once the list has its first rows. */
export function useCaseCounts(filter: CaseFilter, today: string) {
  const db = useDatabase();
  const matches$ = useMemo(() => afterFirstRows(matchCount$(db.cases, filter, today)), [db, filter, today]);
  const total$ = useMemo(() => afterFirstRows(fromSearchIndex(db.cases, (index) => index.total$())), [db]);
  return { matches: useObservable(matches$), total: useObservable(total$) };
}

/** How many cases the search index has read while the counts are not known yet (0 before its first page; undefined once they are known). */
export function useCountingProgress(): number | undefined {
  const db = useDatabase();
  // A figure every half second: the index reads a page of cases in a few tens of milliseconds.
  const read$ = useMemo(() => afterFirstRows(fromSearchIndex(db.cases, (index) => index.firstRead$().pipe(auditTime(PROGRESS_MS), endWith(undefined)))), [db]);
  return useObservable(read$);
}

/**
 * Live overview rows: the first `limit` matching cases, from the search index once it has read every
 * case, before that by an indexed, sorted and limited query (matchRows$). Either reads about one
 * page, however many cases the replica holds.
 */
export function useCaseList(filter: CaseFilter, today: string, limit: number) {
  const db = useDatabase();
  const rows$ = useMemo(() => matchRows$(db.cases, filter, today, limit), [db, filter, today, limit]);
  return { rows: useObservable(rows$), ...useCaseCounts(filter, today) };
}
