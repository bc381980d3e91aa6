import { useT } from '../../../i18n/use-t';
import type { CaseFilter } from '../case-query';
import { BulkProgress } from './bulk-progress';
import { BulkResults } from './bulk-results';
import { BulkStepBar } from './bulk-step-bar';
import { SelectionToolbar } from './selection-toolbar';
import { useBulkRun } from './use-bulk-run';
import { useSelectionInFilter } from './use-selection-in-filter';
import './bulk.css';

/**
 * Bulk steps in the overview: the selection's controls, the step bar while cases are selected, the
 * progress of a run and its result per case.
 */
export function BulkActions({ filter, today }: { filter: CaseFilter; today: string }) {
  const t = useT();
  useSelectionInFilter(filter, today);
  const run = useBulkRun();
  return (
    <section className="bulk-actions" aria-label={t.overview.bulk.label}>
      <SelectionToolbar filter={filter} today={today} />
      <BulkStepBar run={run} />
      <BulkProgress run={run} />
      <BulkResults run={run} />
    </section>
  );
}
