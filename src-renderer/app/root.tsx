import { Suspense, use, useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import type { SaksflytApi } from '../../src-shared/ipc/channels';
import { SessionGate } from '../features/session/session-gate';
import { useT } from '../i18n/use-t';
import { ErrorBoundary } from '../ui/error-boundary';
import { ErrorNotice } from '../ui/error-notice';
import type { Startup } from './bootstrap';
import { logError } from './log-error';
import { ApiProvider, AppProviders } from './providers';
import { createAppRouter } from './router';
import { StartupScreen } from './startup-screen';

/** Waits for start-up (settings, session or demo database) behind a status screen, then runs the app. */
export function Root({ api, ready }: { api: SaksflytApi; ready: Promise<Startup> }) {
  return (
    <ErrorBoundary fallback={(error) => <StartupFailed error={error} />} onError={(error) => logError(api, error)}>
      <Suspense fallback={<StartupScreen />}>
        <Ready api={api} ready={ready} />
      </Suspense>
    </ErrorBoundary>
  );
}

function Ready({ api, ready }: { api: SaksflytApi; ready: Promise<Startup> }) {
  const startup = use(ready);
  if (startup.mode === 'demo') {
    return (
      <AppProviders api={api} db={startup.db}>
        <AppRouter />
      </AppProviders>
    );
  }
  return (
    <ApiProvider api={api}>
      <SessionGate api={api} session={startup.session} serverUrl={startup.serverUrl}>
        <AppRouter />
      </SessionGate>
    </ApiProvider>
  );
}

function AppRouter() {
  const [router] = useState(createAppRouter);
  return <RouterProvider router={router} />;
}

function StartupFailed({ error }: { error: unknown }) {
  const t = useT();
  return (
    <main className="startup-screen">
      <ErrorNotice title={t.app.startFailed} error={error} level={1} />
    </main>
  );
}
