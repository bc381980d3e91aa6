import { Subject } from 'rxjs';
import type { SaksflytApi } from '../../../src-shared/ipc/channels';
import type { SessionErrorCode, SessionGrant, SignedInView } from '../../../src-shared/ipc/session.contract';
import { unwrap } from '../../../src-shared/kernel/result';
import { openSaksflytDatabase, type SaksflytDatabase } from '../../db/database';
import { startReplication, type SyncHandle } from '../../sync/start-replication';
import { createSyncControls, type SyncControls } from '../sync-status/sync-context';
import { AccessTokens } from './access-tokens';

/** The signed-in user's local replica and its replication with the central server. */
export interface SignedInReplica {
  readonly replicaId: string;
  readonly db: SaksflytDatabase;
  readonly sync: SyncHandle;
  readonly tokens: AccessTokens;
  /** What the status bar, the sync page and the conflict inbox work with. */
  readonly syncControls: SyncControls;
  /** The main process said the session is over (expired, revoked, disabled). */
  readonly ended$: Subject<SessionErrorCode>;
  /** Stops sync and closes the database; the replica stays on disk, encrypted (sign-out, lock). */
  close(): Promise<void>;
  /** Stops sync and deletes the replica (this device was revoked). */
  wipe(): Promise<void>;
}

export interface OpenReplicaOptions {
  api: SaksflytApi;
  session: SignedInView;
  /** The access token of the sign-in or unlock that opened it, if any. */
  grant: Pick<SessionGrant, 'accessToken' | 'accessTokenExpiresAt'> | null;
  periodicSyncMs: number;
}

/** Each user on each server has a database of their own; nothing seeded locally lives in it. */
export function replicaDatabaseName(replicaId: string): string {
  return `saksflyt-r-${replicaId}`;
}

const open = new Map<string, Promise<SignedInReplica>>();

/**
 * Opens (once per replica id) the database and starts replication. The same promise is returned
 * while it is open, so re-renders and React's strict mode never open a second instance. The key
 * is asked for here, after sign-in or unlock: the main process refuses it to a locked session.
 */
export function openSignedInReplica(options: OpenReplicaOptions): Promise<SignedInReplica> {
  const { replicaId } = options.session;
  let pending = open.get(replicaId);
  if (!pending) {
    pending = start(options);
    open.set(replicaId, pending);
    pending.catch(() => open.delete(replicaId));
  }
  return pending;
}

async function start(options: OpenReplicaOptions): Promise<SignedInReplica> {
  const { session } = options;
  const ended$ = new Subject<SessionErrorCode>();
  const tokens = new AccessTokens(options.api, options.grant ?? { accessToken: null, accessTokenExpiresAt: null }, (code) => ended$.next(code));
  const key = unwrap(await options.api.localDbKey()).key;
  const db = await openSaksflytDatabase({ key, name: replicaDatabaseName(session.replicaId) });
  let sync: SyncHandle;
  try {
    sync = await startReplication(db, {
      baseUrl: session.serverUrl.replace(/\/+$/, ''),
      auth: tokens,
      userId: session.user.userId,
      periodicSyncMs: options.periodicSyncMs,
      // One window per app; the leader-election plugin is not loaded.
      waitForLeadership: false,
    });
  } catch (error) {
    await db.close();
    throw error;
  }
  const controls = createSyncControls(sync, tokens.reachable$);
  let closing: Promise<void> | undefined;
  const shutDown = (andThen: () => Promise<unknown>) =>
    (closing ??= (async () => {
      controls.stop();
      await sync.stop();
      await andThen();
      open.delete(session.replicaId);
    })());
  return {
    replicaId: session.replicaId,
    db,
    sync,
    tokens,
    syncControls: controls.controls,
    ended$,
    close: () => shutDown(async () => (db.closed ? undefined : db.close())),
    wipe: () => shutDown(async () => (db.closed ? undefined : db.remove())),
  };
}
