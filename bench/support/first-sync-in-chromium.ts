import { dictionaries } from '../../src-renderer/i18n/dictionary';
import { SignInPage } from '../../tests/e2e/sync/pages/session-pages';
import { StatusBar } from '../../tests/e2e/sync/pages/sync-pages';
import { openBenchLaptop } from './bench-laptop';
import { withCpuProfile } from './cpu-profile';

const FIRST_SYNC_TIMEOUT_MS = 600_000;

/**
 * Seconds from "Logg inn" until the app in Debian's Chromium reports its first sync complete
 * (status bar idle with a last complete sync: everything received into IndexedDB), for a fresh
 * laptop (own browser host and data folder) against `serverUrl`. Checks the overview then lists
 * `expectedCases` cases. The page's CPU profile of the sync goes to the bench's output folder
 * (support/cpu-profile.ts); `onProfile` gets its self time per script.
 */
export async function firstSyncInChromium(
  serverUrl: string,
  credentials: { username: string; password: string },
  expectedCases: number,
  onProfile?: (selfSeconds: Record<string, number>) => void,
): Promise<number> {
  const laptop = await openBenchLaptop(serverUrl);
  const { page } = laptop;
  try {
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.username.fill(credentials.username);
    await signIn.password.fill(credentials.password);
    const status = new StatusBar(page);
    const { result: seconds, selfSeconds } = await withCpuProfile(page, 'first-sync-chromium', async () => {
      const started = performance.now();
      await signIn.submit.click();
      await status.lastSync.filter({ hasNotText: status.text.never }).waitFor({ timeout: FIRST_SYNC_TIMEOUT_MS });
      return (performance.now() - started) / 1000;
    });
    onProfile?.(selfSeconds);
    const matches = await page.getByTestId('match-count').textContent();
    if (matches !== dictionaries.nb.overview.matches(expectedCases, expectedCases)) {
      throw new Error(`first sync in Chromium incomplete: the overview says "${matches}"`);
    }
    return seconds;
  } finally {
    await laptop.close();
  }
}
