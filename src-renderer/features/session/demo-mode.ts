import { DEFAULT_DEMO_CASES } from '../../db/demo-options';

/**
 * Demo mode: the app runs on generated demo data in a local database of its own that is never
 * replicated, so seeded documents can never reach a server. `?demoCases=N` enters it (tests,
 * benchmarks, "explore with demo data" on the login screen); it stays for this window's session,
 * so in-app navigation that drops the query keeps it. Without it the app signs in and its
 * database is filled by sync only.
 */
const DEMO_FLAG = 'saksflyt.demo-mode';
export const DEMO_DATABASE_NAME = 'saksflyt-demo';

export function isDemoMode(location: { search: string }, storage: Pick<Storage, 'getItem' | 'setItem'> = sessionStorage): boolean {
  if (new URLSearchParams(location.search).has('demoCases')) {
    storage.setItem(DEMO_FLAG, 'on');
    return true;
  }
  return storage.getItem(DEMO_FLAG) === 'on';
}

/** The address that opens demo mode with the default amount of demo data. */
export function demoModeHref(): string {
  return `?demoCases=${DEFAULT_DEMO_CASES}`;
}

/** Leaves demo mode and reloads into sign-in (the demo database stays for a later visit). */
export function leaveDemoMode(storage: Pick<Storage, 'removeItem'> = sessionStorage): void {
  storage.removeItem(DEMO_FLAG);
  window.location.assign(window.location.pathname);
}
