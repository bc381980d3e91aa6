import { useEffect, useMemo } from 'react';
import { useDatabase } from '../../../app/providers';
import { caseSelector, type CaseFilter } from '../case-query';
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
    const query = db.cases.find({ selector: { ...caseSelector(filter, today), id: { $in: ids } } });
    const subscription = query.$.subscribe((inFilter) => keepOnly(new Set(inFilter.map((doc) => doc.id))));
    return () => subscription.unsubscribe();
  }, [db, filter, today, ids, keepOnly]);
}
