import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { initialSyncStatus, type ItemStatus, type SyncStatus } from '../../sync/sync-status';
import { trackRecentlySynced, type SyncedItem } from './recently-synced';

const status = (items: ItemStatus[]): SyncStatus => ({ ...initialSyncStatus, items });
const pending = (id: string): ItemStatus => ({ collection: 'cases', id, state: 'pending' });

describe('recently synced documents', () => {
  it('lists documents that left the out-of-step list, newest first, and drops them when they go out of step again', () => {
    const status$ = new Subject<SyncStatus>();
    const times = ['t1', 't2', 't3'];
    const tracker = trackRecentlySynced(status$, () => times.shift()!);
    let seen: SyncedItem[] = [];
    tracker.synced$.subscribe((items) => (seen = items));

    status$.next(status([pending('a'), pending('b')]));
    status$.next(status([pending('b')]));
    expect(seen).toEqual([{ collection: 'cases', id: 'a', at: 't1' }]);
    status$.next(status([]));
    expect(seen.map((item) => item.id)).toEqual(['b', 'a']);
    status$.next(status([pending('a')]));
    expect(seen.map((item) => item.id)).toEqual(['b']);
    tracker.stop();
  });
});
