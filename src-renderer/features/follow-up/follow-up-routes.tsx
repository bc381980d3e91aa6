import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';
import { FOLLOW_UP_PATH } from './follow-up-path';

const ConcernReportPage = lazyPage(() => import('./concern-report-page'), 'ConcernReportPage');
const FollowUpCasePage = lazyPage(() => import('./follow-up-case-page'), 'FollowUpCasePage');
const FollowUpQueuePage = lazyPage(() => import('./follow-up-queue-page'), 'FollowUpQueuePage');

/** The follow-up screens, as children of the app's routed frame. */
export const followUpRoutes: RouteObject[] = [
  { path: FOLLOW_UP_PATH.slice(1), element: <FollowUpQueuePage /> },
  { path: `${FOLLOW_UP_PATH.slice(1)}/report`, element: <ConcernReportPage /> },
  { path: `${FOLLOW_UP_PATH.slice(1)}/:id`, element: <FollowUpCasePage /> },
];
