import type { SyncStatusStore } from './sync-status-store';

/**
 * The first download's progress bar: documents received of the total the server announces per
 * collection, until every collection has finished its first pull.
 */
export class FirstSyncProgress {
  private readonly totals = new Map<string, number>();
  private received = 0;
  private done = false;

  constructor(private readonly status: SyncStatusStore) {}

  announced(collection: string, total: number): void {
    if (this.done) return;
    this.totals.set(collection, total);
    const current = this.status.value.firstSync;
    if (!current || current.total === 0) this.received = 0;
    this.report();
  }

  pulled(documents: number): void {
    if (this.done || !this.status.value.firstSync) return;
    this.received += documents;
    this.report();
  }

  finish(): void {
    this.done = true;
    this.status.update({ firstSync: null });
  }

  private report(): void {
    let total = 0;
    for (const value of this.totals.values()) total += value;
    this.status.update({ firstSync: { received: Math.min(this.received, total), total } });
  }
}
