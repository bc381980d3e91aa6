/**
 * The overview measured in Debian's Chromium against the browser host with `?demoCases=N`: shared by
 * the ui area (10,000 cases) and the ui-large area (100,000 cases).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { OVERVIEW_READY_MARK } from '../../src-renderer/app/perf-marks';
import { dictionaries } from '../../src-renderer/i18n/dictionary';
import { caseTypes, type CaseType } from '../../src-shared/domain/case/case-type';
import { startBrowserHost } from '../../src-main/host/browser-host';
import { openChromiumProfile } from './chromium-profile';

export interface OverviewFigures {
  /** First start (empty replica) → the overview's ready mark: generating and storing the demo data. */
  fillSeconds: number;
  /** Navigation start → ready mark, median of reloads. */
  readyMs: number;
  /** Choosing a case type → the list's DOM holds only rows of that type, median over types and rounds. */
  filterMs: number;
  /**
   * JS heap the page uses after the last reload once it has settled (work the overview does after its
   * first rows, such as reading the search index, included), after a forced garbage collection; MB of 10^6 bytes.
   */
  heapMb: number;
}

export interface OverviewRun {
  cases: number;
  rendererDir: string;
  reloads: number;
  filterRounds: number;
  /** Milliseconds the first start may take to fill the replica. */
  fillTimeout: number;
}

export async function measureOverview(run: OverviewRun): Promise<OverviewFigures> {
  const dataDir = await mkdtemp(join(tmpdir(), 'saksflyt-bench-ui-'));
  const host = await startBrowserHost({ port: 0, dataDir, rendererDir: run.rendererDir });
  const browser = await openChromiumProfile(join(dataDir, 'chromium'));
  try {
    const { page } = browser;
    await page.goto(`${host.url}?demoCases=${run.cases}`);
    const fillSeconds = (await waitForReady(page, run.fillTimeout)) / 1000;

    const ready: number[] = [];
    for (let i = 0; i < run.reloads; i += 1) {
      await page.reload();
      ready.push(await waitForReady(page, 120_000));
    }

    const filter: number[] = [];
    for (let round = 0; round < run.filterRounds; round += 1) {
      for (const type of caseTypes) {
        filter.push(await timeTypeFilter(page, type));
        await clearTypeFilter(page, run.cases);
      }
    }
    return { fillSeconds, readyMs: median(ready), filterMs: median(filter), heapMb: (await settledHeap(page)) / 1e6 };
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

/** The page's used heap once two readings a few seconds apart differ by less than 2 % (at most a minute). */
async function settledHeap(page: Page): Promise<number> {
  let last = await usedHeapAfterGc(page);
  for (let reading = 0; reading < 20; reading += 1) {
    await page.waitForTimeout(3000);
    const now = await usedHeapAfterGc(page);
    if (Math.abs(now - last) < last * 0.02) return now;
    last = now;
  }
  return last;
}

/** Bytes of JS heap the page holds once the garbage collector has run (CDP, no page flags needed). */
async function usedHeapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize');
    if (!used) throw new Error('JSHeapUsedSize missing from Performance.getMetrics');
    return used.value;
  } finally {
    await cdp.detach();
  }
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

async function clearTypeFilter(page: Page, cases: number): Promise<void> {
  await page.selectOption('#case-type', '');
  await page.waitForFunction(
    (total) => (globalThis as unknown as PageGlobals).document.querySelector('[data-testid="match-count"]')?.textContent === total,
    dictionaries.nb.overview.matches(cases, cases),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
