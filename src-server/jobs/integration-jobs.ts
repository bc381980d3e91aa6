import { z } from 'zod';
import { integrationSystems, type Command } from '../../src-shared/domain/workflow/command.schema';
import type { Case } from '../../src-shared/domain/case/case.schema';
import type { ServerSteps } from '../cases/server-steps';
import type { FastifyBaseLogger } from 'fastify';
import type { Database, Sql } from '../db/database';
import type { EmailOutbox } from '../notifications/email-outbox';
import type { Job } from './job';
import { PermanentJobError, waitFor, type JobHandler, type JobOutcome } from './job-outcome';
import { createJobQueue, type JobQueue, type JobQueueOptions } from './job-queue';

/** The job kind of a workflow's `callIntegration` command. */
export const INTEGRATION_JOB = 'integration';

export type IntegrationSystem = (typeof integrationSystems)[number];
export type CallIntegration = Extract<Command, { type: 'callIntegration' }>;

export const integrationPayloadSchema = z.object({ system: z.enum(integrationSystems), operation: z.string().min(1).max(100) });
export type IntegrationPayload = z.infer<typeof integrationPayloadSchema>;

/** What an adapter has besides the job: the time, and the case data with the server-only steps that record what it brought back. */
export interface IntegrationContext {
  now: Date;
  steps: ServerSteps;
}

/** Carries out one system's operations; returns like a job handler (throw to fail, `retryAt` for "try again tomorrow"). */
export type IntegrationAdapter = (operation: string, job: Job, context: IntegrationContext) => Promise<JobOutcome | void>;
export type IntegrationAdapters = Partial<Record<IntegrationSystem, IntegrationAdapter>>;

/** What the app lends adapters it builds: its database (e.g. the accounts), log and e-mail outbox. */
export interface IntegrationServices {
  db: Database;
  log: FastifyBaseLogger;
  email: Pick<EmailOutbox, 'enqueue'>;
}
/** Adapters built once the app's services exist (buildApp's `jobs.adapters` may be this). */
export type IntegrationAdaptersOf = (services: IntegrationServices) => IntegrationAdapters;

/**
 * Queues a `callIntegration` command. Its `notBefore` is a date: the job is due on that date at
 * the time of day it is queued, so "retry the source tomorrow" runs at the same time next day.
 */
export function enqueueIntegration(queue: JobQueue, command: CallIntegration, options: { dedupeKey?: string } = {}): Promise<Job> {
  const payload: IntegrationPayload = { system: command.system, operation: command.operation };
  return queue.enqueue({
    kind: INTEGRATION_JOB,
    caseId: command.caseId,
    payload,
    ...(command.notBefore ? { notBefore: sameTimeOn(command.notBefore, queue.now()) } : {}),
    ...(options.dedupeKey ? { dedupeKey: options.dedupeKey } : {}),
  });
}

/**
 * Queues the integration calls of an accepted workflow step in the push's own transaction (a
 * refused push queues nothing), keyed by the case's state after the step, so the same step
 * arriving twice queues its calls once.
 */
export function queueStepIntegration(options: JobQueueOptions = {}) {
  return async (command: CallIntegration, caseDoc: Pick<Case, 'id' | 'updatedAt'>, tx: Sql): Promise<void> => {
    const dedupeKey = `${caseDoc.id}@${caseDoc.updatedAt}:${command.system}.${command.operation}`;
    await enqueueIntegration(createJobQueue(tx, options), command, { dedupeKey });
  };
}

/** `date` (YYYY-MM-DD) at the UTC time of day of `now`. */
function sameTimeOn(date: string, now: Date): Date {
  return new Date(`${date}T${now.toISOString().slice(11)}`);
}

/**
 * The handler of integration jobs: hands each to its system's adapter. A system with no adapter
 * on this server leaves its jobs `waiting` with the reason, until a start with one.
 */
export function integrationHandler(adapters: IntegrationAdapters, steps: ServerSteps): JobHandler {
  return async (job, { now }) => {
    const payload = integrationPayloadSchema.safeParse(job.payload);
    if (!payload.success) throw new PermanentJobError(`Not an integration call: ${z.prettifyError(payload.error)}`);
    const { system, operation } = payload.data;
    const adapter = adapters[system];
    if (!adapter) return waitFor(`No adapter for ${system} is configured on this server`);
    return adapter(operation, job, { now, steps });
  };
}
