import { NOMINATION_PATH } from '../nomination-path';

/** Where the offer screens live in the app's (hash) routes. */
export const OFFERS_PATH = `${NOMINATION_PATH}/offers`;
export const NEW_OFFER_PATH = `${OFFERS_PATH}/new`;

export const offerPath = (id: string) => `${OFFERS_PATH}/${encodeURIComponent(id)}`;
