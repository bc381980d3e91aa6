import type { HaltState } from './halt-state';
import type { SyncStatus } from './sync-status';
import type { SyncStatusStore } from './sync-status-store';
import type { SyncRequestError } from './sync-transport';

type ErrorDetail = NonNullable<SyncStatus['error']>;

const SESSION_ENDED = new Set(['signed-out', 'unauthenticated', 'user-disabled', 'refresh-reused']);

export interface FailureContext {
  status: SyncStatusStore;
  halt: HaltState;
  /** Pauses every replication (RxDB pause; `start` continues it). */
  pauseReplications(): Promise<unknown>;
  /** This device was revoked: remove the local replica. */
  wipe(error: ErrorDetail): Promise<void>;
}

/**
 * What a failed request means for sync: the network or the server away → offline (RxDB retries);
 * the session over or the app outdated → halted until a new sign-in or an update; the device
 * revoked → the replica is wiped; anything else is shown and the replication goes on.
 */
export function failureHandler(context: FailureContext): (error: SyncRequestError) => Promise<void> {
  const { status, halt } = context;

  async function haltAs(phase: 'signed-out' | 'outdated', error: ErrorDetail) {
    if (halt.halted) return;
    status.update({ phase, error });
    halt.halt();
    await context.pauseReplications();
  }

  return async (failure) => {
    const error = { code: failure.code, message: failure.message };
    if (failure.transient) return status.update({ online: false, phase: halt.halted ? status.value.phase : 'offline', error });
    if (failure.code === 'device-revoked') return context.wipe(error);
    if (SESSION_ENDED.has(failure.code)) return haltAs('signed-out', error);
    if (failure.code === 'schema-outdated') return haltAs('outdated', error);
    status.update({ online: true, error });
  };
}
