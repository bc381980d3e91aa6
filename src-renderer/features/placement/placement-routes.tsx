import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';
import { ACTIVITIES_PATH, BOARD_PATH, NEW_ACTIVITY_PATH, ORDERS_PATH } from './placement-path';

const ActivitiesPage = lazyPage(() => import('./activities/activities-page'), 'ActivitiesPage');
const ActivityPage = lazyPage(() => import('./activities/activity-page'), 'ActivityPage');
const NewActivityPage = lazyPage(() => import('./activities/activity-page'), 'NewActivityPage');
const ActivityBoardPage = lazyPage(() => import('./board/board-page'), 'ActivityBoardPage');
const BoardPage = lazyPage(() => import('./board/board-page'), 'BoardPage');
const OrderCasePage = lazyPage(() => import('./orders/order-case-page'), 'OrderCasePage');

const route = (path: string) => path.slice(1);

/** The placement screens, as children of the app's routed frame (one line per screen; static paths rank before :id). */
export const placementRoutes: RouteObject[] = [
  { path: route(ACTIVITIES_PATH), element: <ActivitiesPage /> },
  { path: route(NEW_ACTIVITY_PATH), element: <NewActivityPage /> },
  { path: `${route(ACTIVITIES_PATH)}/:id`, element: <ActivityPage /> },
  { path: `${route(ACTIVITIES_PATH)}/:id/board`, element: <ActivityBoardPage /> },
  { path: route(BOARD_PATH), element: <BoardPage /> },
  { path: `${route(ORDERS_PATH)}/:id`, element: <OrderCasePage /> },
];
