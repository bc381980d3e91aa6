import { chromium, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../../tests/e2e/support/chromium';

export interface ChromiumProfile {
  page: Page;
  close(): Promise<void>;
}

/**
 * Debian's Chromium on a profile in `dir`, so IndexedDB lives on disk as the desktop app's replica
 * does. A fresh Playwright context (`browser.newPage()`) is an incognito one: IndexedDB in memory
 * under an incognito quota, which a replica of 100,000 cases (about 1.3 million records with the
 * replication records) runs out of, its writes then failing.
 */
export async function openChromiumProfile(dir: string, options: { baseURL?: string } = {}): Promise<ChromiumProfile> {
  const context = await chromium.launchPersistentContext(dir, { ...chromiumLaunchOptions, ...options, viewport: { width: 1280, height: 900 } });
  const page = context.pages()[0] ?? (await context.newPage());
  return { page, close: () => context.close() };
}
