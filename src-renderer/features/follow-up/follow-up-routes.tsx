import type { RouteObject } from 'react-router';
import { ConcernReportPage } from './concern-report-page';
import { FollowUpCasePage } from './follow-up-case-page';
import { FollowUpQueuePage } from './follow-up-queue-page';
import { FOLLOW_UP_PATH } from './follow-up-path';

/** The follow-up screens, as children of the app's routed frame. */
export const followUpRoutes: RouteObject[] = [
  { path: FOLLOW_UP_PATH.slice(1), element: <FollowUpQueuePage /> },
  { path: `${FOLLOW_UP_PATH.slice(1)}/report`, element: <ConcernReportPage /> },
  { path: `${FOLLOW_UP_PATH.slice(1)}/:id`, element: <FollowUpCasePage /> },
];
