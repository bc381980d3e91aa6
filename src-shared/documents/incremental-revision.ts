/**
 * Whether `next` is an incremental revision of `kept` (a PDF incremental update, e.g. a
 * countersignature): longer, and its first bytes are the kept ones, so what was signed before stays
 * byte for byte. A final end-of-line of the kept bytes aside: an update may start where it was.
 */
export function isIncrementalRevision(kept: Uint8Array, next: Uint8Array): boolean {
  let end = kept.length;
  while (end > 0 && (kept[end - 1] === 0x0a || kept[end - 1] === 0x0d)) end -= 1;
  if (next.length <= kept.length) return false;
  for (let i = 0; i < end; i += 1) if (next[i] !== kept[i]) return false;
  return true;
}
