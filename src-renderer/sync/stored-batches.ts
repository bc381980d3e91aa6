import { filter, firstValueFrom, map, merge, Subject, timer, type Observable, type Subscription } from 'rxjs';
import type { RxStorageInstance } from 'rxdb';

/** What of a replication `StoredBatches` watches: its replication records, failures and end. */
export interface DownstreamSignals {
  /** RxDB's replication-record instance (set once the replication has started). */
  metaInstance?: Pick<RxStorageInstance<unknown, unknown, unknown>, 'changeStream'>;
  error$: Observable<unknown>;
  /** Emits true once the replication is cancelled. */
  canceled$: Observable<boolean>;
}

/** A pull waits this long at most for a write that does not come (a batch RxDB dropped). */
export const STORE_WAIT_MS = 5000;

/**
 * Holds a pull back until RxDB has stored what it was given before. RxDB's downstream asks for
 * the next batch without waiting for the last to be written, and merges what waits into one
 * write: a download faster than IndexedDB kept the whole first sync in memory (at 100,000 cases
 * the page grew past 6 GB and the writes stalled), in ever larger transactions. A batch counts as
 * stored when RxDB writes the checkpoint that came with it, which it does after the documents and
 * their replication records.
 */
export class StoredBatches {
  /** Checkpoints handed to RxDB and not seen stored, oldest first. */
  private readonly unstored: string[] = [];
  private readonly progress = new Subject<void>();
  private watching: Subscription | undefined;

  /** `ahead`: batches that may wait to be stored while the next one downloads. */
  constructor(
    private readonly signals: () => DownstreamSignals | undefined,
    private readonly ahead = 1,
  ) {}

  /** RxDB was given documents up to `seq` (a pull's batch or a live event's). */
  handedOver(seq: string): void {
    if (!this.watch()) return;
    this.unstored.push(seq);
  }

  /** Resolves once at most `ahead` batches wait to be stored, or the replication failed or ended. */
  async ready(): Promise<void> {
    const signals = this.signals();
    if (!signals) return;
    while (this.unstored.length > this.ahead) {
      const outcome = await firstValueFrom(
        merge(
          this.progress.pipe(map(() => 'stored' as const)),
          signals.error$.pipe(map(() => 'failed' as const)),
          signals.canceled$.pipe(
            filter(Boolean),
            map(() => 'ended' as const),
          ),
          timer(STORE_WAIT_MS).pipe(map(() => 'no write' as const)),
        ),
        { defaultValue: 'ended' as const },
      );
      // What waits may never be written (a failed or dropped batch): stop counting it.
      if (outcome !== 'stored') this.unstored.length = 0;
    }
  }

  stop(): void {
    this.watching?.unsubscribe();
  }

  private watch(): boolean {
    if (this.watching) return true;
    const meta = this.signals()?.metaInstance;
    if (!meta) return false;
    this.watching = meta
      .changeStream()
      .pipe(filter((bulk) => bulk.events.length > 0))
      .subscribe((bulk) => {
        for (const event of bulk.events) {
          const record = event.documentData as { isCheckpoint?: string; itemId?: string; checkpointData?: { seq?: string } };
          if (record.isCheckpoint === '1' && record.itemId === 'down' && record.checkpointData?.seq) this.stored(record.checkpointData.seq);
        }
      });
    return true;
  }

  /** Everything handed over up to `seq` is stored (RxDB writes in the order it was given). */
  private stored(seq: string): void {
    const index = this.unstored.lastIndexOf(seq);
    if (index < 0) return;
    this.unstored.splice(0, index + 1);
    this.progress.next(undefined);
  }
}
