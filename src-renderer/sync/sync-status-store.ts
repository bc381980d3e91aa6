import { BehaviorSubject, type Observable } from 'rxjs';
import type { SyncIssue } from '../../src-shared/sync/sync-issue.schema';
import { initialSyncStatus, mergeItems, type ItemStatus, type SyncStatus } from './sync-status';

/**
 * The one place the sync status is kept. Everything else reports to it: reachability, which
 * collections are exchanging now, what is unsent and what the conflict inbox holds.
 */
export class SyncStatusStore {
  private readonly subject = new BehaviorSubject<SyncStatus>(initialSyncStatus);
  readonly status$: Observable<SyncStatus> = this.subject.asObservable();
  /** Collections replicating right now. */
  private readonly active = new Set<string>();

  get value(): SyncStatus {
    return this.subject.value;
  }

  update(patch: Partial<SyncStatus>): void {
    this.subject.next({ ...this.subject.value, ...patch });
  }

  /** The server answered: online again (syncing or idle, by what runs). */
  reachable(): void {
    if (!this.value.online || this.value.phase === 'offline') this.update({ online: true, phase: this.phaseOfActivity(), error: null });
  }

  /** A collection started or stopped exchanging; the phase follows while online and running. */
  setActive(collection: string, active: boolean, halted: boolean): void {
    if (active) this.active.add(collection);
    else this.active.delete(collection);
    if (!halted && this.value.online) this.update({ phase: this.phaseOfActivity() });
  }

  /** The unsent documents and the open inbox entries, one item per document. */
  setItems(pending: { collection: string; id: string }[], openIssues: SyncIssue[]): void {
    this.update({ items: mergeItems(pending, openIssues.map(itemOfIssue)), unsyncedCount: pending.length });
  }

  complete(): void {
    this.subject.complete();
  }

  private phaseOfActivity(): 'syncing' | 'idle' {
    return this.active.size ? 'syncing' : 'idle';
  }
}

function itemOfIssue(issue: SyncIssue): ItemStatus {
  return {
    collection: issue.collectionName,
    id: issue.documentId,
    state: issue.kind,
    issueId: issue.id,
    ...(issue.reason ? { reason: issue.reason } : {}),
    ...(issue.code ? { code: issue.code } : {}),
    ...(issue.message ? { message: issue.message } : {}),
  };
}
