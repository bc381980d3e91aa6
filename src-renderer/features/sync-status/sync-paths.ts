/** Routes of the sync page and the conflict inbox. */
export const SYNC_PATH = '/sync';
export const CONFLICTS_PATH = '/conflicts';
