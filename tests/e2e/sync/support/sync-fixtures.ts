import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { startBrowserHost, type BrowserHost } from '../../../../src-main/host/browser-host';
import { startCentralServer, type CentralServer } from './central-server';

const rendererDir = resolve(import.meta.dirname, '../../../../out/renderer');

/**
 * One laptop: a browser host (main-process side: settings, secure store, session) with its own
 * data folder, pointed at the test's central server, and a browser context of its own.
 */
export interface Laptop {
  page: Page;
  host: BrowserHost;
  dataDir: string;
  /** Failed requests to these URL prefixes are expected from now on (server stopped, wrong password). */
  expectFailedRequests(prefix: string): void;
  /** Console errors and uncaught page errors not expected; must stay empty. */
  problems: string[];
}

interface Fixtures {
  server: CentralServer;
  newLaptop: () => Promise<Laptop>;
  laptop: Laptop;
}

async function openLaptop(browser: Browser, server: CentralServer, cleanups: (() => Promise<void>)[]): Promise<Laptop> {
  const dataDir = await mkdtemp(join(tmpdir(), 'saksflyt-e2e-laptop-'));
  const host = await startBrowserHost({ port: 0, dataDir, rendererDir });
  const settings = await fetch(new URL('rpc/settings:update', host.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serverUrl: server.url }),
  });
  expect(settings.ok).toBe(true);
  // As playwright.config.ts: disclosures open at once (no opening animation to click into).
  const context = await browser.newContext({ baseURL: host.url, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const expected: string[] = [];
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url;
    if (/^Failed to load resource/.test(message.text()) && expected.some((prefix) => url.startsWith(prefix))) return;
    problems.push(`console error: ${message.text()} (${url})`);
  });
  cleanups.push(async () => {
    await context.close();
    await host.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  return { page, host, dataDir, problems, expectFailedRequests: (prefix) => expected.push(prefix) };
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'saksflyt-e2e-server-'));
    const server = await startCentralServer(dir);
    await use(server);
    await server.close();
    await rm(dir, { recursive: true, force: true });
  },
  newLaptop: async ({ browser, server }, use) => {
    const cleanups: (() => Promise<void>)[] = [];
    const opened: Laptop[] = [];
    await use(async () => {
      const laptop = await openLaptop(browser, server, cleanups);
      opened.push(laptop);
      return laptop;
    });
    const problems = opened.flatMap((laptop) => laptop.problems);
    for (const cleanup of cleanups.reverse()) await cleanup();
    expect(problems, 'the pages logged errors').toEqual([]);
  },
  laptop: async ({ newLaptop }, use) => use(await newLaptop()),
});

/**
 * Each test starts a central server and one or two laptops, and waits for first syncs: more than
 * the suite's default per test, so a busy CI machine does not turn slowness into failures.
 */
export const SYNC_TEST_TIMEOUT_MS = 120_000;
/** Waiting for sync to settle (first download, reconnect after the server comes back). */
export const SYNC_SETTLE_MS = 30_000;

export { expect };
