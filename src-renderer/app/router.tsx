import { createHashRouter } from 'react-router';
import { CasePage } from '../features/case/case-page';
import { CaseOverviewPage } from '../features/overview/case-overview-page';
import { SettingsPage } from '../features/settings/settings-page';
import { NotFoundPage } from '../ui/not-found-page';
import { App } from './app';

/** Hash routing: works from file:// in Electron and from the browser host alike. */
export function createAppRouter() {
  return createHashRouter([
    {
      element: <App />,
      children: [
        { index: true, element: <CaseOverviewPage /> },
        { path: 'cases/:id', element: <CasePage /> },
        { path: 'settings', element: <SettingsPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
