/** Where the nomination screens live in the app's (hash) routes. */
export const NOMINATION_PATH = '/nomination';

export const nominationCasePath = (id: string) => `${NOMINATION_PATH}/${encodeURIComponent(id)}`;
