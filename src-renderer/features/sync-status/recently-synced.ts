import { BehaviorSubject, pairwise, startWith, type Observable, type Subscription } from 'rxjs';
import type { ItemStatus, SyncStatus } from '../../sync/sync-status';

export interface SyncedItem {
  collection: string;
  id: string;
  /** When it left the list of documents out of step with the server (ISO). */
  at: string;
}

const KEEP = 50;
const key = (item: Pick<ItemStatus, 'collection' | 'id'>) => `${item.collection}\u0000${item.id}`;

/**
 * Documents that were out of step with the server and no longer are: synced. The replication
 * reports only documents not in sync, so one that leaves that list is in sync by definition.
 */
export function trackRecentlySynced(status$: Observable<SyncStatus>, now: () => string = () => new Date().toISOString()) {
  const synced$ = new BehaviorSubject<SyncedItem[]>([]);
  const subscription: Subscription = status$.pipe(startWith(undefined), pairwise()).subscribe(([previous, current]) => {
    if (!previous || !current) return;
    const outOfStep = new Set(current.items.map(key));
    const left = previous.items.filter((item) => !outOfStep.has(key(item)));
    const kept = synced$.value.filter((item) => !outOfStep.has(key(item)));
    if (!left.length && kept.length === synced$.value.length) return;
    const at = now();
    const fresh = left.map((item) => ({ collection: item.collection, id: item.id, at }));
    const freshKeys = new Set(fresh.map(key));
    synced$.next([...fresh, ...kept.filter((item) => !freshKeys.has(key(item)))].slice(0, KEEP));
  });
  return { synced$: synced$.asObservable(), stop: () => subscription.unsubscribe() };
}
