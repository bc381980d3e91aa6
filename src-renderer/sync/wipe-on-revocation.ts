import type { HaltState } from './halt-state';
import type { SyncStatus } from './sync-status';
import type { SyncStatusStore } from './sync-status-store';

export interface WipeContext {
  /** Removes the local database with everything in it. */
  removeDatabase(): Promise<unknown>;
  status: SyncStatusStore;
  halt: HaltState;
  /** Ends every replication (RxDB cancel). */
  cancelReplications(): Promise<unknown>;
  stopTimers(): void;
  onWiped?(): void;
}

/** The server revoked this device: stop syncing and remove the local replica, once. */
export function wipeOnRevocation(context: WipeContext): (error: SyncStatus['error']) => Promise<void> {
  return async (error) => {
    if (context.status.value.phase === 'revoked') return;
    context.status.update({ phase: 'revoked', error, unsyncedCount: 0, items: [], firstSync: null });
    context.halt.halt();
    context.stopTimers();
    await context.cancelReplications();
    await context.removeDatabase();
    context.onWiped?.();
  };
}
