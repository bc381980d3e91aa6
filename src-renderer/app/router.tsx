import { createHashRouter } from 'react-router';
import { approvalRoutes } from '../features/approval/approval-routes';
import { courseDeliveryRoutes } from '../features/course-delivery/course-delivery-routes';
import { DEVICES_PAGE_PATH } from '../features/devices/devices-path';
import { followUpRoutes } from '../features/follow-up/follow-up-routes';
import { nominationRoutes } from '../features/nomination/nomination-routes';
import { distributionRoutes } from '../features/placement/distribution/distribution-routes';
import { placementRoutes } from '../features/placement/placement-routes';
import { CaseOverviewPage } from '../features/overview/case-overview-page';
import { TASKS_PATH } from '../features/tasks/tasks-path';
import { CONFLICTS_PATH, SYNC_PATH } from '../features/sync-status/sync-paths';
import { NotFoundPage } from '../ui/not-found-page';
import { App } from './app';
import { lazyPage } from './lazy-page';

// The overview is the first screen and stays in the entry chunk; every other page loads on first visit.
const CasePage = lazyPage(() => import('../features/case/case-page'), 'CasePage');
const ConflictInboxPage = lazyPage(() => import('../features/conflicts/conflict-inbox-page'), 'ConflictInboxPage');
const DevicesPage = lazyPage(() => import('../features/devices/devices-page'), 'DevicesPage');
const SettingsPage = lazyPage(() => import('../features/settings/settings-page'), 'SettingsPage');
const MyTasksPage = lazyPage(() => import('../features/tasks/my-tasks-page'), 'MyTasksPage');
const SyncPage = lazyPage(() => import('../features/sync-status/sync-page'), 'SyncPage');

/** Hash routing: works from file:// in Electron and from the browser host alike. */
export function createAppRouter() {
  return createHashRouter([
    {
      element: <App />,
      children: [
        { index: true, element: <CaseOverviewPage /> },
        { path: 'cases/:id', element: <CasePage /> },
        { path: 'settings', element: <SettingsPage /> },
        { path: TASKS_PATH.slice(1), element: <MyTasksPage /> },
        { path: SYNC_PATH.slice(1), element: <SyncPage /> },
        { path: CONFLICTS_PATH.slice(1), element: <ConflictInboxPage /> },
        { path: DEVICES_PAGE_PATH.slice(1), element: <DevicesPage /> },
        ...followUpRoutes,
        ...approvalRoutes,
        ...nominationRoutes,
        ...placementRoutes,
        ...distributionRoutes,
        ...courseDeliveryRoutes,
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
