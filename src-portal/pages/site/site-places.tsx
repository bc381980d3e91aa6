import { Paragraph, Table } from '@digdir/designsystemet-react';
import type { SitePlaces } from '../../../src-shared/portal/site.contract';
import { useT } from '../../i18n/language';

/** "Plasser vi tilbyr": per site and unit the places confirmed on its orders, and the unit's own capacity where known. */
export function SitePlacesTable({ places }: { places: SitePlaces['places'] }) {
  const t = useT();
  const s = t.site.placesTable;
  if (places.length === 0) return <Paragraph>{s.empty}</Paragraph>;
  return (
    <Table zebra className="portal-table" data-testid="site-places">
      <caption>{s.caption}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{s.site}</Table.HeaderCell>
          <Table.HeaderCell>{s.unit}</Table.HeaderCell>
          <Table.HeaderCell>{s.confirmed}</Table.HeaderCell>
          <Table.HeaderCell>{s.orders}</Table.HeaderCell>
          <Table.HeaderCell>{s.unitCapacity}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {places.map((p) => (
          <Table.Row key={`${p.siteId}/${p.unit}`}>
            <Table.Cell>{p.siteName}</Table.Cell>
            <Table.Cell>{p.unit || '–'}</Table.Cell>
            <Table.Cell>{p.confirmedPlaces}</Table.Cell>
            <Table.Cell>{p.orders}</Table.Cell>
            <Table.Cell>{p.unitCapacity ?? s.unknown}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
