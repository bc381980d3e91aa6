import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/support/chromium';

/**
 * End-to-end tests run the built renderer (out/renderer, `electron-vite build`) through the browser
 * host in Debian's Chromium; Playwright's own browser download is never used. Each test starts its
 * own host with its own data folder (tests/e2e/support/fixtures.ts).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['line']] : [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    // Disclosures (Designsystemet's Details) then open at once instead of growing for 0.4 s, so a
    // click never lands on a form still clipped by its opening disclosure.
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
  },
});
