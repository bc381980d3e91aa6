import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useT } from '../../../i18n/use-t';
import type { CaseFilter } from '../case-query';
import { useCaseCounts } from '../use-case-list';
import { useBulkSelection } from './bulk-selection';
import { useSelectAllShown } from './use-select-all-shown';

/** "Select all N shown", how many are selected (announced as it changes), and clearing the selection. */
export function SelectionToolbar({ filter, today }: { filter: CaseFilter; today: string }) {
  const t = useT().overview.bulk;
  const { matches } = useCaseCounts(filter, today);
  const count = useBulkSelection((state) => state.selected.size);
  const clear = useBulkSelection((state) => state.clear);
  const selectAll = useSelectAllShown(filter, today);
  return (
    <div className="bulk-toolbar">
      <Button
        type="button"
        variant="secondary"
        data-size="sm"
        aria-disabled={selectAll.busy || !matches || undefined}
        loading={selectAll.busy}
        onClick={() => void (matches ? selectAll.start() : undefined)}
      >
        {selectAll.busy ? t.selecting : matches === undefined ? t.selectAllCounting : t.selectAllShown(matches)}
      </Button>
      <Paragraph role="status" data-size="sm" className="bulk-toolbar__count">
        {count > 0 ? t.selected(count) : ''}
      </Paragraph>
      {count > 0 && (
        <Button type="button" variant="tertiary" data-size="sm" onClick={clear}>
          {t.clear}
        </Button>
      )}
    </div>
  );
}
