/**
 * Debian's Chromium, never Playwright's download. Shared by playwright.config.ts and the UI bench.
 */
export const chromiumLaunchOptions = {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};
