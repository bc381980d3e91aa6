import type { RouteObject } from 'react-router';
import { ApprovalCasePage } from './approval-case-page';
import { APPROVAL_PATH } from './approval-path';
import { ApprovalQueuePage } from './approval-queue-page';

/** The approval screens, as children of the app's routed frame. */
export const approvalRoutes: RouteObject[] = [
  { path: APPROVAL_PATH.slice(1), element: <ApprovalQueuePage /> },
  { path: `${APPROVAL_PATH.slice(1)}/:id`, element: <ApprovalCasePage /> },
];
