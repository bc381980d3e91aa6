import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { resultDiff, type ExternalResult, type ResultFetch } from '../../../src-shared/domain/approval';
import { useAppStore } from '../../app/store';
import { useApprovalText } from './approval-text';
import { diffRows } from './diff-rows';
import { resultName } from './results-table';
import { StepButton } from './step-button';
import type { RunApprovalStep } from './use-approval-step';

const gradeAndCredits = (result: ExternalResult) => `${result.grade}, ${result.credits}`;

/**
 * A fetch waiting to be accepted, against the accepted results: what is new or changed (so a later
 * fetch never overwrites silently), and the step that accepts it.
 */
export function FetchDiff(props: { fetch: ResultFetch; accepted: readonly ExternalResult[]; mayAccept: boolean; run: RunApprovalStep; busy: boolean }) {
  const { fetch, accepted, mayAccept, run, busy } = props;
  const texts = useApprovalText();
  const t = texts.diff;
  const language = useAppStore((state) => state.language);
  const diff = resultDiff(accepted, fetch.results);
  const rows = diffRows(diff);
  const headingId = `approval-diff-${fetch.id}`;
  return (
    <section aria-labelledby={headingId} className="approval-case__section">
      <Heading level={3} data-size="xs" id={headingId}>
        {t.heading}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      {rows.length === 0 ? (
        <Paragraph>{t.nothing}</Paragraph>
      ) : (
        <Table data-size="sm" aria-labelledby={headingId} className="approval-diff">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.change}</Table.HeaderCell>
              <Table.HeaderCell>{texts.results.code}</Table.HeaderCell>
              <Table.HeaderCell>{texts.results.name}</Table.HeaderCell>
              <Table.HeaderCell>{t.before}</Table.HeaderCell>
              <Table.HeaderCell>{t.after}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((row, index) => (
              <Table.Row key={index} data-diff={row.kind}>
                <Table.Cell>{t.kinds[row.kind]}</Table.Cell>
                <Table.Cell>{row.result.code}</Table.Cell>
                <Table.Cell>{resultName(row.result, language)}</Table.Cell>
                <Table.Cell>{row.before ? gradeAndCredits(row.before) : row.kind === 'notFetched' ? gradeAndCredits(row.result) : '–'}</Table.Cell>
                <Table.Cell>{row.kind === 'notFetched' ? '–' : gradeAndCredits(row.result)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {diff.unchanged.length > 0 && <Paragraph>{t.unchanged(diff.unchanged.length)}</Paragraph>}
      {mayAccept && (
        <Paragraph>
          <StepButton event={(at) => ({ type: 'acceptFetchedResults', at, fetchId: fetch.id })} run={run} busy={busy} label={t.accept} />
        </Paragraph>
      )}
    </section>
  );
}
