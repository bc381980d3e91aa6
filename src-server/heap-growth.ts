import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what survived the last full garbage collection
 * before it collects again: 50 = to 1.5× the live heap. V8's own factor goes up to 4× when the heap
 * limit is 2 GB or more (the default on a machine with 8 GB or more), and under load the server's
 * garbage is mostly promoted request state (a push waits behind the others, so its objects
 * outlive the young generation). Under `npm run bench -- sync`'s 50 pushing clients the live heap
 * stayed at 35–45 MB (after a forced collection) while the heap grew to 250 MB before V8 collected
 * it on PGlite, and to 700 MB on PostgreSQL (where ~200 MB lived during two first syncs, so the next
 * collection waited for 800 MB): the server's RSS was 400–650 MB (PGlite) and 860 MB (PostgreSQL);
 * at 50 it is ~335 and ~200 MB, at the same throughput. The heap limit itself stays V8's: a larger
 * live heap (many first syncs at once) still fits; it is collected more often.
 */
export const DEFAULT_HEAP_GROWING_PERCENT = 50;

/**
 * Sets V8's heap growing factor for this process (0 leaves V8's own). V8 reads it at every full
 * collection, so it takes effect when set after start-up (flags such as --max-old-space-size do not).
 */
export function limitHeapGrowth(percent: number = DEFAULT_HEAP_GROWING_PERCENT): void {
  if (!Number.isInteger(percent) || percent < 0) throw new Error(`Invalid heap growing percent: ${percent}`);
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
