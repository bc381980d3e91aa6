import type { Job } from './job';
import { PermanentJobError, waitFor, type JobHandler, type JobOutcome } from './job-outcome';
import type { JobQueue, JobSettlement } from './job-queue';
import { pollingRounds, retryDelay } from './polling-rounds';

export interface JobBackoff {
  /** Wait after the first failure; doubled after each further one. */
  baseMs: number;
  maxMs: number;
}

export const defaultJobBackoff: JobBackoff = { baseMs: 60_000, maxMs: 6 * 3600_000 };
/** How long a claimed job is the claiming process's before another may take it again. */
export const DEFAULT_LEASE_MS = 10 * 60_000;
const BATCH_SIZE = 20;

export interface JobWorker {
  /** Runs the jobs that are due now, one at a time; resolves with how many were claimed. */
  runDue(): Promise<number>;
  /** Puts waiting jobs back in the queue (handlers may have been added), then polls every `pollMs`. */
  start(pollMs?: number): Promise<void>;
  /** Stops polling and waits for the job under way. */
  stop(): Promise<void>;
}

/**
 * Runs the queue's jobs with the handler of their kind. At-least-once: a job whose process stopped
 * mid-run is run again once its lease has run out, so handlers must be safe to repeat.
 */
export function createJobWorker(options: {
  queue: JobQueue;
  handlers: Readonly<Record<string, JobHandler>>;
  backoff?: JobBackoff;
  leaseMs?: number;
  onError?: (error: unknown) => void;
}): JobWorker {
  const { queue, handlers } = options;
  const backoff = options.backoff ?? defaultJobBackoff;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;

  async function run(job: Job): Promise<void> {
    const now = queue.now();
    let outcome: JobOutcome | Error;
    if (job.attempts > job.maxAttempts) {
      // Only a job whose last attempt was cut short (lease ran out) gets here.
      outcome = new PermanentJobError(job.lastError ?? 'No attempts left');
    } else {
      const handler = Object.hasOwn(handlers, job.kind) ? handlers[job.kind] : undefined;
      try {
        outcome = handler ? ((await handler(job, { now })) ?? { kind: 'done' }) : waitFor(`No handler for jobs of kind "${job.kind}" on this server`);
      } catch (error) {
        outcome = error instanceof Error ? error : new Error(String(error));
      }
    }
    await queue.settle(job, settlementOf(job, outcome, queue.now(), backoff));
  }

  const rounds = pollingRounds(async () => {
    const jobs = await queue.claim(BATCH_SIZE, leaseMs);
    for (const job of jobs) await run(job);
    return jobs.length;
  }, options.onError);

  return {
    runDue: rounds.run,
    async start(pollMs = 15_000) {
      await queue.requeueWaiting();
      rounds.start(pollMs);
    },
    stop: rounds.stop,
  };
}

/** The state a run leaves its job in. */
export function settlementOf(job: Job, outcome: JobOutcome | Error, now: Date, backoff: JobBackoff): JobSettlement {
  // Asking to wait or to be retried later gives the attempt back.
  const uncounted = Math.max(0, job.attempts - 1);
  if (outcome instanceof Error) {
    const lastError = outcome.message || outcome.name;
    if (outcome instanceof PermanentJobError || job.attempts >= job.maxAttempts) {
      return { state: 'failed', attempts: job.attempts, nextAttemptAt: now, lastError, finishedAt: now };
    }
    return {
      state: 'retrying',
      attempts: job.attempts,
      nextAttemptAt: new Date(now.getTime() + retryDelay(backoff, job.attempts)),
      lastError,
      finishedAt: null,
    };
  }
  switch (outcome.kind) {
    case 'done':
      return { state: 'done', attempts: job.attempts, nextAttemptAt: now, lastError: null, finishedAt: now };
    case 'retry-at':
      return { state: 'retrying', attempts: uncounted, nextAttemptAt: outcome.at, lastError: outcome.reason ?? null, finishedAt: null };
    case 'wait':
      return { state: 'waiting', attempts: uncounted, nextAttemptAt: now, lastError: outcome.reason, finishedAt: null };
  }
}
