import type { FastifyInstance } from 'fastify';
import * as client from 'openid-client';
import { z } from 'zod';
import { serverSessionSchema } from '../../../src-shared/auth/auth.contract';
import {
  oidcProviderIdSchema,
  oidcProvidersResponseSchema,
  oidcStartQuerySchema,
  oidcTokenRequestSchema,
  type OidcAppError,
} from '../../../src-shared/auth/oidc.contract';
import type { Database } from '../../db/database';
import { HttpError } from '../../http/http-error';
import { docSchema, errorResponse } from '../../http/openapi';
import { parseInput } from '../../http/parse';
import { publicUrlOf } from '../../http/public-url';
import type { AccessTokens } from '../access-token';
import { issueSession } from '../sessions';
import { allowedAppRedirect } from './app-redirect';
import { auditRefusedOidcSignIn } from './oidc-audit';
import { oidcClient, type OidcClient, type OidcPerson } from './oidc-client';
import type { OidcOptions } from './oidc-config';
import { userOfIdentity } from './oidc-identities';
import { issueAppCode, redeemAppCode, savePendingLogin, takePendingLogin, type PendingLogin } from './oidc-login-store';

export interface OidcRouteDeps {
  db: Database;
  tokens: AccessTokens;
  /** Without providers only `GET /auth/oidc/providers` has something to say (none). */
  oidc?: OidcOptions;
  maxOfflineDays?: number;
}

/** Anyone may call these routes: a generous limit per address against floods, not against guessing (codes are 256 bits). */
const rateLimit = { max: 60, timeWindow: '1 minute' };
const providerParams = z.strictObject({ provider: oidcProviderIdSchema });
/** The provider's answer; openid-client reads the rest of it (code, iss, …). */
const callbackQuery = z.object({ state: z.string().min(1).max(500), error: z.string().max(200).optional() });

/**
 * Sign-in through an OpenID Connect provider (Feide), brokered by the server: see
 * src-shared/auth/oidc.contract.ts for the flow. The app never sees the provider's tokens, only a
 * one-time code bound to its own PKCE challenge, which it trades for a session.
 */
export function registerOidcRoutes(app: FastifyInstance, deps: OidcRouteDeps): void {
  const clients = new Map<string, OidcClient>((deps.oidc?.providers ?? []).map((provider) => [provider.id, oidcClient(provider)]));
  const clientOf = (params: unknown): OidcClient => {
    const { provider } = parseInput(providerParams, params, 'path');
    const found = clients.get(provider);
    if (!found) throw new HttpError(404, 'not-found', 'not-found', `No sign-in provider ${provider}`);
    return found;
  };

  app.get(
    '/auth/oidc/providers',
    {
      schema: {
        tags: ['auth'],
        summary: 'The OpenID Connect providers one may sign in with',
        description: 'Empty when the server has none: local accounts only.',
        response: { 200: docSchema(oidcProvidersResponseSchema, 'output') },
      },
    },
    async () => ({ providers: [...clients.values()].map(({ provider }) => ({ id: provider.id, label: provider.label })) }),
  );

  app.get(
    '/auth/oidc/:provider/start',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Start a sign-in with an OpenID Connect provider (opened in the browser)',
        description:
          'Redirects to the provider. `redirect_uri` must be a loopback address (`http://127.0.0.1:{port}/…`, `http://[::1]:{port}/…`) or a configured app redirect, else 400. ' +
          'The sign-in ends with a redirect to `redirect_uri` with `code` and `state`, or `error` and `state`; trade the code at `POST /auth/oidc/token`.',
        params: docSchema(providerParams),
        querystring: docSchema(oidcStartQuerySchema),
        response: {
          302: { description: 'To the provider (or to `redirect_uri` with `error` when the provider cannot be reached)' },
          400: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const oidc = clientOf(request.params);
      const query = parseInput(oidcStartQuerySchema, request.query, 'query');
      const appRedirectUri = allowedAppRedirect(query.redirect_uri, deps.oidc?.appRedirects);
      if (!appRedirectUri) {
        throw HttpError.badRequest('Invalid query: redirect_uri must be a loopback address (http://127.0.0.1:port/…) or a configured app redirect');
      }
      const state = client.randomState();
      const login: PendingLogin = {
        provider: oidc.provider.id,
        callbackUri: `${publicUrlOf(app, request)}/auth/oidc/${oidc.provider.id}/callback`,
        codeVerifier: client.randomPKCECodeVerifier(),
        nonce: client.randomNonce(),
        appRedirectUri,
        appState: query.state,
        appCodeChallenge: query.code_challenge,
      };
      let destination: URL;
      try {
        destination = await oidc.authorizationUrl({ ...login, state });
      } catch (error) {
        request.log.error({ err: error, provider: oidc.provider.id }, 'OIDC discovery failed');
        return reply.redirect(appRedirect(login, { error: 'invalid-response' }));
      }
      await savePendingLogin(deps.db, state, login);
      return reply.redirect(destination.href);
    },
  );

  app.get(
    '/auth/oidc/:provider/callback',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: "The provider's answer to a sign-in (the browser is sent here)",
        description:
          'Validates the ID token (signature, issuer, audience, nonce, expiry) and maps its issuer and subject to an account an administrator linked; then redirects to the app. ' +
          'An unknown or used `state` is answered with 400 (there is no app to send the browser to); an expired one goes to the app as `error=expired`.',
        params: docSchema(providerParams),
        querystring: docSchema(callbackQuery.extend({ code: z.string().optional(), iss: z.string().optional() })),
        response: { 302: { description: "To the app's redirect_uri with `code` and `state`, or `error` and `state`" }, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request, reply) => {
      const oidc = clientOf(request.params);
      const query = parseInput(callbackQuery, request.query, 'query');
      const login = await takePendingLogin(deps.db, oidc.provider.id, query.state);
      if (!login) throw HttpError.badRequest('This sign-in is unknown or was used already; start it again from the app');
      const refuse = async (error: OidcAppError, person?: OidcPerson, userId?: string) => {
        await auditRefusedOidcSignIn(deps.db, { provider: `oidc:${oidc.provider.id}`, address: request.ip, reason: error, ...person, userId });
        return reply.redirect(appRedirect(login, { error }));
      };
      if (login.expired) return refuse('expired');
      if (query.error) return refuse(query.error === 'access_denied' ? 'access-denied' : 'invalid-response');
      let person: OidcPerson;
      try {
        const answer = new URL(login.callbackUri);
        answer.search = new URL(request.url, answer).search;
        person = await oidc.redeem(answer, { ...login, state: query.state });
      } catch (error) {
        request.log.warn({ err: error, provider: oidc.provider.id }, 'OIDC sign-in refused');
        return refuse('invalid-response');
      }
      const user = await userOfIdentity(deps.db, person.issuer, person.subject);
      if (!user) return refuse('unknown-identity', person);
      if (user.disabled) return refuse('user-disabled', person, user.id);
      const code = await issueAppCode(deps.db, { provider: oidc.provider.id, userId: user.id, codeChallenge: login.appCodeChallenge });
      return reply.redirect(appRedirect(login, { code }));
    },
  );

  app.post(
    '/auth/oidc/token',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Trade the one-time code of an OpenID Connect sign-in for a session',
        description:
          'The code works once, for 2 minutes, and only with the PKCE verifier of the `code_challenge` the sign-in was started with (else 401 `invalid-credentials`). ' +
          'Answers the same session as `POST /auth/login`.',
        body: docSchema(oidcTokenRequestSchema),
        response: { 200: docSchema(serverSessionSchema, 'output'), 400: errorResponse, 401: errorResponse },
      },
    },
    async (request) => {
      const body = parseInput(oidcTokenRequestSchema, request.body, 'token request');
      const grant = await redeemAppCode(deps.db, body.code, body.codeVerifier);
      if (!grant) {
        await auditRefusedOidcSignIn(deps.db, { provider: 'oidc', address: request.ip, reason: 'invalid-code' });
        throw HttpError.unauthorized('invalid-credentials', 'This sign-in code is unknown, used or expired, or the verifier does not match; sign in again');
      }
      const login = { userId: grant.userId, deviceId: body.deviceId, deviceName: body.deviceName, provider: `oidc:${grant.provider}` };
      return issueSession(deps.db, deps.tokens, login, deps.maxOfflineDays);
    },
  );
}

/** The app's redirect_uri with the outcome and the app's state. */
function appRedirect(login: PendingLogin, outcome: { code: string } | { error: OidcAppError }): string {
  const url = new URL(login.appRedirectUri);
  for (const [key, value] of Object.entries({ ...outcome, state: login.appState })) url.searchParams.set(key, value);
  return url.href;
}
