import { Checkbox } from '@digdir/designsystemet-react';
import { useT } from '../../../i18n/use-t';
import { useBulkSelection, type SelectedCase } from './bulk-selection';
import './bulk.css';

/** The checkbox that selects one row's case for a bulk step, named by the case. */
export function RowSelect({ item }: { item: SelectedCase }) {
  const t = useT();
  const checked = useBulkSelection((state) => state.selected.has(item.id));
  const toggle = useBulkSelection((state) => state.toggle);
  return (
    <Checkbox
      className="bulk-row-select"
      aria-label={t.overview.bulk.selectCase(item.caseNumber, item.title)}
      checked={checked}
      onChange={() => toggle(item)}
    />
  );
}
