import { Button, Table, Tag } from '@digdir/designsystemet-react';
import type { DeviceView } from '../../../src-shared/auth/devices.contract';
import { formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useDevicesText } from './devices-text';
import { formatRelativeTime } from './relative-time';

/** Devices as a table: last contact relative and absolute, status, and a way to revoke those not revoked yet. */
export function DeviceTable({
  devices,
  label,
  currentDeviceId,
  showUser,
  onRevoke,
}: {
  devices: readonly DeviceView[];
  label: string;
  currentDeviceId?: string;
  showUser?: boolean;
  onRevoke(device: DeviceView): void;
}) {
  const t = useDevicesText();
  const { locale } = useT();
  const now = new Date();
  const when = (value: string) => (
    <time dateTime={value}>
      {formatRelativeTime(value, now, locale)}
      <br />
      <small>{formatDateTime(value, locale)}</small>
    </time>
  );
  return (
    <Table data-size="sm" aria-label={label} className="device-table">
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t.columns.name}</Table.HeaderCell>
          {showUser && <Table.HeaderCell>{t.columns.user}</Table.HeaderCell>}
          <Table.HeaderCell>{t.columns.lastSeen}</Table.HeaderCell>
          <Table.HeaderCell>{t.columns.created}</Table.HeaderCell>
          <Table.HeaderCell>{t.columns.status}</Table.HeaderCell>
          <Table.HeaderCell>{t.columns.action}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {devices.map((device) => (
          <Table.Row key={device.id}>
            <Table.Cell>
              {device.name}
              {device.id === currentDeviceId && (
                <>
                  {' '}
                  <Tag data-size="sm" data-color="info">
                    {t.thisDevice}
                  </Tag>
                </>
              )}
            </Table.Cell>
            {showUser && (
              <Table.Cell>
                {device.userName}
                <br />
                <small>{device.username}</small>
              </Table.Cell>
            )}
            <Table.Cell>{device.lastSeenAt ? when(device.lastSeenAt) : t.never}</Table.Cell>
            <Table.Cell>{when(device.createdAt)}</Table.Cell>
            <Table.Cell>
              {device.revokedAt ? t.status.revoked(formatDateTime(device.revokedAt, locale)) : device.liveSession ? t.status.active : t.status.signedOut}
            </Table.Cell>
            <Table.Cell>
              {!device.revokedAt && device.id !== currentDeviceId && (
                <Button
                  type="button"
                  variant="secondary"
                  data-color="danger"
                  data-size="sm"
                  aria-label={t.revokeLabel(device.name, device.username)}
                  onClick={() => onRevoke(device)}
                >
                  {t.revoke}
                </Button>
              )}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
