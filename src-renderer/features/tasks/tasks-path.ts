/** Where "Mine oppgaver" lives in the app's (hash) routes. */
export const TASKS_PATH = '/tasks';
