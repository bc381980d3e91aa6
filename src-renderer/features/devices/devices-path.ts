/** The devices page (own devices; every user's for account administrators). */
export const DEVICES_PAGE_PATH = '/devices';
