import type { FastifyInstance } from 'fastify';
import { portalMeSchema, portalNominationsQuerySchema, portalNominationsSchema, portalOffersSchema } from '../../src-shared/portal/portal.contract';
import type { Identity } from '../auth/identify';
import type { Database } from '../db/database';
import { docSchema, errorResponse } from '../http/openapi';
import { parseInput } from '../http/parse';
import { portalActor } from './portal-access';
import { partnerNames, partnerNominations, partnerOffers } from './portal-reads';
import { PORTAL_DIR, registerPortalStatic } from './portal-static';

export interface PortalDeps {
  db: Database;
  identify(authorization: string | undefined): Promise<Identity>;
  /** The built portal (default out/portal). */
  root?: string;
}

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse };
const doc = (summary: string, response: Parameters<typeof docSchema>[0], querystring?: Parameters<typeof docSchema>[0]) => ({
  schema: {
    tags: ['portal'],
    summary,
    security: [{ bearerAuth: [] }],
    ...(querystring ? { querystring: docSchema(querystring) } : {}),
    response: { 200: docSchema(response, 'output'), ...errors },
  },
});

/**
 * The external portal (`/portal/`): its built pages, and its API for a partner's nominator, who
 * reads only the partner's own nominations and offers (scope.partners).
 */
export function registerPortal(app: FastifyInstance, deps: PortalDeps): void {
  registerPortalStatic(app, deps.root ?? PORTAL_DIR);

  app.get('/portal/api/me', doc('The signed-in partner user and their partners', portalMeSchema), async (request) => {
    const actor = await portalActor(deps.identify, request.headers.authorization);
    return portalMeSchema.parse({ name: actor.name, partners: await partnerNames(deps.db, actor.scope.partners) });
  });

  app.get(
    '/portal/api/nominations',
    doc('The nominations of my partners: case number, applicant, offer, status', portalNominationsSchema, portalNominationsQuerySchema),
    async (request) => {
      const actor = await portalActor(deps.identify, request.headers.authorization);
      const query = parseInput(portalNominationsQuerySchema, request.query, 'query');
      return portalNominationsSchema.parse({ nominations: await partnerNominations(deps.db, actor.scope.partners, query.status) });
    },
  );

  app.get('/portal/api/offers', doc('The education offers of my partners, with capacity and deadlines', portalOffersSchema), async (request) => {
    const actor = await portalActor(deps.identify, request.headers.authorization);
    return portalOffersSchema.parse({ offers: await partnerOffers(deps.db, actor.scope.partners) });
  });
}
