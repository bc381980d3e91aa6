import { Suspense, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SaksflytApi } from '../../../src-shared/ipc/channels';
import type { SessionGrant, SessionView, SignedInView, SignedOutReason } from '../../../src-shared/ipc/session.contract';
import { AppProviders } from '../../app/providers';
import { StartupScreen } from '../../app/startup-screen';
import { useAppStore } from '../../app/store';
import { SyncContext } from '../sync-status/sync-context';
import { LockScreen } from './lock-screen';
import { LoginPage } from './login-page';
import { SessionContext, type SessionControls } from './session-context';
import { isReplicaOpen, openSignedInReplica, type SignedInReplica } from './signed-in-replica';
import { ServerApi, ServerApiContext } from './server-api';
import { useIdleLock } from './use-idle-lock';

export interface SessionGateProps {
  api: SaksflytApi;
  /** The local encryption key (main process's secure store). */
  dbKey: string;
  session: SessionView;
  serverUrl: string;
  /** The routed app, shown while signed in and unlocked. */
  children: ReactNode;
}

const activeView = (grant: SessionGrant): SignedInView => ({
  state: 'active',
  user: grant.user,
  serverUrl: grant.serverUrl,
  replicaId: grant.replicaId,
  provider: grant.provider,
});

/**
 * Signed-in mode: sign-in, then the user's own replica (filled and kept in step by sync), the
 * idle lock and sign-out. While locked only the lock screen is rendered, so no case data is on
 * the page; the replica and its sync keep running behind it.
 */
export function SessionGate({ api, dbKey, session, serverUrl, children }: SessionGateProps) {
  const [view, setView] = useState<SessionView>(session);
  const [grant, setGrant] = useState<SessionGrant | null>(null);
  const [lastServerUrl, setLastServerUrl] = useState(serverUrl);

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

  if (view.state === 'signed-out') {
    return <LoginPage api={api} serverUrl={lastServerUrl} reason={view.reason} lastUsername={view.lastUsername} onSignedIn={signIn} />;
  }
  if (view.state === 'locked' && !isReplicaOpen(view.replicaId)) {
    return <LockScreen api={api} user={view.user} onUnlocked={signIn} onSignedOut={() => void signOutFromLock()} />;
  }
  return (
    <Suspense fallback={<StartupScreen />}>
      <SignedIn api={api} dbKey={dbKey} view={view} grant={grant} onView={setView} onGrant={signIn} onEnded={showSignedOut}>
        {children}
      </SignedIn>
    </Suspense>
  );
}

interface SignedInProps {
  api: SaksflytApi;
  dbKey: string;
  view: SignedInView;
  grant: SessionGrant | null;
  onView(view: SessionView): void;
  onGrant(grant: SessionGrant): void;
  onEnded(fallback: SignedOutReason): Promise<void>;
  children: ReactNode;
}

function SignedIn({ api, dbKey, view, grant, onView, onGrant, onEnded, children }: SignedInProps) {
  const syncIntervalMinutes = useAppStore((state) => state.syncIntervalMinutes);
  const idleLockMinutes = useAppStore((state) => state.idleLockMinutes);
  // Held for this mount: after sign-out closes the replica, a late re-render must not reopen it.
  const [opening] = useState(() => openSignedInReplica({ api, key: dbKey, session: view, grant, periodicSyncMs: syncIntervalMinutes * 60_000 }));
  const replica = use(opening);

  useEffect(() => {
    if (grant) replica.tokens.offer(grant);
  }, [replica, grant]);

  useEffect(() => replica.sync.setPeriodicSync(syncIntervalMinutes * 60_000), [replica, syncIntervalMinutes]);

  useSessionEnd(replica, onEnded);
  const serverApi = useMemo(() => new ServerApi(view.serverUrl, replica.tokens), [view.serverUrl, replica]);

  const lock = useCallback(() => {
    void api.sessionLock().then((result) => onView(result.ok ? result.value : { ...view, state: 'locked' }));
  }, [api, onView, view]);

  const controls = useMemo<SessionControls>(
    () => ({
      user: view.user,
      lock,
      async logout() {
        // Changes still on their way get a moment to reach the server; the rest stay in the encrypted replica.
        if (replica.sync.status.online && replica.sync.status.unsyncedCount > 0) await replica.sync.syncNow(5_000);
        await replica.close();
        const result = await api.sessionLogout();
        onView(result.ok ? result.value : { state: 'signed-out', reason: 'logged-out' });
      },
    }),
    [api, lock, onView, replica, view.user],
  );

  useIdleLock(view.state === 'active', idleLockMinutes, lock);

  if (view.state === 'locked') {
    return <LockScreen api={api} user={view.user} onUnlocked={onGrant} onSignedOut={() => void controls.logout()} />;
  }
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
