import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';
import { NOMINATION_EWP_PATH, NOMINATION_ON_BEHALF_PATH, NOMINATION_PATH } from './nomination-path';
import { offerRoutes } from './offers/offer-routes';

const EwpInboxPage = lazyPage(() => import('./ewp-inbox-page'), 'EwpInboxPage');
const NominationCasePage = lazyPage(() => import('./nomination-case-page'), 'NominationCasePage');
const NominationQueuePage = lazyPage(() => import('./nomination-queue-page'), 'NominationQueuePage');
const OnBehalfPage = lazyPage(() => import('./on-behalf-page'), 'OnBehalfPage');

/** The nomination screens, as children of the app's routed frame. */
export const nominationRoutes: RouteObject[] = [
  ...offerRoutes,
  { path: NOMINATION_PATH.slice(1), element: <NominationQueuePage /> },
  { path: NOMINATION_ON_BEHALF_PATH.slice(1), element: <OnBehalfPage /> },
  { path: NOMINATION_EWP_PATH.slice(1), element: <EwpInboxPage /> },
  { path: `${NOMINATION_PATH.slice(1)}/:id`, element: <NominationCasePage /> },
];
