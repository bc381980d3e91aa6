import type { RejectionReason } from '../../src-shared/sync/push.schema';
import type { SyncIssueKind } from '../../src-shared/sync/sync-issue.schema';

/** Where one document stands. Only documents not `synced` appear in `SyncStatus.items`. */
export type ItemSyncState = 'pending' | 'synced' | SyncIssueKind;

export interface ItemStatus {
  collection: string;
  id: string;
  state: Exclude<ItemSyncState, 'synced'>;
  reason?: RejectionReason;
  code?: string;
  message?: string;
  /** The conflict-inbox entry to open for this item. */
  issueId?: string;
}

/**
 * - `starting`: not yet talked to the server.
 * - `syncing`: exchanging changes now.
 * - `idle`: connected, nothing to exchange.
 * - `offline`: the server cannot be reached; changes are kept and sent later.
 * - `signed-out`: the session ended; sign in to continue (nothing is lost).
 * - `revoked`: this device was revoked; its local data was removed.
 * - `outdated`: the app is older than the server; update it to sync (changes stay on this computer).
 * - `stopped`: replication was stopped by the app.
 */
export type SyncPhase = 'starting' | 'syncing' | 'idle' | 'offline' | 'signed-out' | 'revoked' | 'outdated' | 'stopped';

export interface SyncStatus {
  phase: SyncPhase;
  /** The server answered the latest request. */
  online: boolean;
  /** When a complete exchange last finished with nothing left unsent (ISO), or null. */
  lastSuccessfulSync: string | null;
  /** Local changes the server has not confirmed yet. */
  unsyncedCount: number;
  items: ItemStatus[];
  /** Progress of the first download (documents received of those announced), null when not in one. */
  firstSync: { received: number; total: number } | null;
  /** The latest problem, for the status bar's detail text. */
  error: { code: string; message: string } | null;
}

export const initialSyncStatus: SyncStatus = {
  phase: 'starting',
  online: false,
  lastSuccessfulSync: null,
  unsyncedCount: 0,
  items: [],
  firstSync: null,
  error: null,
};

/** Precedence when a document has several states (a refused change outranks a pending one). */
const rank: Record<ItemStatus['state'], number> = { quarantined: 4, rejected: 3, conflict: 2, pending: 1 };

export function mergeItems(pending: { collection: string; id: string }[], issues: ItemStatus[]): ItemStatus[] {
  const byKey = new Map<string, ItemStatus>();
  for (const item of [...pending.map((p) => ({ ...p, state: 'pending' as const })), ...issues]) {
    const key = `${item.collection}\u0000${item.id}`;
    const existing = byKey.get(key);
    if (!existing || rank[item.state] > rank[existing.state]) byKey.set(key, item);
  }
  return [...byKey.values()];
}
