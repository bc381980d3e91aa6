import type { RouteObject } from 'react-router';
import { NominationCasePage } from './nomination-case-page';
import { NOMINATION_PATH } from './nomination-path';
import { NominationQueuePage } from './nomination-queue-page';

/** The nomination screens, as children of the app's routed frame. */
export const nominationRoutes: RouteObject[] = [
  { path: NOMINATION_PATH.slice(1), element: <NominationQueuePage /> },
  { path: `${NOMINATION_PATH.slice(1)}/:id`, element: <NominationCasePage /> },
];
