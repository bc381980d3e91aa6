import { serverSessionSchema, type ServerSession } from '../../src-shared/auth/auth.contract';

/** The signed-in session of this browser tab (sessionStorage: gone when the tab closes). */
const KEY = 'saksflyt-portal-session';

export function loadSession(): ServerSession | undefined {
  const stored = sessionStorage.getItem(KEY);
  if (!stored) return undefined;
  try {
    const parsed = serverSessionSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: ServerSession | undefined): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
}
