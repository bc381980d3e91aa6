import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ResultFetch } from '../../../src-shared/domain/approval';
import { formatDateTime } from '../../i18n/format';
import { useApprovalText } from './approval-text';
import { fetchProgress } from './fetch-progress';

/**
 * How far the fetch has come, as a meter ("n av N institusjoner har svart") that moves as the
 * server's answers sync in, and a bar of the answers by outcome with its legend in words.
 */
export function FetchProgressView({ fetch }: { fetch: ResultFetch }) {
  const dictionary = useApprovalText();
  const t = dictionary.fetch;
  const progress = fetchProgress(fetch);
  if (progress.state === 'waitingForServer') return <Paragraph>{t.waitingForServer}</Paragraph>;
  return (
    <div className="approval-progress">
      <label htmlFor={`approval-progress-${fetch.id}`} className="approval-progress__label">
        {t.progressLabel}
      </label>
      <progress
        id={`approval-progress-${fetch.id}`}
        max={progress.asked}
        value={progress.answered}
        aria-valuetext={t.progress(progress.answered, progress.asked)}
      />
      <Paragraph data-testid="approval-progress-text" aria-live="polite">
        {t.progress(progress.answered, progress.asked)}
        {fetch.completedAt && ` ${t.completed(formatDateTime(fetch.completedAt, dictionary.locale))}`}
      </Paragraph>
      {progress.byOutcome.length > 0 && (
        <>
          <Heading level={4} data-size="2xs">
            {t.outcomesHeading}
          </Heading>
          <div className="approval-outcome-bar" aria-hidden="true">
            {progress.byOutcome.map(({ outcome, count }) => (
              <span key={outcome} className={`approval-outcome approval-outcome--${outcome}`} style={{ flexGrow: count }} />
            ))}
          </div>
          <ul className="approval-outcome-legend">
            {progress.byOutcome.map(({ outcome, count }) => (
              <li key={outcome}>
                <span className={`approval-outcome approval-outcome--${outcome}`} aria-hidden="true" />
                {t.outcomes[outcome]}: {count}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
