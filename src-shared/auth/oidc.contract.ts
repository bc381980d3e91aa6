import { z } from 'zod';
import { plainText } from './auth.contract';

/**
 * Sign-in through an OpenID Connect provider (Feide), brokered by the central server.
 *
 * The server is the OIDC client of the provider (authorization code flow with PKCE, its client
 * secret never leaves the server). The app never sees the provider's tokens:
 * 1. The app (desktop: a loopback listener, RFC 8252; browser mode: the browser host's own
 *    callback page) opens `GET /auth/oidc/{provider}/start?…` in the system browser / the tab.
 * 2. The server redirects to the provider; the provider redirects back to
 *    `GET /auth/oidc/{provider}/callback`; the server validates the ID token (issuer, audience,
 *    nonce, expiry, signature), maps (issuer, subject) to an account through `identities`.
 * 3. The server redirects to the app's `redirect_uri` with a one-time app code (or `error`), and
 *    the app's `state`.
 * 4. The app trades the code with its PKCE verifier at `POST /auth/oidc/token` for the same
 *    session `POST /auth/login` gives (refresh token, device, user).
 */

export const oidcProviderIdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/);

/** `GET /auth/oidc/providers`: the providers the login page offers (empty: local accounts only). */
export const oidcProvidersResponseSchema = z.object({
  providers: z.array(z.object({ id: oidcProviderIdSchema, label: z.string().min(1).max(100) })),
});
export type OidcProvidersResponse = z.infer<typeof oidcProvidersResponseSchema>;

/** PKCE (RFC 7636) S256 code challenge: base64url of a SHA-256 digest. */
const codeChallenge = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/**
 * Query of `GET /auth/oidc/{provider}/start`. `redirect_uri` must be a loopback address
 * (`http://127.0.0.1:{port}/…` or `http://[::1]:{port}/…`, any port) or one of the server's
 * configured app redirects; anything else is refused with 400 before the provider is involved.
 */
export const oidcStartQuerySchema = z.strictObject({
  redirect_uri: z.url({ protocol: /^https?$/ }).max(500),
  state: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/),
  code_challenge: codeChallenge,
  code_challenge_method: z.literal('S256'),
});
export type OidcStartQuery = z.infer<typeof oidcStartQuerySchema>;

/**
 * What the server appends to the app's `redirect_uri`: `code` and `state` on success, or `error`
 * (one of these) and `state`.
 */
export const oidcAppErrors = ['access-denied', 'unknown-identity', 'user-disabled', 'invalid-response', 'expired'] as const;
export type OidcAppError = (typeof oidcAppErrors)[number];
export const oidcAppRedirectSchema = z.union([
  z.object({ code: z.string().min(20).max(200), state: z.string().max(128) }),
  z.object({ error: z.enum(oidcAppErrors), state: z.string().max(128) }),
]);

/** Body of `POST /auth/oidc/token`; the answer is `serverSessionSchema` (as `POST /auth/login`). */
export const oidcTokenRequestSchema = z.strictObject({
  code: plainText(200),
  codeVerifier: z.string().regex(/^[A-Za-z0-9._~-]{43,128}$/),
  deviceId: plainText(64).optional(),
  deviceName: plainText(100).default('Saksflyt'),
});
export type OidcTokenRequest = z.input<typeof oidcTokenRequestSchema>;
