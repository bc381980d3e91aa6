// The design system's global behaviours (tooltips, invokers, dialogs, fields), registered before
// any screen beyond start-up renders (its React components import only the parts they use).
import '@digdir/designsystemet-web';
import { useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import type { SaksflytApi } from '../../src-shared/ipc/channels';
import { SessionGate } from '../features/session/session-gate';
import type { Startup } from './bootstrap';
import { AppProviders, ApiProvider } from './providers';
import { createAppRouter } from './router';

/**
 * The app once start-up is done: the demo database's screens, or sign-in and then the replica's.
 * A chunk of its own (main.tsx loads it while start-up runs), so the entry holds only the start-up screen.
 */
export function StartedApp({ api, startup }: { api: SaksflytApi; startup: Startup }) {
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
