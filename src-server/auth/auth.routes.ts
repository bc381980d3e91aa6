import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { loginRequestSchema, refreshRequestSchema, serverSessionSchema as sessionSchema } from '../../src-shared/auth/auth.contract';
import { actorSchema } from '../../src-shared/domain/access';
import type { Database } from '../db/database';
import { docSchema, errorResponse } from '../http/openapi';
import { parseInput } from '../http/parse';
import type { AccessTokens } from './access-token';
import type { Identity } from './identify';
import type { LoginProvider } from './login-provider';
import { endSession, issueSession, refreshSession } from './sessions';
import { guardedSignIn } from './guarded-sign-in';
import { TooManySignIns, type SignInLimiter } from './sign-in-limiter';

export interface AuthRouteDeps {
  db: Database;
  tokens: AccessTokens;
  password: LoginProvider;
  identify(authorization: string | undefined): Promise<Identity>;
  /** Records a sign-in attempt; throws TooManySignIns over the limit (see sign-in-limiter.ts). */
  limitSignIn: SignInLimiter;
  /** Sent with every session: days a laptop may stay offline (MAX_OFFLINE_DAYS; default in sessions.ts). */
  maxOfflineDays?: number;
}

const errors = { 400: errorResponse, 401: errorResponse };
const loginErrors = { ...errors, 429: errorResponse };

export function registerAuthRoutes(app: FastifyInstance, deps: AuthRouteDeps): void {
  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username and password',
        description:
          'Returns a short-lived access token (send as `Authorization: Bearer …`) and a rotating refresh token bound to this device. ' +
          'After too many failed sign-ins for the account or from the address: 429 with `Retry-After` (seconds).',
        body: docSchema(loginRequestSchema),
        response: { 200: docSchema(sessionSchema, 'output'), ...loginErrors },
      },
    },
    async (request, reply) => {
      const body = parseInput(loginRequestSchema, request.body, 'login');
      let userId: string;
      try {
        ({ userId } = await guardedSignIn(
          { db: deps.db, provider: deps.password, limit: deps.limitSignIn },
          { username: body.username, password: body.password },
          request.ip,
        ));
      } catch (error) {
        if (!(error instanceof TooManySignIns)) throw error;
        return reply.status(429).header('retry-after', String(error.retryAfterSeconds)).send(error.toBody());
      }
      return issueSession(
        deps.db,
        deps.tokens,
        { userId, deviceId: body.deviceId, deviceName: body.deviceName, provider: deps.password.id },
        deps.maxOfflineDays,
      );
    },
  );

  app.post(
    '/auth/refresh',
    {
      schema: {
        tags: ['auth'],
        summary: 'Trade a refresh token for a new session',
        description:
          'Each refresh token works once. Presenting a used one again revokes the whole session (401 `refresh-reused`); a revoked device gets 401 `device-revoked` and must wipe its local data.',
        body: docSchema(refreshRequestSchema),
        response: { 200: docSchema(sessionSchema, 'output'), ...errors },
      },
    },
    async (request) => {
      const body = parseInput(refreshRequestSchema, request.body, 'refresh');
      return refreshSession(deps.db, deps.tokens, body.refreshToken, deps.maxOfflineDays);
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: { tags: ['auth'], summary: "End this device's session", body: docSchema(refreshRequestSchema), response: { 204: { type: 'null' }, ...errors } },
    },
    async (request, reply) => {
      const body = parseInput(refreshRequestSchema, request.body, 'logout');
      await endSession(deps.db, body.refreshToken);
      return reply.status(204).send();
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user and device',
        security: [{ bearerAuth: [] }],
        response: { 200: docSchema(z.object({ user: actorSchema, deviceId: z.string() }), 'output'), ...errors },
      },
    },
    async (request) => {
      const identity = await deps.identify(request.headers.authorization);
      return { user: identity.actor, deviceId: identity.deviceId };
    },
  );
}
