import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { canSeeCase, isStaff } from '../../src-shared/domain/access';
import { idSchema } from '../../src-shared/domain/case/case.schema';
import { caseJobsResponseSchema, type CaseJob, type CaseJobsResponse } from '../../src-shared/jobs/case-jobs.schema';
import type { Identity } from '../auth/identify';
import type { Database } from '../db/database';
import { HttpError } from '../http/http-error';
import { docSchema, errorResponse } from '../http/openapi';
import { parseInput } from '../http/parse';
import { VisibilityContext } from '../sync/visibility';
import type { Job } from './job';
import type { JobQueue } from './job-queue';
import { INTEGRATION_JOB, integrationPayloadSchema } from './integration-jobs';

export interface JobRouteDeps {
  db: Database;
  queue: JobQueue;
  identify(authorization: string | undefined): Promise<Identity>;
}

const paramsSchema = z.object({ id: idSchema });
/** Enough of an error for the app to show; the full text stays in the database. */
const SHOWN_ERROR_LENGTH = 500;

/** `GET /api/cases/{id}/jobs`: the server's jobs for a case, for staff who see the case. */
export function registerJobRoutes(app: FastifyInstance, deps: JobRouteDeps): void {
  app.get(
    '/api/cases/:id/jobs',
    {
      schema: {
        tags: ['jobs'],
        summary: "The server's background jobs of a case (integration calls) and their state",
        description:
          'Each job with its kind, the system and operation it calls, its state (`queued`, `running`, `retrying`, `waiting` for an adapter, `done`, `failed`), ' +
          'attempts, when it is tried next and the last error, shortened. Only staff who see the case get an answer; anyone else gets 404, as for a case that does not exist.',
        params: { type: 'object', properties: { id: { type: 'string', description: 'The case id' } }, required: ['id'] },
        security: [{ bearerAuth: [] }],
        response: { 200: docSchema(caseJobsResponseSchema, 'output'), 400: errorResponse, 401: errorResponse, 404: errorResponse },
      },
    },
    async (request): Promise<CaseJobsResponse> => {
      const { id } = parseInput(paramsSchema, request.params, 'path');
      const { actor } = await deps.identify(request.headers.authorization);
      const scope = await new VisibilityContext(deps.db, actor).liveCase(id);
      if (!scope || !isStaff(actor) || !canSeeCase(actor, scope)) throw new HttpError(404, 'not-found', 'not-found', `No case ${id}`);
      return { jobs: (await deps.queue.forCase(id)).map(caseJobOf) };
    },
  );
}

function caseJobOf(job: Job): CaseJob {
  const integration = job.kind === INTEGRATION_JOB ? integrationPayloadSchema.safeParse(job.payload) : undefined;
  return {
    id: job.id,
    kind: job.kind,
    ...(integration?.success ? integration.data : {}),
    state: job.state,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    nextAttemptAt: job.nextAttemptAt,
    ...(job.lastError ? { lastError: job.lastError.length > SHOWN_ERROR_LENGTH ? `${job.lastError.slice(0, SHOWN_ERROR_LENGTH - 1)}…` : job.lastError } : {}),
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
  };
}
