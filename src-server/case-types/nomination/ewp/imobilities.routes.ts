import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { heiIdSchema } from '../../../../src-shared/domain/nomination/ewp-nomination';
import type { Identity } from '../../../auth/identify';
import type { Database } from '../../../db/database';
import { storedOrganisation } from '../../../organisation/org-store';
import { HttpError } from '../../../http/http-error';
import { errorResponse } from '../../../http/openapi';
import { parseInput } from '../../../http/parse';
import { incomingStatuses } from './ewp-nomination-store';
import { imobilitiesGetResponse } from './imobilities-xml';

/** This server's max-omobility-ids: more ids in one request are refused (400), as the spec says. */
export const MAX_IMOBILITY_IDS = 100;
const FORM_BODY_LIMIT = 64 * 1024;

const paramsSchema = z.object({
  receiving_hei_id: z
    .array(heiIdSchema)
    .length(1, 'give receiving_hei_id once')
    .transform(([id]) => id!),
  // Unknown ids are ignored (left out of the answer), so only the length is checked.
  omobility_id: z.array(z.string().max(255)).min(1, 'give at least one omobility_id').max(MAX_IMOBILITY_IDS, `give at most ${MAX_IMOBILITY_IDS} omobility_id`),
});

/**
 * `GET|POST /ewp/imobilities/get`: EWP's Incoming Mobilities get endpoint (stable v1), for a
 * sending partner to read back what became of its nominations imported here: the incoming status
 * (pending, verified, rejected) and staff's comment, as XML. Parameters as the spec says:
 * `receiving_hei_id` (this institution) and `omobility_id` (repeatable), in the query (GET) or as
 * a form body (POST). Unknown ids are left out of the answer.
 *
 * EWP's own client authentication (HTTP signatures through the EWP registry) is not built: until
 * it is, the caller signs in with a partner's nominator account, and reads only the mobilities its
 * partners sent (by their `ewpHeiId` in the organisation data); any other id is left out as unknown.
 */
export async function registerImobilitiesRoutes(
  app: FastifyInstance,
  deps: { db: Database; identify(authorization: string | undefined): Promise<Identity> },
): Promise<void> {
  await app.register(async (scope) => {
    // EWP clients post their parameters as a form; only this route reads such bodies.
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_request, body, done) =>
      done(null, new URLSearchParams(body as string)),
    );
    scope.route({
      method: ['GET', 'POST'],
      url: '/ewp/imobilities/get',
      schema: {
        tags: ['ewp'],
        summary: 'EWP Incoming Mobilities get: the incoming status of nominations imported from the partner',
        description:
          'Parameters `receiving_hei_id` and `omobility_id` (repeatable, at most ' +
          `${MAX_IMOBILITY_IDS}) in the query or as an application/x-www-form-urlencoded body. ` +
          'Answers an `imobilities-get-response` (XML, namespace of ewp-specs-api-imobilities stable-v1) with each known mobility’s `status` (pending, verified, rejected) and `comment`.',
        security: [{ bearerAuth: [] }],
        response: { 400: errorResponse, 401: errorResponse, 403: errorResponse, 415: errorResponse },
      },
      handler: async (request, reply) => {
        const { actor } = await deps.identify(request.headers.authorization);
        if (!actor.roles.includes('nominator')) throw new HttpError(403, 'forbidden', 'forbidden', 'Only a partner’s nominator reads the incoming status');
        const params = parseInput(paramsSchema, parametersOf(request), 'parameters');
        const statuses = await incomingStatuses(deps.db, params.receiving_hei_id, params.omobility_id, await partnerHeiIds(deps.db, actor.scope.partners));
        return reply.type('application/xml; charset=utf-8').send(imobilitiesGetResponse(statuses));
      },
    });
  });
}

/** The EWP HEI ids of the actor's partners. */
async function partnerHeiIds(db: Database, partners: readonly string[]): Promise<string[]> {
  const units = await storedOrganisation(db);
  return units.flatMap((unit) =>
    unit.kind === 'partner' && partners.includes(unit.id) && typeof unit.attributes.ewpHeiId === 'string' ? [unit.attributes.ewpHeiId] : [],
  );
}

function parametersOf(request: FastifyRequest): Record<string, string[]> {
  let params: URLSearchParams;
  if (request.method === 'GET') params = new URL(request.url, 'http://localhost').searchParams;
  else if (request.body instanceof URLSearchParams) params = request.body;
  else throw new HttpError(415, 'bad-request', 'validation', 'POST the parameters as application/x-www-form-urlencoded');
  return { receiving_hei_id: params.getAll('receiving_hei_id'), omobility_id: params.getAll('omobility_id') };
}
