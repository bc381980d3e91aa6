import { randomUUID } from 'node:crypto';
import { AppError } from '../../src-shared/kernel/app-error';
import type { JobState } from '../../src-shared/jobs/case-jobs.schema';
import type { Sql } from '../db/database';
import { newJobSchema, type Job, type NewJob } from './job';

export const DEFAULT_MAX_ATTEMPTS = 8;
/** Longest error text kept with a job. */
const MAX_ERROR_LENGTH = 2000;

export interface JobQueueOptions {
  /** The clock; tests move it instead of waiting. */
  now?: () => Date;
  /** Attempts of a job that does not say (default 8). */
  maxAttempts?: number;
}

/** How a run ended, written only if the job is still the run's (see `settle`). */
export interface JobSettlement {
  state: Exclude<JobState, 'queued' | 'running'>;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  finishedAt: Date | null;
}

/**
 * The durable job queue in the server's database (table `jobs`, migration 009), the same SQL on
 * PostgreSQL and PGlite. Several server processes share it: a job is claimed by one at a time.
 */
export interface JobQueue {
  now(): Date;
  /** Parses and stores a job (a 400-kind AppError when invalid); with a known dedupe key, returns that job. */
  enqueue(job: NewJob): Promise<Job>;
  get(id: string): Promise<Job | undefined>;
  /** The jobs of a case, oldest first. */
  forCase(caseId: string): Promise<Job[]>;
  /**
   * Takes up to `limit` due jobs for this process: queued or retrying ones whose time has come, and
   * running ones whose lease ran out. Each counts an attempt and is leased for `leaseMs`.
   */
  claim(limit: number, leaseMs: number): Promise<Job[]>;
  /** Ends a claimed run; false (and nothing written) when the job was taken again after its lease ran out. */
  settle(job: Job, settlement: JobSettlement): Promise<boolean>;
  /** Waiting jobs become due again (a start with more handlers or adapters); returns how many. */
  requeueWaiting(): Promise<number>;
}

export function createJobQueue(sql: Sql, options: JobQueueOptions = {}): JobQueue {
  const now = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const get = async (id: string) => {
    const [row] = await sql.query<JobRow>(`SELECT * FROM jobs WHERE id = $1`, [id]);
    return row && jobOf(row);
  };
  return {
    now,
    async enqueue(raw) {
      const parsed = newJobSchema.safeParse(raw);
      if (!parsed.success) throw AppError.from(parsed.error);
      const job = parsed.data;
      const at = now().toISOString();
      const [inserted] = await sql.query<JobRow>(
        `INSERT INTO jobs (id, kind, case_id, payload, dedupe_key, state, attempts, max_attempts, next_attempt_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'queued', 0, $6, $7, $8, $8)
         ON CONFLICT DO NOTHING RETURNING *`,
        [
          randomUUID(),
          job.kind,
          job.caseId ?? null,
          JSON.stringify(job.payload),
          job.dedupeKey ?? null,
          job.maxAttempts ?? maxAttempts,
          job.notBefore ? new Date(job.notBefore).toISOString() : at,
          at,
        ],
      );
      if (inserted) return jobOf(inserted);
      const [existing] = await sql.query<JobRow>(`SELECT * FROM jobs WHERE kind = $1 AND dedupe_key = $2`, [job.kind, job.dedupeKey ?? null]);
      if (!existing) throw new Error(`Job ${job.kind} could not be stored`);
      return jobOf(existing);
    },
    get,
    forCase: async (caseId) => (await sql.query<JobRow>(`SELECT * FROM jobs WHERE case_id = $1 ORDER BY seq`, [caseId])).map(jobOf),
    // One statement: SKIP LOCKED lets other processes claim other jobs meanwhile, never the same.
    claim: async (limit, leaseMs) => {
      const at = now();
      const rows = await sql.query<JobRow>(
        `UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_until = $2, updated_at = $1,
                last_error = CASE WHEN state = 'running' THEN 'The server stopped during attempt ' || attempts || ' (its lease ran out)' ELSE last_error END
          WHERE id IN (SELECT id FROM jobs
                        WHERE (state IN ('queued', 'retrying') AND next_attempt_at <= $1) OR (state = 'running' AND lease_until <= $1)
                        ORDER BY next_attempt_at, seq LIMIT $3 FOR UPDATE SKIP LOCKED)
          RETURNING *`,
        [at.toISOString(), new Date(at.getTime() + leaseMs).toISOString(), limit],
      );
      return rows.sort((a, b) => iso(a.next_attempt_at).localeCompare(iso(b.next_attempt_at)) || Number(a.seq) - Number(b.seq)).map(jobOf);
    },
    // The claimed attempt number fences the write: a run that outlived its lease changes nothing.
    settle: async (job, settlement) =>
      (
        await sql.query(
          `UPDATE jobs SET state = $3, attempts = $4, next_attempt_at = $5, last_error = $6, finished_at = $7, lease_until = NULL, updated_at = $8
            WHERE id = $1 AND state = 'running' AND attempts = $2 RETURNING id`,
          [
            job.id,
            job.attempts,
            settlement.state,
            settlement.attempts,
            settlement.nextAttemptAt.toISOString(),
            settlement.lastError?.slice(0, MAX_ERROR_LENGTH) ?? null,
            settlement.finishedAt?.toISOString() ?? null,
            now().toISOString(),
          ],
        )
      ).length > 0,
    requeueWaiting: async () => {
      const at = now().toISOString();
      return (await sql.query(`UPDATE jobs SET state = 'queued', next_attempt_at = $1, updated_at = $1 WHERE state = 'waiting' RETURNING id`, [at])).length;
    },
  };
}

interface JobRow {
  id: string;
  seq: number | string;
  kind: string;
  case_id: string | null;
  payload: string;
  dedupe_key: string | null;
  state: JobState;
  attempts: number;
  max_attempts: number;
  next_attempt_at: Date | string;
  lease_until: Date | string | null;
  last_error: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  finished_at: Date | string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

function jobOf(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    caseId: row.case_id,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    dedupeKey: row.dedupe_key,
    state: row.state,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    nextAttemptAt: iso(row.next_attempt_at),
    leaseUntil: isoOrNull(row.lease_until),
    lastError: row.last_error,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    finishedAt: isoOrNull(row.finished_at),
  };
}
