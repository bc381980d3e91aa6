import { z } from 'zod';
import { idSchema } from '../../src-shared/domain/case/case.schema';
import type { JobState } from '../../src-shared/jobs/case-jobs.schema';

/** A job as the queue holds it. Times are ISO strings. */
export interface Job {
  id: string;
  /** Picks the handler, e.g. `integration`. */
  kind: string;
  caseId: string | null;
  payload: Record<string, unknown>;
  dedupeKey: string | null;
  state: JobState;
  /** Attempts that counted: runs that succeeded or failed (not those that asked to wait or retry later). */
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string;
  /** While running: when another process may take the job (its runner is presumed dead). */
  leaseUntil: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

/** What `enqueue` accepts; parsed, since payloads may come from pushed workflow commands. */
export const newJobSchema = z.object({
  kind: z.string().regex(/^[a-z][a-zA-Z0-9.-]{0,59}$/),
  caseId: idSchema.optional(),
  payload: z.record(z.string(), z.json()).refine((payload) => JSON.stringify(payload).length <= 64 * 1024, 'must be at most 64 KiB as JSON'),
  /** Not run before this time (default: at once). */
  notBefore: z.union([z.date(), z.iso.datetime({ offset: true })]).optional(),
  /** Enqueueing again with the same kind and key returns the job already queued, in whatever state it is. */
  dedupeKey: z.string().min(1).max(300).optional(),
  /** Attempts before the job is `failed` (default: the queue's). */
  maxAttempts: z.number().int().min(1).max(100).optional(),
});
export type NewJob = z.input<typeof newJobSchema>;
