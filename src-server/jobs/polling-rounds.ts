/** A background loop: a round of work now, or every `pollMs`, never two rounds at once. */
export interface PollingRounds {
  /** Runs a round now, or joins the one under way; resolves with what the round returns. */
  run(): Promise<number>;
  start(pollMs: number): void;
  /** Stops polling and waits for the round under way. */
  stop(): Promise<void>;
}

/** The polling of the job worker and the e-mail outbox; errors of background rounds go to `onError`. */
export function pollingRounds(round: () => Promise<number>, onError: (error: unknown) => void = () => undefined): PollingRounds {
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<number> | undefined;
  const run = () => {
    current ??= round().finally(() => {
      current = undefined;
    });
    return current;
  };
  return {
    run,
    start(pollMs) {
      clearInterval(timer);
      timer = setInterval(() => void run().catch(onError), pollMs);
      void run().catch(onError);
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await current?.catch(() => undefined);
    },
  };
}

/** Exponential backoff: `baseMs` after the first failed attempt, doubled after each further one, at most `maxMs`. */
export function retryDelay(backoff: { baseMs: number; maxMs: number }, attempts: number): number {
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** (attempts - 1));
}
