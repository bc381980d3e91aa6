import { Suspense, use } from 'react';
import type { SaksflytApi } from '../../src-shared/ipc/channels';
import { useT } from '../i18n/use-t';
import { ErrorBoundary } from '../ui/error-boundary';
import { ErrorNotice } from '../ui/error-notice';
import type { Startup } from './bootstrap';
import { logError } from './log-error';
import type { StartedApp } from './started-app';
import { StartupScreen } from './startup-screen';

interface RootProps {
  api: SaksflytApi;
  ready: Promise<Startup>;
  /** The app's chunk (started-app.tsx), loading while start-up runs. */
  app: Promise<{ StartedApp: typeof StartedApp }>;
}

/** Waits for start-up (settings, session or demo database) and the app's chunk behind a status screen, then runs the app. */
export function Root({ api, ready, app }: RootProps) {
  return (
    <ErrorBoundary fallback={(error) => <StartupFailed error={error} />} onError={(error) => logError(api, error)}>
      <Suspense fallback={<StartupScreen />}>
        <Ready api={api} ready={ready} app={app} />
      </Suspense>
    </ErrorBoundary>
  );
}

function Ready({ api, ready, app }: RootProps) {
  const startup = use(ready);
  const { StartedApp } = use(app);
  return <StartedApp api={api} startup={startup} />;
}

function StartupFailed({ error }: { error: unknown }) {
  const t = useT();
  return (
    <main className="startup-screen">
      <ErrorNotice title={t.app.startFailed} error={error} level={1} />
    </main>
  );
}
