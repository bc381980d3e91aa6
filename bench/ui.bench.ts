/**
 * UI figures over 10,000 local cases, in Debian's Chromium against the browser host:
 *   ui.ready-with-10k.ms         navigation start → the overview shows its first rows
 *                                (the app's `saksflyt:overview-ready` performance mark), median of reloads
 *   ui.case-list-filter-10k.ms   choosing a case type → the list's DOM holds only rows of that type,
 *                                median over several types and rounds
 *   ui.initial-js.kb             JavaScript the built index.html loads before its first screen (entry chunk
 *                                and its static imports, in kB of 1000 bytes); lazy routes are not counted
 *   ui.indexeddb-floor-63k-puts.seconds  IndexedDB alone (no RxDB, Dexie or encryption) putting 63,000
 *                                case-sized records, as many as a first sync of 10,000 cases stores: the
 *                                floor under the first-sync and demo-fill figures (support/indexeddb-floor.ts)
 * The same figures at 100,000 cases (plus heap and fill time) are the ui-large area (`npm run bench --
 * ui-large`): filling 100,000 cases alone would take most of this area's time budget.
 * Needs the renderer build (out/renderer); builds it when it is missing or older than its sources.
 */
import type { Emit } from '../scripts/bench';
import { indexedDbPutSeconds } from './support/indexeddb-floor';
import { initialJs } from './support/initial-js';
import { measureOverview } from './support/overview-in-chromium';
import { ensureRendererBuild } from './support/renderer-build';

export async function run(emit: Emit): Promise<void> {
  const rendererDir = ensureRendererBuild();
  emit('ui.initial-js.kb', initialJs(rendererDir).bytes / 1000, 'kB');
  const figures = await measureOverview({ cases: 10_000, rendererDir, reloads: 5, filterRounds: 3, fillTimeout: 300_000 });
  emit('ui.ready-with-10k.ms', figures.readyMs, 'ms');
  emit('ui.case-list-filter-10k.ms', figures.filterMs, 'ms');
  emit('ui.indexeddb-floor-63k-puts.seconds', await indexedDbPutSeconds(63_000), 's (raw IndexedDB in Chromium, 2,000 records a transaction)');
}
