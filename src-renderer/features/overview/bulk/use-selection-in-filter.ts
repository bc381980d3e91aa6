import { useEffect, useMemo } from 'react';
import { useDatabase } from '../../../app/providers';
import { matchingAmong$ } from '../case-matches';
import type { CaseFilter } from '../case-query';
import { useBulkSelection } from './bulk-selection';

/**
 * Keeps the selection within the filter, live: a selected case that leaves it (the filter changed,
 * or the case changed, e.g. by the bulk step itself) is no longer selected.
 */
export function useSelectionInFilter(filter: CaseFilter, today: string): void {
  const db = useDatabase();
  const selected = useBulkSelection((state) => state.selected);
  const keepOnly = useBulkSelection((state) => state.keepOnly);
  const ids = useMemo(() => [...selected.keys()], [selected]);
  useEffect(() => {
    if (ids.length === 0) return;
    const subscription = matchingAmong$(db.cases, filter, today, ids).subscribe(keepOnly);
    return () => subscription.unsubscribe();
  }, [db, filter, today, ids, keepOnly]);
}
