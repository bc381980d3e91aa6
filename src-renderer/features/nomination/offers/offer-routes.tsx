import type { RouteObject } from 'react-router';
import { NEW_OFFER_PATH, OFFERS_PATH } from './offer-path';
import { NewOfferPage, OfferPage } from './offer-page';
import { OffersPage } from './offers-page';

/** The offer screens, as children of the app's routed frame (static paths rank before /nomination/:id). */
export const offerRoutes: RouteObject[] = [
  { path: OFFERS_PATH.slice(1), element: <OffersPage /> },
  { path: NEW_OFFER_PATH.slice(1), element: <NewOfferPage /> },
  { path: `${OFFERS_PATH.slice(1)}/:id`, element: <OfferPage /> },
];
