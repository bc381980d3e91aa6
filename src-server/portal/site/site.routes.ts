import type { FastifyInstance } from 'fastify';
import { dateOf } from '../../../src-shared/domain/calendar/iso-date';
import {
  siteChangeRequestInputSchema,
  siteConfirmSchema,
  siteDeclineSchema,
  siteOrderRefSchema,
  siteOrderSchema,
  siteOrdersSchema,
  sitePlacesSchema,
  siteStaffingSchema,
  siteStudentsQuerySchema,
  siteStudentsSchema,
  siteUsersSchema,
} from '../../../src-shared/portal/site.contract';
import type { Identity } from '../../auth/identify';
import type { Database } from '../../db/database';
import { docSchema, errorResponse } from '../../http/openapi';
import { parseInput } from '../../http/parse';
import { portalActor } from '../portal-access';
import { answerOrder, siteOrder, siteOrders } from './site-orders';
import { sitePlaces } from './site-places';
import { requestSupervisorChange, siteUsers, staffOrder } from './site-staffing';
import { studentsByPeriod, supervisedStudents } from './site-students';

export interface SiteRouteDeps {
  db: Database;
  identify(authorization: string | undefined): Promise<Identity>;
  /** The clock (default the system's): steps' times and what counts as today. */
  now?(): Date;
}

type Doc = Parameters<typeof docSchema>[0];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const base = '/portal/api/site/orders';
const doc = (summary: string, response: Doc, input: { body?: Doc; querystring?: Doc } = {}) => ({
  schema: {
    tags: ['portal'],
    summary,
    security: [{ bearerAuth: [] }],
    ...(input.body ? { body: docSchema(input.body) } : {}),
    ...(input.querystring ? { querystring: docSchema(input.querystring) } : {}),
    response: { 200: docSchema(response, 'output'), ...errors },
  },
});

/**
 * A placement site's coordinator in the portal: the orders sent to their sites (another site's is
 * 404, as an unknown one), the answer to an order, the staffing picked from the site's own users,
 * the students distributed to the sites (now / upcoming / past), the places offered per site and
 * unit, and requests for another supervisor of a student. A site's supervisor reads only the
 * students they supervise.
 */
export function registerSiteRoutes(app: FastifyInstance, deps: SiteRouteDeps): void {
  const now = () => deps.now?.() ?? new Date();
  const steps = () => ({ db: deps.db, steps: app.saksflyt.steps });
  const coordinator = (authorization: string | undefined) => portalActor(deps.identify, authorization, 'siteCoordinator');
  const onOrder = async (request: { headers: { authorization?: string }; params: unknown }) => ({
    actor: await coordinator(request.headers.authorization),
    id: parseInput(siteOrderRefSchema, request.params, 'path').id,
    now: now(),
  });
  const answer = async (request: { headers: { authorization?: string }; params: unknown }, value: { places: number } | { reason: string }) =>
    siteOrderSchema.parse(await answerOrder(steps(), { ...(await onOrder(request)), answer: value }));

  app.get(base, doc('The placement orders of my sites, newest first', siteOrdersSchema), async (request) => {
    const actor = await coordinator(request.headers.authorization);
    return siteOrdersSchema.parse({ orders: await siteOrders(deps.db, actor) });
  });

  app.get(`${base}/:id`, doc('One order of my sites', siteOrderSchema), async (request) => {
    const actor = await coordinator(request.headers.authorization);
    return siteOrderSchema.parse(await siteOrder(deps.db, actor, parseInput(siteOrderRefSchema, request.params, 'path').id));
  });

  app.post(
    `${base}/:id/confirm`,
    doc('Confirm the order with the places my site offers (the placement administrator is e-mailed)', siteOrderSchema, { body: siteConfirmSchema }),
    (request) => answer(request, parseInput(siteConfirmSchema, request.body, 'body')),
  );

  app.post(`${base}/:id/decline`, doc('Decline the order: no capacity, with the reason', siteOrderSchema, { body: siteDeclineSchema }), (request) =>
    answer(request, parseInput(siteDeclineSchema, request.body, 'body')),
  );

  app.put(
    `${base}/:id/staffing`,
    doc("Set the coordinator and supervisors per class, from my site's users", siteOrderSchema, { body: siteStaffingSchema }),
    async (request) => {
      const input = await onOrder(request);
      const { staffing } = parseInput(siteStaffingSchema, request.body, 'body');
      return siteOrderSchema.parse(await staffOrder(steps(), { ...input, staffing }));
    },
  );

  app.post(
    `${base}/:id/supervisor-changes`,
    doc('Ask the institution for another supervisor of a student (it decides)', siteOrderSchema, { body: siteChangeRequestInputSchema }),
    async (request) => {
      const input = await onOrder(request);
      const change = parseInput(siteChangeRequestInputSchema, request.body, 'body');
      return siteOrderSchema.parse(await requestSupervisorChange(steps(), { ...input, request: change }));
    },
  );

  app.get('/portal/api/site/users', doc('The users of my sites (coordinators and supervisors) to pick staffing from', siteUsersSchema), async (request) => {
    const actor = await coordinator(request.headers.authorization);
    return siteUsersSchema.parse({ users: await siteUsers(deps.db, actor) });
  });

  app.get('/portal/api/site/places', doc('The places my sites offer per site and unit', sitePlacesSchema), async (request) => {
    const actor = await coordinator(request.headers.authorization);
    return sitePlacesSchema.parse({ places: await sitePlaces(deps.db, actor) });
  });

  app.get(
    '/portal/api/site/students',
    doc('The students at my sites in placement now, upcoming and past', siteStudentsSchema, { querystring: siteStudentsQuerySchema }),
    async (request) => {
      const actor = await coordinator(request.headers.authorization);
      const { today = dateOf(now()) } = parseInput(siteStudentsQuerySchema, request.query, 'query');
      return siteStudentsSchema.parse(studentsByPeriod(await siteOrders(deps.db, actor), today));
    },
  );

  app.get(
    '/portal/api/site/supervised',
    doc('A site supervisor: the students I supervise, now, upcoming and past', siteStudentsSchema, { querystring: siteStudentsQuerySchema }),
    async (request) => {
      const actor = await portalActor(deps.identify, request.headers.authorization, 'siteSupervisor');
      const { today = dateOf(now()) } = parseInput(siteStudentsQuerySchema, request.query, 'query');
      return siteStudentsSchema.parse(supervisedStudents(await siteOrders(deps.db, actor, 'siteSupervisor'), actor.userId, today));
    },
  );
}
