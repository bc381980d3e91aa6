import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { placementStatusLabels } from '../../../src-shared/domain/placement/placement.schema';
import type { SiteOrder } from '../../../src-shared/portal/site.contract';
import type { PortalApi, PortalFailure } from '../../api/portal-api';
import { LoadState } from '../../app/load-state';
import { useLoad } from '../../app/use-load';
import { usePageTitle } from '../../app/use-page-title';
import { formatDate } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/language';
import { OrderCalendar } from './order-calendar';
import { SitePlacesTable } from './site-places';

/**
 * "Bestillinger": the site's orders, the incoming ones (waiting for an answer) first, then the
 * calendar of their placement periods, the places offered per site and unit, and the other orders.
 */
export function SiteOrdersPage({ api, onFailure }: { api: PortalApi; onFailure(failure: PortalFailure): void }) {
  const t = useT();
  usePageTitle(t.site.title);
  const [loaded, reload] = useLoad(() => Promise.all([api.siteOrders(), api.sitePlaces()]).then(([orders, places]) => ({ orders, places })), onFailure);
  return (
    <>
      <Heading level={1} data-size="xl">
        {t.site.title}
      </Heading>
      <LoadState loaded={loaded} reload={reload}>
        {({ orders, places }) => {
          const incoming = orders.filter((order) => order.status === 'ordered');
          const others = orders.filter((order) => order.status !== 'ordered');
          return (
            <>
              <Heading level={2} data-size="md">
                {t.site.incoming}
              </Heading>
              {incoming.length === 0 ? <Paragraph>{t.site.noneIncoming}</Paragraph> : <OrderTable orders={incoming} testId="incoming-orders" />}
              <Heading level={2} data-size="md">
                {t.site.calendar.title}
              </Heading>
              <OrderCalendar orders={orders} />
              <Heading level={2} data-size="md">
                {t.site.placesTable.title}
              </Heading>
              <SitePlacesTable places={places} />
              {others.length > 0 && (
                <>
                  <Heading level={2} data-size="md">
                    {t.site.others}
                  </Heading>
                  <OrderTable orders={others} testId="other-orders" />
                </>
              )}
            </>
          );
        }}
      </LoadState>
    </>
  );
}

function OrderTable({ orders, testId }: { orders: SiteOrder[]; testId: string }) {
  const t = useT();
  const { language } = useLanguage();
  return (
    <Table zebra className="portal-table" data-testid={testId}>
      <caption>{t.site.caption}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t.site.course}</Table.HeaderCell>
          <Table.HeaderCell>{t.site.period}</Table.HeaderCell>
          <Table.HeaderCell>{t.site.site}</Table.HeaderCell>
          <Table.HeaderCell>{t.site.requested}</Table.HeaderCell>
          <Table.HeaderCell>{t.site.status}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {orders.map((order) => (
          <Table.Row key={order.id}>
            <Table.Cell>
              <Link to={`/bestilling/${encodeURIComponent(order.id)}`}>
                {order.activity.courseCode} {order.activity.courseName}
              </Link>
            </Table.Cell>
            <Table.Cell>
              {formatDate(order.activity.from, language)} – {formatDate(order.activity.to, language)}
            </Table.Cell>
            <Table.Cell>{[order.site.name, order.site.unit].filter(Boolean).join(', ')}</Table.Cell>
            <Table.Cell>{order.requestedPlaces}</Table.Cell>
            <Table.Cell>{placementStatusLabels[order.status][language]}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
