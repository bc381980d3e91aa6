import { z } from 'zod';
import { integrationSystems } from '../domain/workflow/command.schema';

/**
 * The server's background jobs as the app shows them (`GET /api/cases/{id}/jobs`): one contract
 * for the server that answers and the app that reads.
 */
export const jobStates = [
  /** Waiting for its first attempt (or its not-before time). */
  'queued',
  /** Taken by a server process; picked up again when that process stops without finishing it. */
  'running',
  /** Failed or asked to be tried again; due again at `nextAttemptAt`. */
  'retrying',
  /** No handler or adapter for it on this server; tried again when the server starts with one. */
  'waiting',
  'done',
  /** Gave up: the last error says why. */
  'failed',
] as const;
export type JobState = (typeof jobStates)[number];

export const caseJobsPath = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/jobs`;

export const caseJobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  /** Integration jobs: the system and the operation called. */
  system: z.enum(integrationSystems).optional(),
  operation: z.string().optional(),
  state: z.enum(jobStates),
  attempts: z.number().int().nonnegative(),
  maxAttempts: z.number().int().positive(),
  nextAttemptAt: z.iso.datetime(),
  /** The last error or the reason for a retry or a wait, shortened. */
  lastError: z.string().max(500).optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().optional(),
});
export type CaseJob = z.infer<typeof caseJobSchema>;

export const caseJobsResponseSchema = z.object({ jobs: z.array(caseJobSchema) });
export type CaseJobsResponse = z.infer<typeof caseJobsResponseSchema>;
