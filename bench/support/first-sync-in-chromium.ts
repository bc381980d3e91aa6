import type { Emit } from '../../scripts/bench';
import { SignInPage } from '../../tests/e2e/sync/pages/session-pages';
import { StatusBar } from '../../tests/e2e/sync/pages/sync-pages';
import { openBenchLaptop } from './bench-laptop';
import { withCpuProfile } from './cpu-profile';
import { expectOverviewShowsAll } from './overview-count';

export interface FirstSyncInChromiumOptions {
  /** How long the first sync may take before it counts as failed; default 10 minutes. */
  timeoutMs?: number;
  /** The CPU profile's name in the bench's output folder (support/cpu-profile.ts); default `first-sync-chromium`. */
  profileName?: string;
  /** Gets the profile's self time per script. */
  onProfile?: (selfSeconds: Record<string, number>) => void;
}

/** A first sync's seconds, and how much of them went to waiting for the server's pulls. */
export interface FirstSyncTimes {
  seconds: number;
  pulls: number;
  /** The server's own time per pull (its Server-Timing), summed; pulls of several collections overlap. */
  serverPullSeconds: number;
  /** Seconds in which at least one pull was sent and its answer had not begun (the union over all pulls). */
  pullWaitSeconds: number;
}

const pullTiming = /(?:^|,)\s*pull;dur=([\d.]+)/;

/**
 * Seconds from "Logg inn" until the app in Debian's Chromium reports its first sync complete
 * (status bar idle with a last complete sync: everything received into IndexedDB), for a fresh
 * laptop (own browser host and data folder) against `serverUrl`. Checks the overview then lists
 * `expectedCases` cases. The page's CPU profile of the sync goes to the bench's output folder
 * (support/cpu-profile.ts). Beside the seconds: how long the page waited for pull answers, and the
 * server's own time for them — what of the sync is the server's and what the page's.
 */
export async function firstSyncInChromium(
  serverUrl: string,
  credentials: { username: string; password: string },
  expectedCases: number,
  { timeoutMs = 600_000, profileName = 'first-sync-chromium', onProfile }: FirstSyncInChromiumOptions = {},
): Promise<FirstSyncTimes> {
  const laptop = await openBenchLaptop(serverUrl);
  const { page } = laptop;
  let serverPullSeconds = 0;
  const waits: [number, number][] = [];
  page.on('response', (response) => {
    const duration = pullTiming.exec(response.headers()['server-timing'] ?? '')?.[1];
    if (duration === undefined) return;
    serverPullSeconds += Number(duration) / 1000;
    const timing = response.request().timing();
    waits.push([timing.startTime + timing.requestStart, timing.startTime + timing.responseStart]);
  });
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
    await expectOverviewShowsAll(page, expectedCases);
    return { seconds, pulls: waits.length, serverPullSeconds, pullWaitSeconds: unionLength(waits) / 1000 };
  } finally {
    await laptop.close();
  }
}

/** The total length of the union of the intervals. */
function unionLength(intervals: [number, number][]): number {
  let total = 0;
  let reached = -Infinity;
  for (const [start, end] of intervals.toSorted((a, b) => a[0] - b[0])) {
    if (end > reached) total += end - Math.max(start, reached);
    reached = Math.max(reached, end);
  }
  return total;
}

/**
 * The figure `metric` (`….seconds`): firstSyncInChromium for a user who sees all of `data`, its unit
 * naming the server's engine and the data's size, and beside it `….pull-wait-seconds` and
 * `….server-pull-seconds` (FirstSyncTimes); the profile's self time per script goes to stderr.
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
  const { seconds, pulls, serverPullSeconds, pullWaitSeconds } = await firstSyncInChromium(serverUrl, credentials, data.cases.length, {
    ...options,
    onProfile: (selfSeconds) => console.error(`first sync in Chromium, main thread's self time (s) by script: ${JSON.stringify(selfSeconds)}`),
  });
  emit(metric, seconds, `s (Chromium, ${engine}, ${data.cases.length} cases + ${data.notes.length} notes)`);
  const beside = (name: string) => metric.replace(/\.seconds$/, `.${name}`);
  emit(beside('pull-wait-seconds'), pullWaitSeconds, `s (the page waiting for at least one of its ${pulls} pulls' answers, ${engine})`);
  emit(beside('server-pull-seconds'), serverPullSeconds, `s (the server's own time for those pulls, summed, ${engine})`);
}
