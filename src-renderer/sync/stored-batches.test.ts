import { BehaviorSubject, Subject } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STORE_WAIT_MS, StoredBatches, type DownstreamSignals } from './stored-batches';

/** A replication's signals driven by hand: checkpoint writes, failures, cancellation. */
function signals() {
  const writes = new Subject<{ events: { documentData: unknown }[] }>();
  const error$ = new Subject<unknown>();
  const canceled$ = new BehaviorSubject(false);
  const value = { metaInstance: { changeStream: () => writes }, error$, canceled$ } as unknown as DownstreamSignals;
  const checkpointStored = (seq: string) => writes.next({ events: [{ documentData: { isCheckpoint: '1', itemId: 'down', checkpointData: { seq } } }] });
  return { value, checkpointStored, error$, canceled$ };
}

/** True once `promise` has settled, checked after pending microtasks ran. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

describe('StoredBatches', () => {
  afterEach(() => vi.useRealTimers());

  it('lets one batch wait to be stored, and holds the next pull until an earlier one is', async () => {
    vi.useFakeTimers();
    const { value, checkpointStored } = signals();
    const batches = new StoredBatches(() => value);
    batches.handedOver('a');
    expect(await settled(batches.ready())).toBe(true);
    batches.handedOver('b');
    const next = batches.ready();
    expect(await settled(next)).toBe(false);
    // A checkpoint of the upstream or an unknown one is not progress of these batches.
    checkpointStored('elsewhere');
    expect(await settled(next)).toBe(false);
    checkpointStored('a');
    expect(await settled(next)).toBe(true);
  });

  it('counts batches merged into one write as stored by its checkpoint', async () => {
    vi.useFakeTimers();
    const { value, checkpointStored } = signals();
    const batches = new StoredBatches(() => value);
    for (const seq of ['a', 'b', 'c']) batches.handedOver(seq);
    const next = batches.ready();
    checkpointStored('c');
    expect(await settled(next)).toBe(true);
  });

  it('stops waiting when the replication fails, is cancelled, or no write comes', async () => {
    vi.useFakeTimers();
    const { value, error$, canceled$ } = signals();
    const batches = new StoredBatches(() => value);
    const waitFor = async (end: () => void) => {
      batches.handedOver('x');
      batches.handedOver('y');
      const next = batches.ready();
      expect(await settled(next)).toBe(false);
      end();
      expect(await settled(next)).toBe(true);
    };
    await waitFor(() => error$.next(new Error('pull failed')));
    await waitFor(() => void vi.advanceTimersByTime(STORE_WAIT_MS));
    await waitFor(() => canceled$.next(true));
  });

  it('does not hold pulls before the replication has started', async () => {
    const batches = new StoredBatches(() => undefined);
    batches.handedOver('a');
    batches.handedOver('b');
    await expect(batches.ready()).resolves.toBeUndefined();
  });
});
