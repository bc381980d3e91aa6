import { Heading, Table } from '@digdir/designsystemet-react';
import type { Acceptance, ResultFetch } from '../../../src-shared/domain/approval';
import { formatDateTime } from '../../i18n/format';
import { useApprovalText } from './approval-text';
import { fetchProgress } from './fetch-progress';

/** Every fetch of the case, oldest first: when it was ordered and completed, its answers and results, and whether it was accepted. */
export function FetchHistory({ fetches, acceptances }: { fetches: readonly ResultFetch[]; acceptances: readonly Acceptance[] }) {
  const dictionary = useApprovalText();
  const t = dictionary.history;
  const when = (iso: string) => formatDateTime(iso, dictionary.locale);
  return (
    <section aria-labelledby="approval-history-heading" className="approval-case__section">
      <Heading level={2} data-size="sm" id="approval-history-heading">
        {t.heading}
      </Heading>
      <Table data-size="sm" aria-labelledby="approval-history-heading">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t.fetch}</Table.HeaderCell>
            <Table.HeaderCell>{t.orderedAt}</Table.HeaderCell>
            <Table.HeaderCell>{t.completedAt}</Table.HeaderCell>
            <Table.HeaderCell>{t.answers}</Table.HeaderCell>
            <Table.HeaderCell>{t.results}</Table.HeaderCell>
            <Table.HeaderCell>{t.accepted}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {fetches.map((fetch, index) => {
            const progress = fetchProgress(fetch);
            const accepted = acceptances.filter((a) => a.fetchId === fetch.id).at(-1);
            return (
              <Table.Row key={fetch.id}>
                <Table.Cell>{index + 1}</Table.Cell>
                <Table.Cell>{when(fetch.orderedAt)}</Table.Cell>
                <Table.Cell>{fetch.completedAt ? when(fetch.completedAt) : t.running}</Table.Cell>
                <Table.Cell>{dictionary.fetch.progress(progress.answered, progress.asked)}</Table.Cell>
                <Table.Cell>{fetch.results.length}</Table.Cell>
                <Table.Cell>{accepted ? when(accepted.acceptedAt) : t.notAccepted}</Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </section>
  );
}
