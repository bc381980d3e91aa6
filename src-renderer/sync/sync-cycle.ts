import { filter, firstValueFrom, from, map, merge, race, startWith, switchMap, throttleTime, timer, type BehaviorSubject, type Observable } from 'rxjs';
import type { CollectionReplication } from './collection-replication';
import type { HaltState } from './halt-state';
import type { ParentRetry } from './parent-retry';
import type { SyncStatusStore } from './sync-status-store';

export type SyncNowResult = { ok: true } | { ok: false; error: { code: string; message: string } };

export interface SyncCycleContext {
  replications: readonly CollectionReplication[];
  status: SyncStatusStore;
  halt: HaltState;
  /** Counts failed requests; a cycle that saw one is not complete. */
  failures: BehaviorSubject<number>;
  parentRetry: ParentRetry;
}

/**
 * One complete exchange ("sync now", the periodic sync, the network coming back): pushes and
 * pulls everything and resolves when done or failed — never "ok" after a timeout or a failed
 * request. Waits on RxDB's replication events and the pending changes, not by polling. The
 * timeout is for a stalled exchange: it runs from the last document received, stored or sent, so
 * a first sync that takes minutes (100,000 cases) completes as long as it moves.
 */
export function syncCycle(context: SyncCycleContext): (timeoutMs: number) => Promise<SyncNowResult> {
  const { replications, status, halt, failures, parentRetry } = context;
  const inSync = () => Promise.all(replications.map(({ replication }) => replication.awaitInSync()));
  const settle = () => Promise.all(replications.map(({ pending }) => pending.settle()));
  const unsent = () => replications.reduce((count, { pending }) => count + pending.size, 0);
  const stoppedError = (message: string) => status.value.error ?? { code: status.value.phase, message };

  /** Resolves when every local change is confirmed by the server, or a request failed, or sync halted. */
  async function allConfirmed(failuresBefore: number): Promise<void> {
    const failed$ = failures.pipe(filter((count) => count > failuresBefore));
    for (;;) {
      await settle();
      if (!unsent() || failures.value > failuresBefore || halt.halted) return;
      const next = await firstValueFrom(
        merge(
          ...replications.map(({ pending }) => pending.changed$.pipe(map(() => 'changed' as const))),
          failed$.pipe(map(() => 'failed' as const)),
          halt.halted$.pipe(map(() => 'halted' as const)),
        ),
      );
      if (next !== 'changed') return;
      await inSync();
    }
  }

  /** Emits once nothing was received, stored or sent for `timeoutMs`. */
  const stalledFor = (timeoutMs: number): Observable<unknown> =>
    merge(...replications.flatMap(({ replication, collection }) => [replication.received$, replication.sent$, collection.storageInstance.changeStream()])).pipe(
      // Tens of thousands of documents a second each restart the clock; a few times per timeout is enough.
      throttleTime(Math.min(1000, timeoutMs / 4), undefined, { leading: true, trailing: true }),
      startWith(null),
      switchMap(() => timer(timeoutMs)),
    );

  return async (timeoutMs) => {
    if (halt.halted) return { ok: false, error: stoppedError('Sync is stopped') };
    const started = new Date().toISOString();
    const failuresBefore = failures.value;
    const marks = replications.map(({ pulls }) => pulls.mark());
    for (const { kickStream, replication } of replications) {
      kickStream();
      replication.reSync();
    }
    const exchange = async () => {
      await inSync();
      // "In sync" is only true once every collection has pulled since this cycle began…
      await Promise.all(replications.map(({ pulls }, index) => pulls.completedAfter(marks[index]!)));
      // …and what those pulls brought is written (the pull handler returns before RxDB writes).
      await inSync();
      // Records that waited for their case go now that it is confirmed, within this same sync.
      if ((await parentRetry.now()) > 0) await inSync();
      // Local writes RxDB has not picked up yet are not "in sync": wait for them too, unless sending fails.
      await allConfirmed(failuresBefore);
      return 'done' as const;
    };
    const outcome = await firstValueFrom(
      race(from(exchange()), stalledFor(timeoutMs).pipe(map(() => 'timeout' as const)), halt.halted$.pipe(map(() => 'stopped' as const))),
    );
    if (outcome === 'stopped') return { ok: false, error: stoppedError('Sync stopped') };
    if (outcome === 'timeout') {
      return { ok: false, error: status.value.error ?? { code: 'timeout', message: 'Sync did not finish in time; changes are kept and sent later.' } };
    }
    await settle();
    const left = unsent();
    if (failures.value !== failuresBefore || left > 0 || halt.halted) {
      return { ok: false, error: status.value.error ?? { code: 'incomplete', message: `${left} changes are not confirmed by the server yet.` } };
    }
    status.update({ lastSuccessfulSync: started, error: null });
    return { ok: true };
  };
}
