import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { startBrowserHost } from '../../../src-main/host/browser-host';
import { AppShell } from '../pages/app-shell';
import { CasePage } from '../pages/case-page';
import { OverviewPage } from '../pages/overview-page';
import { SettingsPage } from '../pages/settings-page';
import { FIXED_NOW } from './demo-expectations';

const rendererDir = resolve(import.meta.dirname, '../../../out/renderer');

interface Fixtures {
  /** This test's own data folder (settings, secrets, logs of its browser host). */
  dataDir: string;
  /** This test's own browser host serving the built renderer and the RPC contract. */
  hostUrl: string;
  /** Console errors and uncaught page errors (CSP violations included); must stay empty. */
  pageProblems: string[];
  shell: AppShell;
  overview: OverviewPage;
  casePage: CasePage;
  settings: SettingsPage;
}

export const test = base.extend<Fixtures>({
  // Playwright reads fixture dependencies from the destructuring pattern: this one has none.
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'saksflyt-e2e-'));
    await use(dir);
    // The host may still be finishing a write into it as the test ends (ENOTEMPTY): try again.
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  },
  hostUrl: async ({ dataDir }, use) => {
    const host = await startBrowserHost({ port: 0, dataDir, rendererDir });
    await use(host.url);
    await host.close();
  },
  baseURL: async ({ hostUrl }, use) => use(hostUrl),
  page: async ({ page }, use) => {
    // The demo data and the deadline filters are relative to "today": pin it.
    await page.clock.setFixedTime(FIXED_NOW);
    await use(page);
  },
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      await use(problems);
      expect(problems, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
  shell: async ({ page }, use) => use(new AppShell(page)),
  overview: async ({ page }, use) => use(new OverviewPage(page)),
  casePage: async ({ page }, use) => use(new CasePage(page)),
  settings: async ({ page }, use) => use(new SettingsPage(page)),
});

export { expect };
