import { z } from 'zod';
import { actorSchema } from '../domain/access/roles';
import { isoTimestamp } from '../domain/case/case.schema';
import { oidcProviderIdSchema, oidcProvidersResponseSchema } from '../auth/oidc.contract';
import { defineChannel } from './contract';

/**
 * The signed-in session as the renderer sees it. The main process signs in against the central
 * server, keeps the rotating refresh token in its secure store (it never crosses to the renderer)
 * and hands out short-lived access tokens for the sync requests the renderer makes itself.
 */
export const sessionUserSchema = actorSchema;
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** Names the local replica of one user on one server (the renderer's database name is derived from it). */
export const replicaIdSchema = z.string().regex(/^[a-z0-9]{16,64}$/);

export const accessTokenSchema = z.object({
  accessToken: z.string().min(1).max(4000),
  accessTokenExpiresAt: isoTimestamp,
});
export type AccessToken = z.infer<typeof accessTokenSchema>;

const signedInFields = {
  user: sessionUserSchema,
  serverUrl: z.url({ protocol: /^https?$/ }),
  replicaId: replicaIdSchema,
  /** How the user proved who they are: `password`, or `oidc:<provider>` (Feide, with no local password). */
  provider: z.string().min(1).max(40),
};

/**
 * Why there is no session: never signed in or signed out here, the server ended it (expired,
 * used elsewhere, account disabled), this device was revoked (the replica must be wiped), or too
 * many wrong passwords at the lock screen.
 */
export const signedOutReasons = ['none', 'logged-out', 'expired', 'refresh-reused', 'user-disabled', 'device-revoked', 'unlock-attempts'] as const;
export type SignedOutReason = (typeof signedOutReasons)[number];

export const sessionViewSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('signed-out'), reason: z.enum(signedOutReasons), lastUsername: z.string().max(100).optional() }),
  /** Signed in but locked (idle, or the app restarted): the password unlocks, case data stays hidden. */
  z.object({ state: z.literal('locked'), ...signedInFields }),
  z.object({ state: z.literal('active'), ...signedInFields }),
]);
export type SessionView = z.infer<typeof sessionViewSchema>;
export type SignedInView = Extract<SessionView, { state: 'active' | 'locked' }>;

/** Login (and unlock) answer: the session plus a first access token (null when unlocked offline). */
export const sessionGrantSchema = z.object({
  ...signedInFields,
  accessToken: accessTokenSchema.shape.accessToken.nullable(),
  accessTokenExpiresAt: isoTimestamp.nullable(),
});
export type SessionGrant = z.infer<typeof sessionGrantSchema>;

export const passwordCredentialsSchema = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type PasswordCredentials = z.infer<typeof passwordCredentialsSchema>;

/**
 * Machine-readable `details.code` of a failed session call, so the renderer can say what to do:
 * wrong password, server unreachable (try later / check the server address), account disabled, …
 */
export const sessionErrorCodes = [
  'invalid-credentials',
  'server-unreachable',
  'server-error',
  'user-disabled',
  'too-many-sign-ins',
  'device-revoked',
  'session-ended',
  'locked',
  'signed-out',
  'unlock-attempts',
  /** Past the server's maximum offline time: only an unlock that reaches the server (or a new sign-in) opens the app. */
  'offline-too-long',
  /** Sign-in through an OIDC provider (Feide): stopped here, refused by the provider or by the server's identity mapping, … */
  'oidc-cancelled',
  'oidc-access-denied',
  'oidc-unknown-identity',
  'oidc-invalid-response',
  'oidc-expired',
  'oidc-browser-failed',
  /** Unlocking with the provider signed in someone else than the locked session's user. */
  'oidc-wrong-user',
] as const;
export type SessionErrorCode = (typeof sessionErrorCodes)[number];
export const sessionErrorDetailsSchema = z.object({
  code: z.enum(sessionErrorCodes),
  /** With `offline-too-long`: the server's limit, for the lock screen to name. */
  maxOfflineDays: z.number().int().positive().optional(),
});

export const sessionLoginChannel = defineChannel('session:login', passwordCredentialsSchema, sessionGrantSchema);
/**
 * A fresh access token. `expiredToken`: the token the server just refused; when the main process
 * already holds a newer one (another window refreshed), that one is returned without a rotation.
 */
export const sessionRefreshChannel = defineChannel('session:refresh', z.strictObject({ expiredToken: z.string().max(4000).optional() }), accessTokenSchema);
export const sessionLogoutChannel = defineChannel('session:logout', z.void(), sessionViewSchema);
export const sessionCurrentChannel = defineChannel('session:current', z.void(), sessionViewSchema);
export const sessionLockChannel = defineChannel('session:lock', z.void(), sessionViewSchema);
export const sessionUnlockChannel = defineChannel('session:unlock', z.strictObject({ password: passwordCredentialsSchema.shape.password }), sessionGrantSchema);

/** The server's OIDC providers (src-shared/auth/oidc.contract.ts) to offer; empty when offline or no server is set. */
export const sessionOidcProvidersChannel = defineChannel('session:oidc-providers', z.void(), oidcProvidersResponseSchema);
export const oidcSignInSchema = z.strictObject({ providerId: oidcProviderIdSchema });
/** Sign-in through the provider in the system browser (the main process awaits its answer on a loopback address). */
export const sessionLoginOidcChannel = defineChannel('session:login-oidc', oidcSignInSchema, sessionGrantSchema);
/** Unlock for a user without a local password: the provider must sign in the same user again. */
export const sessionUnlockOidcChannel = defineChannel('session:unlock-oidc', oidcSignInSchema, sessionGrantSchema);
/**
 * Browser mode signs in through a provider with redirects of the tab instead (no system browser):
 * the page goes to `start?provider=…&purpose=sign-in|unlock` on the browser host, the server sends
 * the tab back to `callback`, and the host returns it to `/` (with `errorParam=<code>` on failure).
 */
export const browserHostOidcRoutes = { start: '/oidc/start', callback: '/oidc/callback', errorParam: 'oidc-error' } as const;
export const oidcPurposes = ['sign-in', 'unlock'] as const;

/** Stops the provider sign-in waiting for the browser (it fails with `oidc-cancelled`). */
export const sessionOidcCancelChannel = defineChannel('session:oidc-cancel', z.void(), z.void());
