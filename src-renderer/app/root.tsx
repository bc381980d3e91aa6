import { Suspense, use, useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import type { SaksflytApi } from '../../src-shared/ipc/channels';
import type { SaksflytDatabase } from '../db/database';
import { useT } from '../i18n/use-t';
import { ErrorBoundary } from '../ui/error-boundary';
import { ErrorNotice } from '../ui/error-notice';
import { logError } from './log-error';
import { AppProviders } from './providers';
import { createAppRouter } from './router';
import { StartupScreen } from './startup-screen';

/** Waits for start-up (database, language) behind a status screen, then runs the routed app. */
export function Root({ api, ready }: { api: SaksflytApi; ready: Promise<SaksflytDatabase> }) {
  return (
    <ErrorBoundary fallback={(error) => <StartupFailed error={error} />} onError={(error) => logError(api, error)}>
      <Suspense fallback={<StartupScreen />}>
        <Ready api={api} ready={ready} />
      </Suspense>
    </ErrorBoundary>
  );
}

function Ready({ api, ready }: { api: SaksflytApi; ready: Promise<SaksflytDatabase> }) {
  const db = use(ready);
  const [router] = useState(createAppRouter);
  return (
    <AppProviders api={api} db={db}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}

function StartupFailed({ error }: { error: unknown }) {
  const t = useT();
  return (
    <main className="startup-screen">
      <ErrorNotice title={t.app.startFailed} error={error} level={1} />
    </main>
  );
}
