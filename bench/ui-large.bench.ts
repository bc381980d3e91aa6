/**
 * The overview over 100,000 local cases (demo data), in Debian's Chromium against the browser host.
 * Not in the default run (a first start with 100,000 cases takes minutes): `npm run bench -- ui-large`.
 *   ui.demo-fill-100k.seconds     first start with an empty replica → the overview's ready mark
 *                                 (generating and storing the demo data)
 *   ui.ready-with-100k.ms         navigation start → ready mark after a reload, median of reloads
 *   ui.case-list-filter-100k.ms   choosing a case type → the list's DOM holds only rows of that type
 *   ui.renderer-heap-100k.mb      JS heap the page uses after the reloads and filters, once settled, after a forced GC
 * Needs the renderer build (out/renderer); builds it when it is missing or older than its sources.
 */
import type { Emit } from '../scripts/bench';
import { measureOverview } from './support/overview-in-chromium';
import { ensureRendererBuild } from './support/renderer-build';

export async function run(emit: Emit): Promise<void> {
  const figures = await measureOverview({ cases: 100_000, rendererDir: ensureRendererBuild(), reloads: 3, filterRounds: 2, fillTimeout: 600_000 });
  emit('ui.demo-fill-100k.seconds', figures.fillSeconds, 's');
  emit('ui.ready-with-100k.ms', figures.readyMs, 'ms');
  emit('ui.case-list-filter-100k.ms', figures.filterMs, 'ms');
  emit('ui.renderer-heap-100k.mb', figures.heapMb, 'MB');
}
