/**
 * UI figures over 10,000 local cases, in Debian's Chromium against the browser host:
 *   ui.ready-with-10k.ms         navigation start → the overview shows its first rows
 *                                (the app's `saksflyt:overview-ready` performance mark), median of reloads
 *   ui.case-list-filter-10k.ms   choosing a case type → the list's DOM holds only rows of that type,
 *                                median over several types and rounds
 *   ui.initial-js.kb             JavaScript the built index.html loads before its first screen (entry chunk
 *                                and its static imports, in kB of 1000 bytes); lazy routes are not counted
 * Needs the renderer build (out/renderer); builds it when it is missing or older than its sources.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { OVERVIEW_READY_MARK } from '../src-renderer/app/perf-marks';
import { dictionaries } from '../src-renderer/i18n/dictionary';
import { caseTypes, type CaseType } from '../src-shared/domain/case/case-type';
import { startBrowserHost } from '../src-main/host/browser-host';
import type { Emit } from '../scripts/bench';
import { chromiumLaunchOptions } from '../tests/e2e/support/chromium';
import { initialJs } from './support/initial-js';
import { ensureRendererBuild } from './support/renderer-build';

const CASES = 10_000;
const RELOADS = 5;
const FILTER_ROUNDS = 3;

export async function run(emit: Emit): Promise<void> {
  const rendererDir = ensureRendererBuild();
  emit('ui.initial-js.kb', initialJs(rendererDir).bytes / 1000, 'kB');
  const dataDir = await mkdtemp(join(tmpdir(), 'saksflyt-bench-ui-'));
  const host = await startBrowserHost({ port: 0, dataDir, rendererDir });
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // First start fills the replica (not measured).
    await page.goto(`${host.url}?demoCases=${CASES}`);
    await waitForReady(page, 300_000);

    const ready: number[] = [];
    for (let i = 0; i < RELOADS; i += 1) {
      await page.reload();
      ready.push(await waitForReady(page, 60_000));
    }
    emit('ui.ready-with-10k.ms', median(ready), 'ms');

    const filter: number[] = [];
    for (let round = 0; round < FILTER_ROUNDS; round += 1) {
      for (const type of caseTypes) {
        filter.push(await timeTypeFilter(page, type));
        await clearTypeFilter(page);
      }
    }
    emit('ui.case-list-filter-10k.ms', median(filter), 'ms');
  } finally {
    await browser.close();
    await host.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Milliseconds from navigation start to the app's ready mark. */
async function waitForReady(page: Page, timeout: number): Promise<number> {
  const handle = await page.waitForFunction((mark) => performance.getEntriesByName(mark)[0]?.startTime, OVERVIEW_READY_MARK, { timeout, polling: 50 });
  return (await handle.jsonValue()) as number;
}

/** The few DOM globals the in-page timing uses (this file compiles without DOM types). */
interface PageGlobals {
  document: {
    body: unknown;
    getElementById(id: string): { value: string; dispatchEvent(event: unknown): boolean } | null;
    querySelector(selector: string): { textContent: string | null } | null;
    querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>;
  };
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void };
  Event: new (type: string, init: { bubbles: boolean }) => unknown;
}

/**
 * Times, inside the page, a change of the case-type select until the list's DOM shows only rows
 * of that type (a MutationObserver sees the commit; no polling interval skews the figure).
 */
function timeTypeFilter(page: Page, type: CaseType): Promise<number> {
  const label = dictionaries.nb.caseTypes[type];
  // No named inner functions: tsx would wrap them in a helper that does not exist in the page.
  return page.evaluate(
    ({ type, label }) =>
      new Promise<number>((resolve, reject) => {
        const { document, MutationObserver, Event } = globalThis as unknown as PageGlobals;
        const select = document.getElementById('case-type');
        if (!select) return reject(new Error('case-type select not found'));
        const started = performance.now();
        const observer = new MutationObserver(() => {
          const rows = Array.from(document.querySelectorAll('.case-row__type'));
          if (rows.length === 0 || rows.some((row) => row.textContent !== label)) return;
          observer.disconnect();
          resolve(performance.now() - started);
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        select.value = type;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }),
    { type, label },
  );
}

async function clearTypeFilter(page: Page): Promise<void> {
  await page.selectOption('#case-type', '');
  await page.waitForFunction(
    (total) => (globalThis as unknown as PageGlobals).document.querySelector('[data-testid="match-count"]')?.textContent === total,
    dictionaries.nb.overview.matches(CASES, CASES),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
