import { createContext, useContext, useMemo } from 'react';
import { combineLatest, map, type Observable } from 'rxjs';
import type { SyncIssue } from '../../../src-shared/sync/sync-issue.schema';
import { useObservable } from '../../db/use-observable';
import type { SyncHandle } from '../../sync/start-replication';
import type { SyncStatus } from '../../sync/sync-status';
import { trackRecentlySynced, type SyncedItem } from './recently-synced';

export interface SyncControls {
  handle: SyncHandle;
  /** False while the main process cannot reach the server for an access token. */
  tokenReachable$: Observable<boolean>;
  /** Documents that just came back in step with the server (the sync page lists them). */
  synced$: Observable<SyncedItem[]>;
}

/** Controls for a running replication; `stop` ends the bookkeeping (call when the replica closes). */
export function createSyncControls(handle: SyncHandle, tokenReachable$: Observable<boolean>): { controls: SyncControls; stop(): void } {
  const tracker = trackRecentlySynced(handle.status$);
  return { controls: { handle, tokenReachable$, synced$: tracker.synced$ }, stop: tracker.stop };
}

/** The running replication; null in demo mode (local demo data is never synced). */
export const SyncContext = createContext<SyncControls | null>(null);

export function useSyncControls(): SyncControls | null {
  return useContext(SyncContext);
}

/**
 * The replication's status, corrected for what it cannot see itself: when no access token can
 * be had because the server is unreachable, no request went out, so it would not say "offline".
 */
export function useSyncStatus(controls: SyncControls): SyncStatus | undefined {
  const status$ = useMemo(
    () =>
      combineLatest([controls.handle.status$, controls.tokenReachable$]).pipe(
        map(([status, reachable]): SyncStatus =>
          reachable || !['starting', 'syncing', 'idle'].includes(status.phase) ? status : { ...status, phase: 'offline', online: false },
        ),
      ),
    [controls],
  );
  return useObservable(status$);
}

/** Open entries of the conflict inbox (conflicts, refused and set-aside changes), newest first. */
export function useOpenIssues(controls: SyncControls): SyncIssue[] | undefined {
  return useObservable(controls.handle.issues$);
}
