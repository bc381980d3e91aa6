import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../app/lazy-page';
import { NEW_OFFER_PATH, OFFERS_PATH } from './offer-path';

const NewOfferPage = lazyPage(() => import('./offer-page'), 'NewOfferPage');
const OfferPage = lazyPage(() => import('./offer-page'), 'OfferPage');
const OffersPage = lazyPage(() => import('./offers-page'), 'OffersPage');

/** The offer screens, as children of the app's routed frame (static paths rank before /nomination/:id). */
export const offerRoutes: RouteObject[] = [
  { path: OFFERS_PATH.slice(1), element: <OffersPage /> },
  { path: NEW_OFFER_PATH.slice(1), element: <NewOfferPage /> },
  { path: `${OFFERS_PATH.slice(1)}/:id`, element: <OfferPage /> },
];
