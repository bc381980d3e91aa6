import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startBrowserHost } from '../../src-main/host/browser-host';
import { settingsSchema } from '../../src-shared/ipc/settings.contract';
import { openChromiumProfile, type ChromiumProfile } from './chromium-profile';
import { ensureRendererBuild } from './renderer-build';

/** A fresh laptop for a benchmark: its own browser host and data folder, pointed at `serverUrl`, and a page of Debian's Chromium on it. */
export interface BenchLaptop {
  page: Page;
  close(): Promise<void>;
}

/** The longest idle lock the settings accept. */
const IDLE_LOCK_MINUTES_MAX = settingsSchema.shape.idleLockMinutes.maxValue;

export async function openBenchLaptop(serverUrl: string): Promise<BenchLaptop> {
  const dataDir = await mkdtemp(join(tmpdir(), 'saksflyt-bench-laptop-'));
  const host = await startBrowserHost({ port: 0, dataDir, rendererDir: ensureRendererBuild() });
  let browser: ChromiumProfile | undefined;
  const close = async () => {
    await browser?.close();
    await host.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const settings = await fetch(new URL('rpc/settings:update', host.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // Nobody is at the keyboard during a benchmark: the idle lock (15 minutes by default) would
      // close the replica and reload the page in the middle of a long first sync.
      body: JSON.stringify({ serverUrl, idleLockMinutes: IDLE_LOCK_MINUTES_MAX }),
    });
    if (!settings.ok) throw new Error(`settings:update answered ${settings.status}`);
    browser = await openChromiumProfile(join(dataDir, 'chromium'), { baseURL: host.url });
    return { page: browser.page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
