import { createHashRouter } from 'react-router';
import { approvalRoutes } from '../features/approval/approval-routes';
import { CasePage } from '../features/case/case-page';
import { ConflictInboxPage } from '../features/conflicts/conflict-inbox-page';
import { courseDeliveryRoutes } from '../features/course-delivery/course-delivery-routes';
import { DevicesPage } from '../features/devices/devices-page';
import { DEVICES_PAGE_PATH } from '../features/devices/devices-path';
import { followUpRoutes } from '../features/follow-up/follow-up-routes';
import { nominationRoutes } from '../features/nomination/nomination-routes';
import { distributionRoutes } from '../features/placement/distribution/distribution-routes';
import { placementRoutes } from '../features/placement/placement-routes';
import { CaseOverviewPage } from '../features/overview/case-overview-page';
import { SettingsPage } from '../features/settings/settings-page';
import { MyTasksPage } from '../features/tasks/my-tasks-page';
import { TASKS_PATH } from '../features/tasks/tasks-path';
import { SyncPage } from '../features/sync-status/sync-page';
import { CONFLICTS_PATH, SYNC_PATH } from '../features/sync-status/sync-paths';
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
