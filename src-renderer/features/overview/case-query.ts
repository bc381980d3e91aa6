import type { MangoQuery, MangoQuerySelector } from 'rxdb';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { CaseType } from '../../../src-shared/domain/case/case-type';
import { addDays } from '../../ui/calendar';

export const deadlineWindows = ['all', 'overdue', 'next7', 'next30'] as const;
export type DeadlineWindow = (typeof deadlineWindows)[number];

/** The overview's filter; empty strings mean "any". */
export interface CaseFilter {
  search: string;
  type: CaseType | '';
  status: string;
  deadline: DeadlineWindow;
}

/** Overview order: earliest next deadline first (cases without one last), then id. */
export const listSort: MangoQuery<Case>['sort'] = [{ nextDeadline: 'asc' }, { id: 'asc' }];

/** Inclusive range of `nextDeadline` for a deadline window, or null for "all". */
export function deadlineRange(window: DeadlineWindow, today: string): { $gte?: string; $lt?: string; $lte?: string } | null {
  switch (window) {
    case 'all':
      return null;
    case 'overdue':
      return { $lt: today };
    case 'next7':
      return { $gte: today, $lte: addDays(today, 7) };
    case 'next30':
      return { $gte: today, $lte: addDays(today, 30) };
  }
}

/**
 * The selector for a filter, all but its search text. Equality on type and status and a range on
 * nextDeadline line up with the compound indexes ending in nextDeadline (collections.ts), so
 * these filters read only the page they show. Titles are encrypted at rest, so the search text is matched in memory
 * (./case-search-index.ts, ./case-matches.ts).
 */
export function caseSelector(filter: CaseFilter, today: string): MangoQuerySelector<Case> {
  const selector: MangoQuerySelector<Case> = {};
  if (filter.type) selector.type = filter.type;
  if (filter.status) selector.status = filter.status;
  const range = deadlineRange(filter.deadline, today);
  if (range) selector.nextDeadline = range;
  return selector;
}

/**
 * `caseSelector` as a predicate on a case's fields, for the in-memory search index: RxDB's generic
 * matcher took ~25 ms for 100,000 entries, and every count of the overview scans them all.
 */
export function caseMatcher(filter: CaseFilter, today: string): (entry: Pick<Case, 'type' | 'status' | 'nextDeadline'>) => boolean {
  const { $gte, $lt, $lte } = deadlineRange(filter.deadline, today) ?? {};
  return (entry) =>
    (!filter.type || entry.type === filter.type) &&
    (!filter.status || entry.status === filter.status) &&
    ($gte === undefined || entry.nextDeadline >= $gte) &&
    ($lt === undefined || entry.nextDeadline < $lt) &&
    ($lte === undefined || entry.nextDeadline <= $lte);
}

/** One page (or the first `limit` rows) of the overview list, for a filter without search text. */
export function caseListQuery(filter: CaseFilter, today: string, limit: number): MangoQuery<Case> {
  return { selector: caseSelector(filter, today), sort: listSort, limit };
}

/** A case's place in the list order: a later page starts after it. */
export type ListPosition = Pick<Case, 'nextDeadline' | 'id'>;

/**
 * `listSort` as a comparator, for lists kept in memory. Strings compare by UTF-16 code unit as
 * IndexedDB compares its keys, so the order is the indexed queries' order.
 */
export function compareListOrder(a: ListPosition, b: ListPosition): number {
  if (a.nextDeadline !== b.nextDeadline) return a.nextDeadline < b.nextDeadline ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The queries for the cases after `after` in list order (keyset paging, for reading the whole list
 * page by page): first those with the same next deadline and a later id, then those with a later
 * deadline. Each is an index range that starts right after `after`, so no page re-reads earlier ones
 * (not even in a long run of cases without a deadline), and cases changing in between do not shift
 * the pages.
 */
export function caseListQueriesAfter(filter: CaseFilter, today: string, limit: number, after: ListPosition): [MangoQuery<Case>, MangoQuery<Case>] {
  const selector = caseSelector(filter, today);
  // `after` matched the filter, so a later deadline is inside the window's lower bound already.
  const { $lt, $lte } = deadlineRange(filter.deadline, today) ?? {};
  const later = { $gt: after.nextDeadline, ...($lt ? { $lt } : {}), ...($lte ? { $lte } : {}) };
  return [
    { selector: { ...selector, nextDeadline: after.nextDeadline, id: { $gt: after.id } }, sort: listSort, limit },
    { selector: { ...selector, nextDeadline: later }, sort: listSort, limit },
  ];
}

/** A stable key for a filter on a given day: list state resets when it changes. */
export function caseFilterKey(filter: CaseFilter, today: string): string {
  return JSON.stringify([filter.search.trim(), filter.type, filter.status, filter.deadline, today]);
}
