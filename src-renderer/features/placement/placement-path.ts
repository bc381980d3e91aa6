/** Where the placement screens live in the app's (hash) routes. */
export const PLACEMENT_PATH = '/placement';
export const ACTIVITIES_PATH = `${PLACEMENT_PATH}/activities`;
export const NEW_ACTIVITY_PATH = `${ACTIVITIES_PATH}/new`;
export const BOARD_PATH = `${PLACEMENT_PATH}/board`;
export const ORDERS_PATH = `${PLACEMENT_PATH}/orders`;

export const activityPath = (id: string) => `${ACTIVITIES_PATH}/${encodeURIComponent(id)}`;
export const activityBoardPath = (id: string) => `${activityPath(id)}/board`;
/** The distribution page of an activity (its own module, features/placement/distribution). */
export const distributionPath = (id: string) => `${activityPath(id)}/distribution`;
export const orderPath = (id: string) => `${ORDERS_PATH}/${encodeURIComponent(id)}`;
