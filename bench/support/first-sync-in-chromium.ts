import type { Emit } from '../../scripts/bench';
import { dictionaries } from '../../src-renderer/i18n/dictionary';
import { SignInPage } from '../../tests/e2e/sync/pages/session-pages';
import { StatusBar } from '../../tests/e2e/sync/pages/sync-pages';
import { openBenchLaptop } from './bench-laptop';
import { withCpuProfile } from './cpu-profile';

export interface FirstSyncInChromiumOptions {
  /** How long the first sync may take before it counts as failed; default 10 minutes. */
  timeoutMs?: number;
  /** The CPU profile's name in the bench's output folder (support/cpu-profile.ts); default `first-sync-chromium`. */
  profileName?: string;
  /** Gets the profile's self time per script. */
  onProfile?: (selfSeconds: Record<string, number>) => void;
}

/**
 * Seconds from "Logg inn" until the app in Debian's Chromium reports its first sync complete
 * (status bar idle with a last complete sync: everything received into IndexedDB), for a fresh
 * laptop (own browser host and data folder) against `serverUrl`. Checks the overview then lists
 * `expectedCases` cases. The page's CPU profile of the sync goes to the bench's output folder
 * (support/cpu-profile.ts).
 */
export async function firstSyncInChromium(
  serverUrl: string,
  credentials: { username: string; password: string },
  expectedCases: number,
  { timeoutMs = 600_000, profileName = 'first-sync-chromium', onProfile }: FirstSyncInChromiumOptions = {},
): Promise<number> {
  const laptop = await openBenchLaptop(serverUrl);
  const { page } = laptop;
  try {
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.username.fill(credentials.username);
    await signIn.password.fill(credentials.password);
    const status = new StatusBar(page);
    const { result: seconds, selfSeconds } = await withCpuProfile(page, profileName, async () => {
      const started = performance.now();
      await signIn.submit.click();
      await status.lastSync.filter({ hasNotText: status.text.never }).waitFor({ timeout: timeoutMs });
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

/**
 * The figure `metric`: firstSyncInChromium for a user who sees all of `data`, in seconds, its unit
 * naming the server's engine and the data's size; the profile's self time per script goes to stderr.
 */
export async function emitFirstSyncInChromium(
  emit: Emit,
  metric: string,
  serverUrl: string,
  credentials: { username: string; password: string },
  engine: string,
  data: { cases: unknown[]; notes: unknown[] },
  options: Omit<FirstSyncInChromiumOptions, 'onProfile'> = {},
): Promise<void> {
  const seconds = await firstSyncInChromium(serverUrl, credentials, data.cases.length, {
    ...options,
    onProfile: (selfSeconds) => console.error(`first sync in Chromium, main thread's self time (s) by script: ${JSON.stringify(selfSeconds)}`),
  });
  emit(metric, seconds, `s (Chromium, ${engine}, ${data.cases.length} cases + ${data.notes.length} notes)`);
}
