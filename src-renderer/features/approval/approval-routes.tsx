import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';
import { APPROVAL_PATH } from './approval-path';

const ApprovalCasePage = lazyPage(() => import('./approval-case-page'), 'ApprovalCasePage');
const ApprovalQueuePage = lazyPage(() => import('./approval-queue-page'), 'ApprovalQueuePage');

/** The approval screens, as children of the app's routed frame. */
export const approvalRoutes: RouteObject[] = [
  { path: APPROVAL_PATH.slice(1), element: <ApprovalQueuePage /> },
  { path: `${APPROVAL_PATH.slice(1)}/:id`, element: <ApprovalCasePage /> },
];
