import { Alert, Button, Heading, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { ADMIN_DEVICES_PATH, adminDevicesSchema, type DeviceView } from '../../../src-shared/auth/devices.contract';
import { ServerApiError, type ServerApi } from '../session/server-api';
import { DeviceTable } from './device-table';
import { useDevicesText } from './devices-text';

/** For account administrators: a user's devices by username (at first, the most recently seen of all users). */
export function AdminDevices({
  api,
  reloads,
  currentDeviceId,
  onRevoke,
}: {
  api: ServerApi;
  reloads: number;
  currentDeviceId: string;
  onRevoke(device: DeviceView): void;
}) {
  const t = useDevicesText();
  const [typed, setTyped] = useState('');
  const [username, setUsername] = useState<string>();
  // The answer to the search shown now; one to an older search (or before a reload) is not shown.
  const search = `${username ?? ''}#${reloads}`;
  const [answer, setAnswer] = useState<{ search: string; devices?: DeviceView[]; problem?: string }>();
  const { devices, problem } = answer?.search === search ? answer : {};

  useEffect(() => {
    let current = true;
    api.get(username ? `${ADMIN_DEVICES_PATH}?username=${encodeURIComponent(username)}` : ADMIN_DEVICES_PATH, adminDevicesSchema).then(
      (found) => current && setAnswer({ search, devices: found.devices }),
      (error: unknown) => {
        if (!current) return;
        const notFound = error instanceof ServerApiError && error.status === 404 && username;
        setAnswer({ search, problem: notFound ? t.admin.noUser(username) : t.failed((error as Error).message) });
      },
    );
    return () => {
      current = false;
    };
  }, [api, username, search, t]);

  return (
    <section aria-labelledby="admin-devices-heading" className="devices-page__section">
      <Heading level={2} data-size="sm" id="admin-devices-heading">
        {t.admin.heading}
      </Heading>
      <Paragraph>{t.admin.intro}</Paragraph>
      <form
        role="search"
        className="devices-page__search"
        noValidate
        onSubmit={(submit) => {
          submit.preventDefault();
          setUsername(typed.trim() || undefined);
        }}
      >
        <Textfield label={t.admin.username} value={typed} onChange={(change) => setTyped(change.target.value)} autoComplete="off" />
        <Button type="submit">{t.admin.search}</Button>
        {username && (
          <Button
            type="button"
            variant="tertiary"
            onClick={() => {
              setTyped('');
              setUsername(undefined);
            }}
          >
            {t.admin.showAll}
          </Button>
        )}
      </form>
      <div aria-live="polite">
        {problem && <Alert data-color="warning">{problem}</Alert>}
        {devices && <Paragraph data-size="sm">{t.admin.results(devices.length, username)}</Paragraph>}
      </div>
      {!devices
        ? !problem && <Spinner aria-label={t.loading} />
        : devices.length > 0 && <DeviceTable devices={devices} label={t.admin.tableLabel} currentDeviceId={currentDeviceId} showUser onRevoke={onRevoke} />}
    </section>
  );
}
