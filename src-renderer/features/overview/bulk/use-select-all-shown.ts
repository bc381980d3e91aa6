import { useState } from 'react';
import { logError } from '../../../app/log-error';
import { useApi, useDatabase } from '../../../app/providers';
import type { CaseFilter } from '../case-query';
import { casePages } from '../export/case-pages';
import { useBulkSelection } from './bulk-selection';

/** Cases read per step when selecting the whole filtered list (not only the rows on screen). */
const SELECT_PAGE_SIZE = 500;

/** Selects every case the filter shows, read page by page from the replica. */
export function useSelectAllShown(filter: CaseFilter, today: string) {
  const db = useDatabase();
  const api = useApi();
  const selectAll = useBulkSelection((state) => state.selectAll);
  const [busy, setBusy] = useState(false);
  const start = async () => {
    if (busy) return;
    setBusy(true);
    try {
      for await (const page of casePages(db.cases, filter, today, SELECT_PAGE_SIZE)) selectAll(page);
    } catch (error) {
      logError(api, error);
    } finally {
      setBusy(false);
    }
  };
  return { busy, start };
}
