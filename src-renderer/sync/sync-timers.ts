/** Sync runs started by time and by the network, besides "sync now". */
export interface SyncTimers {
  /** The periodic full sync (settings); 0 turns it off. */
  setPeriodic(ms: number): void;
  /** A confirming sync shortly after everything was sent, so "last synced" follows. */
  confirmSoon(): void;
  stop(): void;
}

const CONFIRM_AFTER_MS = 500;
const MIN_TIMEOUT_MS = 30_000;

/** In a window, the browser's `online` event also starts a sync (the network came back). */
export function syncTimers(run: (timeoutMs: number) => Promise<unknown>): SyncTimers {
  let periodic: ReturnType<typeof setInterval> | undefined;
  let confirm: ReturnType<typeof setTimeout> | undefined;
  const onOnline = () => void run(MIN_TIMEOUT_MS);
  const browser = (globalThis as { window?: EventTarget }).window;
  browser?.addEventListener('online', onOnline);

  return {
    setPeriodic(ms) {
      clearInterval(periodic);
      periodic = ms > 0 ? setInterval(() => void run(Math.max(ms, MIN_TIMEOUT_MS)), ms) : undefined;
    },
    confirmSoon() {
      clearTimeout(confirm);
      confirm = setTimeout(() => void run(MIN_TIMEOUT_MS), CONFIRM_AFTER_MS);
    },
    stop() {
      clearInterval(periodic);
      clearTimeout(confirm);
      browser?.removeEventListener('online', onOnline);
    },
  };
}
