/** How full a bar is drawn: `used` of `places` in percent, at most 100; an unknown capacity is empty, none at all full when used. */
export function fillPercent(used: number, places: number | undefined): number {
  if (places === undefined) return 0;
  if (places === 0) return used > 0 ? 100 : 0;
  return Math.min(100, Math.round((used / places) * 100));
}
