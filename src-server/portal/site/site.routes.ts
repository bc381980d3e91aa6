import type { FastifyInstance } from 'fastify';
import { siteConfirmSchema, siteDeclineSchema, siteOrderRefSchema, siteOrderSchema, siteOrdersSchema } from '../../../src-shared/portal/site.contract';
import type { Identity } from '../../auth/identify';
import type { Database } from '../../db/database';
import { docSchema, errorResponse } from '../../http/openapi';
import { parseInput } from '../../http/parse';
import { portalActor } from '../portal-access';
import { answerOrder, siteOrder, siteOrders } from './site-orders';

export interface SiteRouteDeps {
  db: Database;
  identify(authorization: string | undefined): Promise<Identity>;
}

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const base = '/portal/api/site/orders';
const doc = (summary: string, body?: Parameters<typeof docSchema>[0]) => ({
  schema: {
    tags: ['portal'],
    summary,
    security: [{ bearerAuth: [] }],
    ...(body ? { body: docSchema(body) } : {}),
    response: { 200: docSchema(body ? siteOrderSchema : siteOrdersSchema, 'output'), ...errors },
  },
});

/**
 * A placement site's coordinator in the portal: the orders sent to their sites (another site's is
 * 404, as an unknown one), and the answer to an order, confirmed capacity or no capacity.
 */
export function registerSiteRoutes(app: FastifyInstance, deps: SiteRouteDeps): void {
  const coordinator = (authorization: string | undefined) => portalActor(deps.identify, authorization, 'siteCoordinator');
  const answer = async (request: { headers: { authorization?: string }; params: unknown }, value: { places: number } | { reason: string }) => {
    const actor = await coordinator(request.headers.authorization);
    const { id } = parseInput(siteOrderRefSchema, request.params, 'path');
    return siteOrderSchema.parse(await answerOrder({ db: deps.db, steps: app.saksflyt.steps }, { actor, id, now: new Date(), answer: value }));
  };

  app.get(base, doc('The placement orders of my sites, newest first'), async (request) => {
    const actor = await coordinator(request.headers.authorization);
    return siteOrdersSchema.parse({ orders: await siteOrders(deps.db, actor) });
  });

  app.get(
    `${base}/:id`,
    { schema: { ...doc('One order of my sites').schema, response: { 200: docSchema(siteOrderSchema, 'output'), ...errors } } },
    async (request) => {
      const actor = await coordinator(request.headers.authorization);
      return siteOrderSchema.parse(await siteOrder(deps.db, actor, parseInput(siteOrderRefSchema, request.params, 'path').id));
    },
  );

  app.post(
    `${base}/:id/confirm`,
    doc('Confirm the order with the places my site offers (the placement administrator is e-mailed)', siteConfirmSchema),
    (request) => answer(request, parseInput(siteConfirmSchema, request.body, 'body')),
  );

  app.post(`${base}/:id/decline`, doc('Decline the order: no capacity, with the reason', siteDeclineSchema), (request) =>
    answer(request, parseInput(siteDeclineSchema, request.body, 'body')),
  );
}
