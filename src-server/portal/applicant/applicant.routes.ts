import { serverSessionSchema } from '../../../src-shared/auth/auth.contract';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  applicantApplicationSchema,
  applicantApplicationsSchema,
  applicantLinkRequestSchema,
  applicantPersonalDataInputSchema,
  applicantSignInSchema,
  applicantSubmitSchema,
  applicantUploadQuerySchema,
  applicantUploadSchema,
  MAX_UPLOAD_BYTES,
  uploadMediaTypes,
} from '../../../src-shared/portal/applicant.contract';
import { caseRefSchema, portalWithdrawSchema } from '../../../src-shared/portal/portal.contract';
import type { Identity } from '../../auth/identify';
import type { Database } from '../../db/database';
import { docSchema, errorResponse } from '../../http/openapi';
import { HttpError } from '../../http/http-error';
import { parseInput } from '../../http/parse';
import { publicUrlOf } from '../../http/public-url';
import { portalActor } from '../portal-access';
import { sendApplicantLink } from './applicant-link';
import { applicantApplications, applicationView, offersOfCases, ownCase } from './applicant-reads';
import { signInApplicant } from './applicant-session';
import { answerOffer, savePersonalData, submitApplication, uploadDocument, withdrawApplication, type ApplicantStepDeps } from './applicant-steps';
import { uploadsOf } from './applicant-uploads';

export interface ApplicantRouteDeps {
  db: Database;
  identify(authorization: string | undefined): Promise<Identity>;
  /** Sends queued e-mail now (the invitation links). */
  wakeEmail(): void;
}

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const base = '/portal/api/applicant';
const tagged = (summary: string) => ({ schema: { tags: ['portal'], summary, security: [{ bearerAuth: [] }], response: errors } });
/** A change answered 204 No Content. */
const change = (summary: string) => ({ schema: { ...tagged(summary).schema, response: { 204: { type: 'null' }, ...errors } } });

/**
 * The applicant's side of the portal: sign in with the invitation link, then their own
 * applications only (another person's case is 404, as an unknown one), each change a workflow
 * step taken as the applicant. Answers are parsed with the contract, so nothing else leaks out.
 */
export function registerApplicantRoutes(app: FastifyInstance, deps: ApplicantRouteDeps): void {
  const stepDeps = (): ApplicantStepDeps => ({ db: deps.db, steps: app.saksflyt.steps });
  const applicant = (authorization: string | undefined) => portalActor(deps.identify, authorization, 'applicant');
  const step = (request: { headers: { authorization?: string }; params: unknown }) =>
    applicant(request.headers.authorization).then((actor) => ({ actor, ref: parseInput(caseRefSchema, request.params, 'path').ref, now: new Date() }));

  app.post(
    `${base}/session`,
    {
      schema: {
        tags: ['portal'],
        summary: 'Sign in with the invitation link’s token and the e-mail it was sent to (once; 403/404/410 with the refusal code)',
        body: docSchema(applicantSignInSchema),
        response: { 200: docSchema(serverSessionSchema, 'output'), 400: errorResponse, 403: errorResponse, 404: errorResponse, 410: errorResponse },
      },
    },
    async (request) => {
      const { token, email } = parseInput(applicantSignInSchema, request.body, 'body');
      const session = await signInApplicant(deps.db, app.saksflyt.tokens, { token, email, now: new Date() });
      return serverSessionSchema.parse(session);
    },
  );

  app.post(
    `${base}/link`,
    {
      schema: {
        tags: ['portal'],
        summary: 'E-mail a fresh sign-in link to this address if it has an open application (always 202)',
        body: docSchema(applicantLinkRequestSchema),
        response: { 202: { type: 'null' }, 400: errorResponse },
      },
    },
    async (request, reply) => {
      const { email } = parseInput(applicantLinkRequestSchema, request.body, 'body');
      if ((await sendApplicantLink(deps.db, { email, publicUrl: publicUrlOf(app, request), now: new Date() })) > 0) deps.wakeEmail();
      return reply.status(202).send();
    },
  );

  app.get(`${base}/applications`, tagged('My applications: status, deadlines, documents, choices, what I may do now'), async (request) => {
    const actor = await applicant(request.headers.authorization);
    return applicantApplicationsSchema.parse({ applications: await applicantApplications(deps.db, actor, new Date()) });
  });

  app.get(`${base}/applications/:ref`, tagged('One of my applications (by id or case number)'), async (request) => {
    const { actor, ref, now } = await step(request);
    const c = await ownCase(deps.db, actor, ref);
    return applicantApplicationSchema.parse(applicationView(c, await offersOfCases(deps.db, [c]), await uploadsOf(deps.db, c.id), now));
  });

  app.put(`${base}/applications/:ref/personal-data`, change('Save my personal data (before I submit)'), async (request, reply) => {
    const input = await step(request);
    await savePersonalData(stepDeps(), { ...input, personal: parseInput(applicantPersonalDataInputSchema, request.body, 'body') });
    return reply.status(204).send();
  });

  app.post(`${base}/applications/:ref/submit`, change('Submit my application with my choices, best first'), async (request, reply) => {
    const input = await step(request);
    await submitApplication(stepDeps(), { ...input, choices: parseInput(applicantSubmitSchema, request.body, 'body').choices });
    return reply.status(204).send();
  });

  for (const [path, accept] of [
    ['accept', true],
    ['decline', false],
  ] as const) {
    app.post(`${base}/applications/:ref/${path}`, change(`${accept ? 'Accept' : 'Decline'} the offer made to me`), async (request, reply) => {
      await answerOffer(stepDeps(), { ...(await step(request)), accept });
      return reply.status(204).send();
    });
  }

  app.post(`${base}/applications/:ref/withdraw`, change('Withdraw my application, with a reason'), async (request, reply) => {
    const input = await step(request);
    await withdrawApplication(stepDeps(), { ...input, reason: parseInput(portalWithdrawSchema, request.body, 'body').reason });
    return reply.status(204).send();
  });

  app.get(`${base}/applications/:ref/uploads`, tagged('The documents I uploaded to the application'), async (request) => {
    const { actor, ref } = await step(request);
    const c = await ownCase(deps.db, actor, ref);
    return z.array(applicantUploadSchema).parse(await uploadsOf(deps.db, c.id));
  });

  // The file is the body; only this route reads such bodies, and only up to the upload limit.
  void app.register(async (scope) => {
    for (const type of [...uploadMediaTypes, 'application/octet-stream']) {
      scope.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_request, body, done) => done(null, body));
    }
    scope.post(
      `${base}/applications/:ref/uploads`,
      {
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: {
          tags: ['portal'],
          summary: 'Upload a document (the body: PDF, JPEG or PNG, at most 10 MB) of a kind the application asks for',
          security: [{ bearerAuth: [] }],
          querystring: docSchema(applicantUploadQuerySchema),
          response: { 201: docSchema(applicantUploadSchema, 'output'), ...errors, 413: errorResponse, 415: errorResponse },
        },
      },
      async (request, reply) => {
        const input = await step(request);
        const { kind, name } = parseInput(applicantUploadQuerySchema, request.query, 'query');
        if (!Buffer.isBuffer(request.body)) throw new HttpError(415, 'bad-request', 'validation', 'Send the file as the body (PDF, JPEG or PNG)');
        const upload = await uploadDocument(stepDeps(), { ...input, kind, fileName: name, content: request.body });
        return reply.status(201).send(applicantUploadSchema.parse(upload));
      },
    );
  });
}
