/** Where the nomination screens live in the app's (hash) routes. */
export const NOMINATION_PATH = '/nomination';

export const nominationCasePath = (id: string) => `${NOMINATION_PATH}/${encodeURIComponent(id)}`;
export const NOMINATION_ON_BEHALF_PATH = `${NOMINATION_PATH}/on-behalf`;
export const NOMINATION_EWP_PATH = `${NOMINATION_PATH}/ewp`;
