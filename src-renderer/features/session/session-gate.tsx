import { Suspense, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SaksflytApi } from '../../../src-shared/ipc/channels';
import type { SessionGrant, SessionView, SignedOutReason } from '../../../src-shared/ipc/session.contract';
import { AppProviders } from '../../app/providers';
import { StartupScreen } from '../../app/startup-screen';
import { useAppStore } from '../../app/store';
import { SyncContext } from '../sync-status/sync-context';
import { LockScreen } from './lock-screen';
import { LoginPage } from './login-page';
import { OidcLockScreen } from './oidc-lock-screen';
import { SessionContext, type SessionControls } from './session-context';
import { leaveAndForget } from './leave-and-forget';
import { openSignedInReplica, type SignedInReplica } from './signed-in-replica';
import { ServerApi, ServerApiContext } from './server-api';
import { useIdleLock } from './use-idle-lock';
import { oidcProviderIdOf } from './use-oidc-providers';

export interface SessionGateProps {
  api: SaksflytApi;
  session: SessionView;
  serverUrl: string;
  /** The routed app, shown while signed in and unlocked. */
  children: ReactNode;
}

type ActiveView = Extract<SessionView, { state: 'active' }>;

const activeView = (grant: SessionGrant): ActiveView => ({
  state: 'active',
  user: grant.user,
  serverUrl: grant.serverUrl,
  replicaId: grant.replicaId,
  provider: grant.provider,
});

/**
 * Signed-in mode: sign-in, then the user's own replica (filled and kept in step by sync), the
 * idle lock and sign-out. The replica opens only while the session is active; locking closes it
 * and reloads the page (leave-and-forget.ts), so behind the lock screen the renderer holds no
 * key and no decrypted data, and nothing syncs until the next unlock.
 */
export function SessionGate({ api, session, serverUrl, children }: SessionGateProps) {
  const [view, setView] = useState<SessionView>(session);
  const [grant, setGrant] = useState<SessionGrant | null>(null);
  const [lastServerUrl, setLastServerUrl] = useState(serverUrl);
  /** Locking or signing out: the replica closes and the page reloads; nothing of the case data stays on screen meanwhile. */
  const [leaving, setLeaving] = useState(false);

  const signIn = useCallback((next: SessionGrant) => {
    setGrant(next);
    setLastServerUrl(next.serverUrl);
    setView(activeView(next));
  }, []);

  /** Back to sign-in with what the main process says (it knows why the session ended). */
  const showSignedOut = useCallback(
    async (fallback: SignedOutReason) => {
      const current = await api.sessionCurrent();
      setGrant(null);
      setView(current.ok && current.value.state === 'signed-out' ? current.value : { state: 'signed-out', reason: fallback });
    },
    [api],
  );

  const signOutFromLock = useCallback(async () => {
    const result = await api.sessionLogout();
    setGrant(null);
    setView(result.ok ? result.value : { state: 'signed-out', reason: 'logged-out' });
  }, [api]);

  if (leaving) return <StartupScreen status="closing" />;
  if (view.state === 'signed-out') {
    return <LoginPage api={api} serverUrl={lastServerUrl} reason={view.reason} lastUsername={view.lastUsername} onSignedIn={signIn} />;
  }
  if (view.state === 'locked') {
    const oidcProviderId = oidcProviderIdOf(view.provider);
    if (oidcProviderId) {
      return <OidcLockScreen api={api} user={view.user} providerId={oidcProviderId} onUnlocked={signIn} onSignedOut={() => void signOutFromLock()} />;
    }
    return <LockScreen api={api} user={view.user} onUnlocked={signIn} onSignedOut={() => void signOutFromLock()} />;
  }
  return (
    <Suspense fallback={<StartupScreen />}>
      <SignedIn api={api} view={view} grant={grant} onLeaving={() => setLeaving(true)} onEnded={showSignedOut}>
        {children}
      </SignedIn>
    </Suspense>
  );
}

interface SignedInProps {
  api: SaksflytApi;
  view: ActiveView;
  grant: SessionGrant | null;
  /** Called as the app starts to leave (lock, sign-out), before the page reloads. */
  onLeaving(): void;
  onEnded(fallback: SignedOutReason): Promise<void>;
  children: ReactNode;
}

function SignedIn({ api, view, grant, onLeaving, onEnded, children }: SignedInProps) {
  const syncIntervalMinutes = useAppStore((state) => state.syncIntervalMinutes);
  const idleLockMinutes = useAppStore((state) => state.idleLockMinutes);
  // Held for this mount: after sign-out closes the replica, a late re-render must not reopen it.
  const [opening] = useState(() => openSignedInReplica({ api, session: view, grant, periodicSyncMs: syncIntervalMinutes * 60_000 }));
  const replica = use(opening);

  useEffect(() => {
    if (grant) replica.tokens.offer(grant);
  }, [replica, grant]);

  useEffect(() => replica.sync.setPeriodicSync(syncIntervalMinutes * 60_000), [replica, syncIntervalMinutes]);

  useSessionEnd(replica, onEnded);
  const serverApi = useMemo(() => new ServerApi(view.serverUrl, replica.tokens), [view.serverUrl, replica]);

  const lock = useCallback(() => {
    onLeaving();
    void leaveAndForget(replica, () => api.sessionLock());
  }, [api, onLeaving, replica]);

  const controls = useMemo<SessionControls>(
    () => ({
      user: view.user,
      lock,
      async logout() {
        // Changes still on their way get a moment to reach the server; the rest stay in the encrypted replica.
        if (replica.sync.status.online && replica.sync.status.unsyncedCount > 0) await replica.sync.syncNow(5_000);
        onLeaving();
        await leaveAndForget(replica, () => api.sessionLogout());
      },
    }),
    [api, lock, onLeaving, replica, view.user],
  );

  useIdleLock(true, idleLockMinutes, lock);

  return (
    <SessionContext value={controls}>
      <SyncContext value={replica.syncControls}>
        <ServerApiContext value={serverApi}>
          <AppProviders api={api} db={replica.db}>
            {children}
          </AppProviders>
        </ServerApiContext>
      </SyncContext>
    </SessionContext>
  );
}

/**
 * The session can end behind the user's back: the main process finds it expired or the device
 * revoked when refreshing a token, or the replication is told so by the server. The replica is
 * closed (or, for a revoked device, deleted) and sign-in is shown.
 */
function useSessionEnd(replica: SignedInReplica, onEnded: (fallback: SignedOutReason) => Promise<void>) {
  useEffect(() => {
    const fromTokens = replica.ended$.subscribe((code) => {
      void (code === 'device-revoked' ? replica.wipe() : replica.close()).then(() => onEnded(code === 'device-revoked' ? 'device-revoked' : 'expired'));
    });
    const fromSync = replica.sync.status$.subscribe((status) => {
      if (status.phase !== 'revoked' && status.phase !== 'signed-out') return;
      // The server refused this session during sync (the replication already deleted a revoked
      // replica): one more refresh lets the main process learn why, then sign-in is shown.
      const ending = status.phase === 'revoked' ? 'device-revoked' : 'expired';
      void replica.tokens
        .refresh()
        .catch(() => null)
        .then(() => (ending === 'device-revoked' ? replica.wipe() : replica.close()))
        .then(() => onEnded(ending));
    });
    return () => {
      fromTokens.unsubscribe();
      fromSync.unsubscribe();
    };
  }, [replica, onEnded]);
}
