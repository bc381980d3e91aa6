import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { DEVICES_PATH, myDevicesSchema, type DeviceView, type MyDevices } from '../../../src-shared/auth/devices.contract';
import { PageHeading } from '../../ui/page-heading';
import { usePageTitle } from '../../ui/use-page-title';
import { useServerApi, type ServerApi } from '../session/server-api';
import { AdminDevices } from './admin-devices';
import { DeviceTable } from './device-table';
import { useDevicesText } from './devices-text';
import { RevokeDialog } from './revoke-dialog';
import './devices.css';

/** /devices — your devices with their last contact, revocable (a lost laptop); every user's for account administrators. */
export function DevicesPage() {
  const t = useDevicesText();
  const api = useServerApi();
  usePageTitle(t.title);
  return (
    <div className="devices-page">
      <PageHeading>{t.title}</PageHeading>
      <Paragraph>{t.intro}</Paragraph>
      {api ? <Devices api={api} /> : <Alert data-color="info">{t.serverNeeded}</Alert>}
    </div>
  );
}

function Devices({ api }: { api: ServerApi }) {
  const t = useDevicesText();
  const [mine, setMine] = useState<MyDevices>();
  const [failure, setFailure] = useState<string>();
  const [pending, setPending] = useState<DeviceView>();
  const [notice, setNotice] = useState<{ color: 'success' | 'danger'; text: string }>();
  // Both listings are loaded again after a revocation.
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let current = true;
    api.get(DEVICES_PATH, myDevicesSchema).then(
      (answer) => {
        if (!current) return;
        setMine(answer);
        setFailure(undefined);
      },
      (error: unknown) => current && setFailure(t.failed((error as Error).message)),
    );
    return () => {
      current = false;
    };
  }, [api, reloads, t]);

  return (
    <>
      <div aria-live="polite">{notice && <Alert data-color={notice.color}>{notice.text}</Alert>}</div>
      {failure && <Alert data-color="danger">{failure}</Alert>}
      <section aria-labelledby="my-devices-heading" className="devices-page__section">
        <Heading level={2} data-size="sm" id="my-devices-heading">
          {t.mine}
        </Heading>
        {!mine ? (
          !failure && <Spinner aria-label={t.loading} />
        ) : mine.devices.length === 0 ? (
          <Paragraph>{t.none}</Paragraph>
        ) : (
          <DeviceTable devices={mine.devices} label={t.mine} currentDeviceId={mine.currentDeviceId} onRevoke={setPending} />
        )}
      </section>
      {mine?.accountAdmin && <AdminDevices api={api} reloads={reloads} currentDeviceId={mine.currentDeviceId} onRevoke={setPending} />}
      <RevokeDialog
        api={api}
        device={pending}
        onDone={(outcome) => {
          setPending(undefined);
          if (!outcome) return;
          setNotice('revoked' in outcome ? { color: 'success', text: t.revoked(outcome.revoked.name) } : { color: 'danger', text: outcome.failed });
          setReloads((count) => count + 1);
        }}
      />
    </>
  );
}
