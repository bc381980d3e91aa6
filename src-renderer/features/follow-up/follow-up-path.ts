/** Where the follow-up screens live in the app's (hash) routes. */
export const FOLLOW_UP_PATH = '/follow-up';

export const followUpCasePath = (id: string) => `${FOLLOW_UP_PATH}/${encodeURIComponent(id)}`;
