import { Spinner } from '@digdir/designsystemet-react';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { useDocumentLanguage } from '../i18n/use-document-language';
import { useT } from '../i18n/use-t';
import { ErrorBoundary } from '../ui/error-boundary';
import { ErrorNotice } from '../ui/error-notice';
import { SkipLink } from '../ui/skip-link';
import { SyncStatusBar } from '../features/sync-status/sync-status-bar';
import { AppHeader } from './app-header';
import { logError } from './log-error';
import { useApi } from './providers';

export const MAIN_ID = 'main';

/** The frame of every screen: skip link, header with navigation, main content (pages load lazily behind a spinner), status bar. */
export function App() {
  const t = useT();
  const api = useApi();
  useDocumentLanguage();
  return (
    <div className="app">
      <SkipLink targetId={MAIN_ID}>{t.app.skipToContent}</SkipLink>
      <AppHeader />
      <main id={MAIN_ID} tabIndex={-1} className="app__main">
        <ErrorBoundary fallback={(error) => <ErrorNotice error={error} />} onError={(error) => logError(api, error)}>
          <Suspense fallback={<Spinner aria-label={t.app.loading} data-size="lg" />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className="app__status-bar">
        <SyncStatusBar />
      </footer>
    </div>
  );
}
