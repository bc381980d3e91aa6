/** Marks read by bench/ui.bench.ts through the Performance API. */
export const OVERVIEW_READY_MARK = 'saksflyt:overview-ready';

let overviewReady = false;

/** Once per page load: the overview shows its first rows. */
export function markOverviewReady(): void {
  if (overviewReady) return;
  overviewReady = true;
  performance.mark(OVERVIEW_READY_MARK);
}
