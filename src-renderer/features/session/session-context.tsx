import { createContext, useContext } from 'react';
import type { SessionUser } from '../../../src-shared/ipc/session.contract';

export interface SessionControls {
  user: SessionUser;
  lock(): void;
  logout(): Promise<void>;
}

/** The signed-in session; null in demo mode (local demo data, nobody signed in). */
export const SessionContext = createContext<SessionControls | null>(null);

export function useSession(): SessionControls | null {
  return useContext(SessionContext);
}

/** Who writes a change: the signed-in user, or a placeholder on local demo data. */
export const DEMO_EDITOR_ID = 'demo-local';

export function useEditorId(): string {
  return useSession()?.user.userId ?? DEMO_EDITOR_ID;
}
