import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '../../../../src-shared/domain/case/case.schema';
import {
  caseUploadsSchema,
  ewpCasesRegisteredSchema,
  ewpInboxQuerySchema,
  ewpInboxSchema,
  ewpNominationCasesSchema,
  ewpRejectedSchema,
  ewpRejectSchema,
  onBehalfNominationSchema,
  registeredCaseSchema,
} from '../../../../src-shared/domain/nomination/nomination-staff.contract';
import type { Identity } from '../../../auth/identify';
import type { Database } from '../../../db/database';
import { HttpError } from '../../../http/http-error';
import { docSchema, errorResponse } from '../../../http/openapi';
import { parseInput } from '../../../http/parse';
import { publicUrlOf } from '../../../http/public-url';
import { errorsOf, refused } from '../../../portal/portal-nominate';
import { createEwpNominationCases, ewpNominationKey } from '../ewp/ewp-nomination-cases';
import { storedOffers } from '../offer-store';
import { createOnBehalfNomination } from '../on-behalf-nomination';
import { attachmentDisposition, caseUploadFile, caseUploads } from './case-uploads';
import { caseOfficerActor } from './staff-actor';
import { ewpInbox, rejectEwpMobility } from './ewp-inbox';
import { institutionPartners } from './institution-partners';

export interface NominationStaffDeps {
  db: Database;
  identify(authorization: string | undefined): Promise<Identity>;
}

export const NOMINATION_STAFF_TAG = {
  name: 'nominations',
  description: "Case officers' nominations: on behalf of a partner, the EWP inbox, applicants' files",
};

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };
const caseParams = z.object({ id: idSchema });
const uploadParams = caseParams.extend({ uploadId: z.string().min(1).max(100) });
const route = (summary: string, parts: { body?: z.ZodType; querystring?: z.ZodType; response?: z.ZodType; more?: Record<string, unknown> }) => ({
  schema: {
    tags: [NOMINATION_STAFF_TAG.name],
    summary,
    security: [{ bearerAuth: [] }],
    ...(parts.body ? { body: docSchema(parts.body) } : {}),
    ...(parts.querystring ? { querystring: docSchema(parts.querystring) } : {}),
    response: { ...(parts.response ? { 200: docSchema(parts.response, 'output') } : {}), ...errors, ...parts.more },
  },
});

/**
 * The case officer's side of nominations (issue 11): registering on behalf of a partner of their
 * institution, the EWP inbox (register mobilities as cases under an offer, or refuse one), and the
 * files applicants uploaded. Case officers only, within their institution; inputs parsed with zod.
 */
export function registerNominationStaffRoutes(app: FastifyInstance, deps: NominationStaffDeps): void {
  const { db } = deps;
  const officer = (authorization: string | undefined) => caseOfficerActor(deps.identify, authorization);
  const changesChannel = () => app.saksflyt.channels.changes;

  app.post(
    '/api/nominations/on-behalf',
    route('Register one nomination on behalf of a partner, with the reason (422 with the errors per field: nothing created)', {
      body: onBehalfNominationSchema,
      response: registeredCaseSchema,
      more: { 422: errorResponse },
    }),
    async (request) => {
      const actor = await officer(request.headers.authorization);
      const input = parseInput(onBehalfNominationSchema, request.body, 'body');
      if (!(await institutionPartners(db, actor.scope.institution)).some((partner) => partner.id === input.partnerId)) {
        throw new HttpError(404, 'not-found', 'not-found', `No partner ${input.partnerId}`);
      }
      const result = await createOnBehalfNomination(db, {
        request: input,
        actor,
        now: new Date(),
        changesChannel: changesChannel(),
        publicUrl: publicUrlOf(app, request),
      });
      if (!result.ok) throw 'invalid' in result ? HttpError.badRequest(result.invalid) : refused(errorsOf(result));
      const [registered] = result.cases;
      return registeredCaseSchema.parse({ caseId: registered!.caseId, created: registered!.created });
    },
  );

  app.get(
    '/api/nominations/ewp',
    route('The mobilities partners of my institution sent through EWP, with our answer and whether a case exists', {
      querystring: ewpInboxQuerySchema,
      response: ewpInboxSchema,
    }),
    async (request) => {
      const actor = await officer(request.headers.authorization);
      const { status } = parseInput(ewpInboxQuerySchema, request.query, 'query');
      return ewpInboxSchema.parse({ mobilities: await ewpInbox(db, actor, status) });
    },
  );

  app.post(
    '/api/nominations/ewp/cases',
    route('Register EWP mobilities as nomination cases under an offer of their partner (all or nothing; 422 with each refused mobility)', {
      body: ewpNominationCasesSchema,
      response: ewpCasesRegisteredSchema,
      more: { 422: errorResponse },
    }),
    async (request) => {
      const actor = await officer(request.headers.authorization);
      const { offerCode, mobilities } = parseInput(ewpNominationCasesSchema, request.body, 'body');
      if (!(await storedOffers(db, { institution: actor.scope.institution })).some((offer) => offer.code === offerCode)) {
        throw new HttpError(404, 'not-found', 'not-found', `No offer ${offerCode}`);
      }
      const result = await createEwpNominationCases(db, {
        request: { offerCode, mobilities },
        actor,
        now: new Date(),
        changesChannel: changesChannel(),
        publicUrl: publicUrlOf(app, request),
      });
      const byKey = new Map(mobilities.map((mobility) => [ewpNominationKey(mobility), mobility] as const));
      if (!result.ok) {
        const problems = result.problems.map(({ key, message }) => ({ ...byKey.get(key), message }));
        throw new HttpError(422, 'bad-request', 'validation', `Nothing was registered: ${problems.length} refused`, { problems });
      }
      return ewpCasesRegisteredSchema.parse({ cases: result.cases.map(({ key, caseId, created }) => ({ ...byKey.get(key)!, caseId, created })) });
    },
  );

  app.post(
    '/api/nominations/ewp/reject',
    route('Refuse an EWP mobility with a comment the partner reads back (409 when it has a case)', {
      body: ewpRejectSchema,
      response: ewpRejectedSchema,
      more: { 409: errorResponse },
    }),
    async (request) => {
      const actor = await officer(request.headers.authorization);
      const input = parseInput(ewpRejectSchema, request.body, 'body');
      await rejectEwpMobility(db, actor, input, new Date());
      return ewpRejectedSchema.parse({ sendingHeiId: input.sendingHeiId, omobilityId: input.omobilityId, status: 'rejected' });
    },
  );

  app.get(
    '/api/cases/:id/uploads',
    route("The files the case's applicant uploaded (staff who see the case; anyone else gets 404)", { response: caseUploadsSchema }),
    async (request) => {
      const { id } = parseInput(caseParams, request.params, 'path');
      const { actor } = await deps.identify(request.headers.authorization);
      return caseUploadsSchema.parse({ uploads: await caseUploads(db, actor, id) });
    },
  );

  app.get('/api/cases/:id/uploads/:uploadId', route('One uploaded file, as an attachment with its media type', {}), async (request, reply) => {
    const { id, uploadId } = parseInput(uploadParams, request.params, 'path');
    const { actor } = await deps.identify(request.headers.authorization);
    const file = await caseUploadFile(db, actor, id, uploadId);
    return reply
      .type(file.mediaType)
      .header('content-disposition', attachmentDisposition(file.fileName))
      .header('x-content-type-options', 'nosniff')
      .send(file.content);
  });
}
