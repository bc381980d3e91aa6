import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { nominationStatusLabels } from '../../src-shared/domain/nomination/nomination.schema';
import type { PortalApi, PortalFailure } from '../api/portal-api';
import { LoadState } from '../app/load-state';
import { usePageTitle } from '../app/use-page-title';
import { useLoad } from '../app/use-load';
import { useLanguage, useT } from '../i18n/language';

/** "Mine nominasjoner": the partner's nominations with applicant, offer and status. */
export function NominationsPage({ api, onFailure }: { api: PortalApi; onFailure(failure: PortalFailure): void }) {
  const t = useT();
  const { language } = useLanguage();
  usePageTitle(t.nominations.title);
  const [loaded, reload] = useLoad(() => api.nominations(), onFailure);
  return (
    <>
      <Heading level={1} data-size="lg">
        {t.nominations.title}
      </Heading>
      <LoadState loaded={loaded} reload={reload}>
        {(nominations) =>
          nominations.length === 0 ? (
            <Paragraph>{t.nominations.none}</Paragraph>
          ) : (
            <Table zebra className="portal-table" data-testid="nominations">
              <caption>{t.nominations.caption}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t.nominations.caseNumber}</Table.HeaderCell>
                  <Table.HeaderCell>{t.nominations.applicant}</Table.HeaderCell>
                  <Table.HeaderCell>{t.nominations.offer}</Table.HeaderCell>
                  <Table.HeaderCell>{t.nominations.status}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {nominations.map((nomination) => (
                  <Table.Row key={nomination.caseNumber}>
                    <Table.Cell>{nomination.caseNumber}</Table.Cell>
                    <Table.Cell>{nomination.applicantName}</Table.Cell>
                    <Table.Cell>
                      {nomination.offer.name} ({nomination.offer.code})
                    </Table.Cell>
                    <Table.Cell>{nominationStatusLabels[nomination.status][language]}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )
        }
      </LoadState>
    </>
  );
}
