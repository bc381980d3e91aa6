import { Alert, Spinner } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import type { Settings } from '../../../src-shared/ipc/settings.contract';
import type { Result } from '../../../src-shared/kernel/result';
import { useApi } from '../../app/providers';
import { useT } from '../../i18n/use-t';
import { PageHeading } from '../../ui/page-heading';
import { usePageTitle } from '../../ui/use-page-title';
import { SettingsForm } from './settings-form';

/** /settings — reads the saved settings from the main process, then shows the form. */
export function SettingsPage() {
  const t = useT();
  usePageTitle(t.settings.title);
  const api = useApi();
  const [loaded, setLoaded] = useState<Result<Settings>>();
  useEffect(() => {
    let current = true;
    void api.settingsGet().then((result) => {
      if (current) setLoaded(result);
    });
    return () => {
      current = false;
    };
  }, [api]);

  return (
    <div className="settings-page">
      <PageHeading>{t.settings.title}</PageHeading>
      {loaded === undefined ? (
        <Spinner aria-label={t.app.loading} />
      ) : loaded.ok ? (
        <SettingsForm saved={loaded.value} />
      ) : (
        <Alert data-color="danger" role="alert">
          {t.settings.loadFailed} {loaded.error.message}
        </Alert>
      )}
    </div>
  );
}
