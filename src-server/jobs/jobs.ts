import type { FastifyInstance } from 'fastify';
import type { Identity } from '../auth/identify';
import type { ServerSteps } from '../cases/server-steps';
import type { Database } from '../db/database';
import { INTEGRATION_JOB, integrationHandler, type IntegrationAdapters } from './integration-jobs';
import type { JobQueue } from './job-queue';
import { createJobWorker, type JobBackoff } from './job-worker';
import { registerJobRoutes } from './jobs.routes';

/** The server's job queue settings (buildApp's `jobs`). */
export interface JobsOptions {
  /** Run the worker in this process (default true); tests that drive a worker themselves turn it off. */
  worker?: boolean;
  /** How often the worker looks for due jobs (default 15 s). */
  pollMs?: number;
  backoff?: JobBackoff;
  leaseMs?: number;
  /** Attempts of a job before it is `failed` (default 8). */
  maxAttempts?: number;
  /** Integration adapters per system; jobs of a system without one wait for it. */
  adapters?: IntegrationAdapters;
  now?: () => Date;
}

/**
 * Background jobs: the route the app reads them by, and the worker that runs them until the app
 * closes. Every instance runs a worker; the queue hands each job to one of them.
 */
export async function setUpJobs(
  app: FastifyInstance,
  deps: { db: Database; queue: JobQueue; steps: ServerSteps; identify(authorization: string | undefined): Promise<Identity>; options?: JobsOptions },
) {
  const { db, queue, steps, identify, options = {} } = deps;
  registerJobRoutes(app, { db, queue, identify });
  if (options.worker === false) return { wake: () => undefined };
  const worker = createJobWorker({
    queue,
    handlers: { [INTEGRATION_JOB]: integrationHandler(options.adapters ?? {}, steps) },
    backoff: options.backoff,
    leaseMs: options.leaseMs,
    onError: (error) => app.log.error(error),
  });
  await worker.start(options.pollMs);
  // onClose hooks run last-added first, so the worker stops before the app closes the database.
  app.addHook('onClose', () => worker.stop());
  /** Runs the jobs due now without waiting for the next poll (a pushed step queued one). */
  return { wake: () => void worker.runDue().catch((error: unknown) => app.log.error(error)) };
}
