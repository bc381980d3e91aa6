import type { FastifyInstance } from 'fastify';
import { MAX_NOMINATION_CSV_BYTES, nominationCsvTemplate } from '../../src-shared/domain/nomination/nomination-csv';
import {
  caseRefSchema,
  portalCsvQuerySchema,
  portalMeSchema,
  portalNominatedSchema,
  portalNominateSchema,
  portalNominationsQuerySchema,
  portalNominationsSchema,
  portalOffersSchema,
  portalTemplateQuerySchema,
  portalWithdrawSchema,
} from '../../src-shared/portal/portal.contract';
import type { Identity } from '../auth/identify';
import type { Database } from '../db/database';
import { docSchema, errorResponse } from '../http/openapi';
import { HttpError } from '../http/http-error';
import { parseInput } from '../http/parse';
import { publicUrlOf } from '../http/public-url';
import { registerApplicantRoutes } from './applicant/applicant.routes';
import { registerCourseRoutes } from './course/course.routes';
import { portalActor, portalUser } from './portal-access';
import { nominate, nominateFromCsv, nominatingPartner } from './portal-nominate';
import { partnerNames, partnerNominations, partnerOffers } from './portal-reads';
import { PORTAL_DIR, registerPortalStatic } from './portal-static';
import { registerSiteRoutes } from './site/site.routes';
import { withdrawNomination } from './portal-withdraw';

export interface PortalDeps {
  db: Database;
  identify(authorization: string | undefined): Promise<Identity>;
  /** Sends queued e-mail now (the applicants' invitations). */
  wakeEmail(): void;
  /** The built portal (default out/portal). */
  root?: string;
}

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse };
const nominateErrors = { ...errors, 413: errorResponse, 422: errorResponse };
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
 * The external portal (`/portal/`): its built pages, its API for a partner's nominator, who reads
 * and withdraws only the partner's own nominations and reads its offers (scope.partners), and the
 * applicant's (applicant/applicant.routes.ts).
 */
export function registerPortal(app: FastifyInstance, deps: PortalDeps): void {
  registerPortalStatic(app, deps.root ?? PORTAL_DIR);

  app.get(
    '/portal/api/me',
    doc('The signed-in portal user: nominator (with their partners), applicant or site coordinator (with their sites)', portalMeSchema),
    async (request) => {
      const { actor, role } = await portalUser(deps.identify, request.headers.authorization);
      return portalMeSchema.parse({ name: actor.name, role, partners: role !== 'applicant' ? await partnerNames(deps.db, actor.scope.partners) : [] });
    },
  );

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

  const changesChannel = () => app.saksflyt.channels.changes;

  app.post(
    '/portal/api/nominations',
    {
      schema: {
        tags: ['portal'],
        summary: 'Nominate one applicant for one of my partner’s offers (422 with the errors: nothing created)',
        security: [{ bearerAuth: [] }],
        body: docSchema(portalNominateSchema),
        response: { 200: docSchema(portalNominatedSchema, 'output'), ...nominateErrors },
      },
    },
    async (request) => {
      const actor = await portalActor(deps.identify, request.headers.authorization);
      const { partner, draft } = parseInput(portalNominateSchema, request.body, 'body');
      const input = {
        actor,
        partnerId: nominatingPartner(actor, partner),
        now: new Date(),
        publicUrl: publicUrlOf(app, request),
        changesChannel: changesChannel(),
      };
      const nominated = await nominate(deps.db, [{ row: 1, nomination: draft }], input);
      if (nominated.created > 0) deps.wakeEmail();
      return portalNominatedSchema.parse(nominated);
    },
  );

  app.post(
    '/portal/api/nominations/:ref/withdraw',
    {
      schema: {
        tags: ['portal'],
        summary: 'Withdraw one of my partner’s applications (by case number, URL-encoded, or id) with a reason',
        security: [{ bearerAuth: [] }],
        body: docSchema(portalWithdrawSchema),
        response: { 204: { type: 'null' }, ...errors, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request, reply) => {
      const actor = await portalActor(deps.identify, request.headers.authorization);
      const { ref } = parseInput(caseRefSchema, request.params, 'path');
      const { reason } = parseInput(portalWithdrawSchema, request.body, 'body');
      await withdrawNomination(deps.db, app.saksflyt.steps, { actor, ref, reason, now: new Date() });
      return reply.status(204).send();
    },
  );

  // The CSV file is the body (text/csv); only this route reads such bodies, and only up to the file limit.
  void app.register(async (scope) => {
    scope.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: MAX_NOMINATION_CSV_BYTES + 4 }, (_request, body, done) => done(null, body));
    scope.post(
      '/portal/api/nominations/csv',
      {
        bodyLimit: MAX_NOMINATION_CSV_BYTES + 4,
        schema: {
          tags: ['portal'],
          summary: 'Nominate the rows of a CSV file (text/csv body, all or nothing; 422 with every row’s error)',
          security: [{ bearerAuth: [] }],
          querystring: docSchema(portalCsvQuerySchema),
          response: { 200: docSchema(portalNominatedSchema, 'output'), ...nominateErrors, 415: errorResponse },
        },
      },
      async (request) => {
        const actor = await portalActor(deps.identify, request.headers.authorization);
        const { partner } = parseInput(portalCsvQuerySchema, request.query, 'query');
        if (typeof request.body !== 'string') throw new HttpError(415, 'bad-request', 'validation', 'Send the CSV file as text/csv');
        const input = {
          actor,
          partnerId: nominatingPartner(actor, partner),
          now: new Date(),
          publicUrl: publicUrlOf(app, request),
          changesChannel: changesChannel(),
        };
        const nominated = await nominateFromCsv(deps.db, request.body, input);
        if (nominated.created > 0) deps.wakeEmail();
        return portalNominatedSchema.parse(nominated);
      },
    );
  });

  app.get(
    '/portal/api/nominations/template',
    {
      schema: {
        tags: ['portal'],
        summary: 'The CSV template (text/csv) in the language asked for, with one of my partner’s offers as example',
        security: [{ bearerAuth: [] }],
        querystring: docSchema(portalTemplateQuerySchema),
        response: errors,
      },
    },
    async (request, reply) => {
      const actor = await portalActor(deps.identify, request.headers.authorization);
      const { lang, partner } = parseInput(portalTemplateQuerySchema, request.query, 'query');
      const [offer] = await partnerOffers(deps.db, [nominatingPartner(actor, partner)]);
      const file = lang === 'nb' ? 'nominasjoner.csv' : 'nominations.csv';
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file}"`).send(nominationCsvTemplate(lang, offer));
    },
  );

  registerApplicantRoutes(app, deps);
  registerSiteRoutes(app, deps);
  registerCourseRoutes(app);
}
