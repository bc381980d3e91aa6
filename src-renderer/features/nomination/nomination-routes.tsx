import type { RouteObject } from 'react-router';
import { EwpInboxPage } from './ewp-inbox-page';
import { NominationCasePage } from './nomination-case-page';
import { NOMINATION_EWP_PATH, NOMINATION_ON_BEHALF_PATH, NOMINATION_PATH } from './nomination-path';
import { NominationQueuePage } from './nomination-queue-page';
import { offerRoutes } from './offers/offer-routes';
import { OnBehalfPage } from './on-behalf-page';

/** The nomination screens, as children of the app's routed frame. */
export const nominationRoutes: RouteObject[] = [
  ...offerRoutes,
  { path: NOMINATION_PATH.slice(1), element: <NominationQueuePage /> },
  { path: NOMINATION_ON_BEHALF_PATH.slice(1), element: <OnBehalfPage /> },
  { path: NOMINATION_EWP_PATH.slice(1), element: <EwpInboxPage /> },
  { path: `${NOMINATION_PATH.slice(1)}/:id`, element: <NominationCasePage /> },
];
