import { Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { PageHeading } from '../../ui/page-heading';
import { usePageTitle } from '../../ui/use-page-title';
import { useObservable } from '../../db/use-observable';
import { useT } from '../../i18n/use-t';
import type { ItemSyncState } from '../../sync/sync-status';
import { DocumentLabel } from './document-label';
import { formatSyncTime } from './format-time';
import { CONFLICTS_PATH } from './sync-paths';
import { useSyncControls, useSyncStatus, type SyncControls } from './sync-context';
import { useSyncText } from './sync-text';

interface Row {
  collection: string;
  id: string;
  state: ItemSyncState;
  reason?: string;
  at?: string;
  issueId?: string;
}

/** /sync — every document out of step with the server (pending, conflict, refused, set aside) and the ones just synced. */
export function SyncPage() {
  const text = useSyncText();
  usePageTitle(text.page.title);
  const controls = useSyncControls();
  const t = useT();
  return (
    <div className="sync-page">
      <PageHeading>{text.page.title}</PageHeading>
      {controls ? <SyncItems controls={controls} /> : <Paragraph>{t.statusBar.notConfigured}</Paragraph>}
    </div>
  );
}

function SyncItems({ controls }: { controls: SyncControls }) {
  const text = useSyncText();
  const t = useT();
  const status = useSyncStatus(controls);
  const synced = useObservable(controls.synced$) ?? [];
  const rows: Row[] = [
    ...(status?.items ?? []).map((item) => ({
      collection: item.collection,
      id: item.id,
      state: item.state,
      reason: item.reason ? `${text.reasons[item.reason]}${item.message ? ` (${item.message})` : ''}` : undefined,
      issueId: item.issueId,
    })),
    ...synced.map((item) => ({ collection: item.collection, id: item.id, state: 'synced' as const, at: item.at })),
  ];
  return (
    <>
      <Paragraph>{text.page.intro}</Paragraph>
      {rows.length === 0 ? (
        <Paragraph>{text.page.empty}</Paragraph>
      ) : (
        <Table className="sync-items" zebra>
          <caption>{text.page.items}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{text.page.document}</Table.HeaderCell>
              <Table.HeaderCell>{text.page.state}</Table.HeaderCell>
              <Table.HeaderCell>{text.page.reason}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((row) => (
              <Table.Row key={`${row.state}-${row.collection}-${row.id}`} data-state={row.state}>
                <Table.Cell>
                  <DocumentLabel collection={row.collection} id={row.id} />
                </Table.Cell>
                <Table.Cell>
                  {text.states[row.state]}
                  {row.at ? ` ${formatSyncTime(row.at, t.locale)}` : ''}
                </Table.Cell>
                <Table.Cell>
                  {row.reason}
                  {row.issueId && (
                    <>
                      {row.reason ? ' ' : ''}
                      <Link asChild>
                        <RouterLink to={CONFLICTS_PATH}>{text.page.openInbox}</RouterLink>
                      </Link>
                    </>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </>
  );
}
