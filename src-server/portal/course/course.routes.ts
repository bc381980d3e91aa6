import type { FastifyInstance } from 'fastify';
import { registrationInputSchema } from '../../../src-shared/domain/course-delivery/participants';
import { courseParamsSchema, courseRegisteredSchema, publicCourseSchema } from '../../../src-shared/portal/course-registration.contract';
import { docSchema, errorResponse } from '../../http/openapi';
import { parseInput } from '../../http/parse';
import { registerForCourse } from './course-registration';
import { openCourse, publicCourse } from './open-course';

const base = '/portal/api/courses/:caseId';

/** Registrations one address may send a minute (an employer registering a team stays well under). */
export const REGISTRATIONS_PER_MINUTE = 20;

/**
 * A course's public registration page (issue 13), without sign-in: the course as the page needs
 * it, and the registration, taken as the server's workflow step and answered with a receipt by
 * e-mail. A case that is not a course taking registrations is 404, as an unknown one.
 */
export function registerCourseRoutes(app: FastifyInstance): void {
  app.get(
    base,
    {
      schema: {
        tags: ['portal'],
        summary: 'A course’s registration page: the course, its price and dates, the deadline, places left, the fields asked for (no sign-in)',
        params: docSchema(courseParamsSchema),
        response: { 200: docSchema(publicCourseSchema, 'output'), 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      const { caseId } = parseInput(courseParamsSchema, request.params, 'path');
      return publicCourseSchema.parse(publicCourse(await openCourse(app.saksflyt.steps, caseId), new Date()));
    },
  );

  app.post(
    `${base}/registrations`,
    {
      // Anyone may register, and each registration e-mails the address given: so not too often from one address.
      config: { rateLimit: { max: REGISTRATIONS_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags: ['portal'],
        summary:
          'Register for the course (no sign-in); a receipt is e-mailed at once. Refused: 410 closed, 422 a field missing, 409 already registered, 429 too many from this address',
        params: docSchema(courseParamsSchema),
        body: docSchema(registrationInputSchema),
        response: {
          201: docSchema(courseRegisteredSchema, 'output'),
          400: errorResponse,
          404: errorResponse,
          409: errorResponse,
          410: errorResponse,
          422: errorResponse,
          429: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const { caseId } = parseInput(courseParamsSchema, request.params, 'path');
      const registration = parseInput(registrationInputSchema, request.body, 'body');
      const registered = await registerForCourse(app.saksflyt.steps, { caseId, registration, now: new Date() });
      return reply.status(201).send(courseRegisteredSchema.parse(registered));
    },
  );
}
