import type { RouteObject } from 'react-router';
import { ActivitiesPage } from './activities/activities-page';
import { ActivityPage, NewActivityPage } from './activities/activity-page';
import { ActivityBoardPage, BoardPage } from './board/board-page';
import { OrderCasePage } from './orders/order-case-page';
import { ACTIVITIES_PATH, BOARD_PATH, NEW_ACTIVITY_PATH, ORDERS_PATH } from './placement-path';

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
