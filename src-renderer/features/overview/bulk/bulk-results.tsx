import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import type { Dictionary } from '../../../i18n/dictionary';
import { useT } from '../../../i18n/use-t';
import type { BulkOutcome } from './bulk-run';
import type { BulkRun } from './use-bulk-run';

/** A finished run: done and refused in numbers, then every case with its result in words. */
export function BulkResults({ run }: { run: BulkRun }) {
  const t = useT().overview.bulk;
  if (run.state.kind !== 'finished') return null;
  const { results, total, cancelled } = run.state;
  const done = results.filter((result) => result.outcome.kind === 'done').length;
  return (
    <section className="bulk-results" aria-labelledby="bulk-results-heading">
      <Heading level={2} data-size="xs" id="bulk-results-heading">
        {t.resultsHeading}
      </Heading>
      <Paragraph role="status" data-testid="bulk-summary">
        {cancelled ? `${t.summary(done, results.length - done)} ${t.cancelled(results.length, total)}` : t.summary(done, results.length - done)}
      </Paragraph>
      {done > 0 && <Paragraph data-size="sm">{t.queued}</Paragraph>}
      <ul className="bulk-results__list" aria-label={t.resultsLabel}>
        {results.map(({ case: c, outcome }) => (
          <li key={c.id} className="bulk-results__item">
            <Link to={`/cases/${encodeURIComponent(c.id)}`}>
              {c.caseNumber} {c.title}
            </Link>
            <Tag data-color={outcome.kind === 'done' ? 'success' : 'danger'} data-size="sm">
              {outcomeText(t, outcome)}
            </Tag>
          </li>
        ))}
      </ul>
      <Button type="button" variant="tertiary" data-size="sm" onClick={run.dismiss}>
        {t.dismiss}
      </Button>
    </section>
  );
}

function outcomeText(t: Dictionary['overview']['bulk'], outcome: BulkOutcome): string {
  switch (outcome.kind) {
    case 'done':
      return `${outcome.tasksCreated > 0 ? t.doneWithTask : t.done}${outcome.archiveProblem ? ` ${t.archiveProblem(outcome.archiveProblem)}` : ''}`;
    case 'refused':
      return `${t.refused(t.reasons[outcome.reason])} (${outcome.message})`;
    case 'failed':
      return t.failed(outcome.message);
  }
}
