import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { PortalApi, PortalFailure } from '../api/portal-api';
import { LoadState } from '../app/load-state';
import { usePageTitle } from '../app/use-page-title';
import { useLoad } from '../app/use-load';
import { useLanguage, useT } from '../i18n/language';
import { formatDate } from '../i18n/format';

/** "Tilbud": the partner's education offers with places and deadlines. */
export function OffersPage({ api, onFailure }: { api: PortalApi; onFailure(failure: PortalFailure): void }) {
  const t = useT();
  const { language } = useLanguage();
  usePageTitle(t.offers.title);
  const [loaded, reload] = useLoad(() => api.offers(), onFailure);
  const date = (value: string) => formatDate(value, language);
  return (
    <>
      <Heading level={1} data-size="lg">
        {t.offers.title}
      </Heading>
      <LoadState loaded={loaded} reload={reload}>
        {(offers) =>
          offers.length === 0 ? (
            <Paragraph>{t.offers.none}</Paragraph>
          ) : (
            <Table zebra className="portal-table" data-testid="offers">
              <caption>{t.offers.caption}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t.offers.code}</Table.HeaderCell>
                  <Table.HeaderCell>{t.offers.name}</Table.HeaderCell>
                  <Table.HeaderCell>{t.offers.term}</Table.HeaderCell>
                  <Table.HeaderCell>{t.offers.period}</Table.HeaderCell>
                  <Table.HeaderCell>{t.offers.capacity}</Table.HeaderCell>
                  <Table.HeaderCell>{t.offers.nominationDeadline}</Table.HeaderCell>
                  <Table.HeaderCell>{t.offers.applicationDeadline}</Table.HeaderCell>
                  <Table.HeaderCell>{t.offers.answerDeadline}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {offers.map((offer) => (
                  <Table.Row key={offer.code}>
                    <Table.Cell>{offer.code}</Table.Cell>
                    <Table.Cell>{offer.name[language]}</Table.Cell>
                    <Table.Cell>{offer.term}</Table.Cell>
                    <Table.Cell>
                      {date(offer.period.from)} – {date(offer.period.to)}
                    </Table.Cell>
                    <Table.Cell>{offer.capacity}</Table.Cell>
                    <Table.Cell>{date(offer.deadlines.nomination)}</Table.Cell>
                    <Table.Cell>{date(offer.deadlines.application)}</Table.Cell>
                    <Table.Cell>{date(offer.deadlines.answer)}</Table.Cell>
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
