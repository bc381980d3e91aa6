import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { deviceRevokedSchema, revokeDevicePath, type DeviceView } from '../../../src-shared/auth/devices.contract';
import type { ServerApi } from '../session/server-api';
import { useDevicesText } from './devices-text';

/** Asks before a device is revoked (its local data is wiped at next contact), then revokes it on the server. */
export function RevokeDialog({
  api,
  device,
  onDone,
}: {
  api: ServerApi;
  device: DeviceView | undefined;
  onDone(outcome: { revoked: DeviceView } | { failed: string } | undefined): void;
}) {
  const t = useDevicesText();
  const [busy, setBusy] = useState(false);
  const revoke = async (target: DeviceView) => {
    setBusy(true);
    try {
      onDone({ revoked: (await api.post(revokeDevicePath(target.id), {}, deviceRevokedSchema)).device });
    } catch (error) {
      onDone({ failed: t.revokeFailed((error as Error).message) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={device !== undefined} onClose={() => onDone(undefined)} closeButton={t.confirm.close} aria-labelledby="revoke-device-title">
      {device && (
        <>
          <Heading level={2} data-size="sm" id="revoke-device-title">
            {t.confirm.title(device.name)}
          </Heading>
          <Paragraph>{t.confirm.body(device.userName)}</Paragraph>
          <div className="devices-page__dialog-actions">
            <Button type="button" data-color="danger" loading={busy} aria-disabled={busy || undefined} onClick={() => !busy && void revoke(device)}>
              {t.confirm.submit}
            </Button>
            <Button type="button" variant="secondary" onClick={() => onDone(undefined)}>
              {t.confirm.cancel}
            </Button>
          </div>
        </>
      )}
    </Dialog>
  );
}
