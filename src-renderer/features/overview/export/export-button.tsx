import { Button, Paragraph } from '@digdir/designsystemet-react';
import type { Dictionary } from '../../../i18n/dictionary';
import { useT } from '../../../i18n/use-t';
import type { CaseFilter } from '../case-query';
import { EXPORT_PAGE_SIZE } from './case-export';
import { useCaseExport, type ExportState } from './use-case-export';
import './case-export.css';

/**
 * "Export to Excel": the cases the search and filters show, as a CSV file. While an export runs the
 * button stays focusable (aria-disabled, not disabled); a longer one shows a progress bar. The
 * status line is a live region from the start, so its changes are announced.
 */
export function ExportButton({ filter, today }: { filter: CaseFilter; today: string }) {
  const t = useT();
  const { state, start } = useCaseExport(filter, today);
  const running = state.kind === 'running';
  return (
    <div className="case-export">
      <Button type="button" variant="secondary" data-size="sm" aria-disabled={running || undefined} loading={running} onClick={() => void start()}>
        {t.overview.export.button}
      </Button>
      {running && state.total !== undefined && state.total > EXPORT_PAGE_SIZE && (
        <progress className="case-export__progress" aria-label={t.overview.export.progressLabel} max={state.total} value={state.done} />
      )}
      <Paragraph role="status" data-size="sm" className="case-export__status">
        {statusText(t, state)}
      </Paragraph>
    </div>
  );
}

function statusText(t: Dictionary, state: ExportState): string {
  switch (state.kind) {
    case 'idle':
      return '';
    case 'running':
      return state.total === undefined ? t.overview.export.starting : t.overview.export.progress(state.done, state.total);
    case 'done':
      return t.overview.export.done(state.count, state.fileName);
    case 'failed':
      return t.overview.export.failed;
  }
}
