import type { Job } from './job';

/**
 * How a handler's run ended, besides plain success (`done`, or returning nothing) and a thrown
 * error (a failure: retried with backoff until the job's attempts are used up).
 */
export type JobOutcome =
  | { kind: 'done' }
  /** Not a failure: run again at `at` (e.g. a source that answers "try again tomorrow"); the attempt does not count. */
  | { kind: 'retry-at'; at: Date; reason?: string }
  /** Cannot run on this server as configured (no adapter): kept `waiting`, visible, until a start with one. */
  | { kind: 'wait'; reason: string };

export const retryAt = (at: Date, reason?: string): JobOutcome => ({ kind: 'retry-at', at, ...(reason ? { reason } : {}) });
export const waitFor = (reason: string): JobOutcome => ({ kind: 'wait', reason });

/** A failure retrying cannot mend (e.g. a request the other system refuses as invalid): `failed` at once. */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}

/** Runs one job of its kind. Throwing is a failure; see JobOutcome for the rest. */
export type JobHandler = (job: Job, context: { now: Date }) => Promise<JobOutcome | void>;
