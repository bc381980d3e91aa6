import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useT } from '../../../i18n/use-t';
import { BULK_CHUNK_SIZE } from './bulk-run';
import type { BulkRun } from './use-bulk-run';

/**
 * A run's progress: "12 av 240" in a live region (there from the start, so changes are announced),
 * a progress bar for selections larger than one chunk, and the button that cancels the rest.
 */
export function BulkProgress({ run }: { run: BulkRun }) {
  const t = useT().overview.bulk;
  const { state } = run;
  const running = state.kind === 'running';
  return (
    <div className="bulk-progress">
      {running && state.total > BULK_CHUNK_SIZE && (
        <progress className="bulk-progress__bar" aria-label={t.progressLabel} max={state.total} value={state.done} />
      )}
      <Paragraph role="status" data-size="sm">
        {running ? t.progress(state.done, state.total) : state.kind === 'failed' ? t.failed(state.message) : ''}
      </Paragraph>
      {running && (
        <Button type="button" variant="secondary" data-size="sm" onClick={run.cancel}>
          {t.cancel}
        </Button>
      )}
    </div>
  );
}
