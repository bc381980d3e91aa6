import { oidcAppRedirectSchema, type OidcAppError, type OidcStartQuery } from '../../../../src-shared/auth/oidc.contract';
import type { ServerSession } from '../../../../src-shared/auth/auth.contract';
import type { SessionErrorCode } from '../../../../src-shared/ipc/session.contract';
import type { AppErrorKind } from '../../../../src-shared/kernel/app-error';
import { sessionError, sessionErrorCode, type AuthClient } from '../auth-client';
import type { SignInContext } from '../login-provider';
import { createPkce, createState } from './pkce';

/**
 * How the user's browser is sent to the provider and brings its answer back: the system browser
 * and a loopback listener in the desktop app (./system-browser.ts), the tab itself in browser
 * mode (./tab-redirect.ts).
 */
export interface OidcBrowser {
  /**
   * Sends the browser to `startUrl(redirectUri)` for this browser's redirect_uri and resolves with
   * the query of the redirect back that carries `state`. Rejects when `signal` stops the wait.
   */
  authorize(startUrl: (redirectUri: string) => string, state: string, signal: AbortSignal): Promise<URLSearchParams>;
}

/** Sign-in through an OIDC provider brokered by the server (src-shared/auth/oidc.contract.ts). */
export interface OidcSignIn {
  signIn(context: SignInContext, providerId: string): Promise<ServerSession>;
  /** Stops the sign-in waiting for the browser (it fails with `oidc-cancelled`). */
  cancel(): void;
}

/** How long the user has to finish the sign-in in the browser. */
export const OIDC_SIGN_IN_TIMEOUT_MS = 5 * 60_000;

/** The contract's redirect errors as the session codes the renderer explains. */
const byAppError: Record<OidcAppError, [AppErrorKind, SessionErrorCode, string]> = {
  'access-denied': ['forbidden', 'oidc-access-denied', 'The sign-in was refused at the provider'],
  'unknown-identity': ['forbidden', 'oidc-unknown-identity', 'No account on the server is linked to this identity'],
  'user-disabled': ['forbidden', 'user-disabled', 'This account is disabled'],
  'invalid-response': ['external', 'oidc-invalid-response', 'The provider answered in a way the server does not accept'],
  expired: ['precondition', 'oidc-expired', 'The sign-in took too long; start it again'],
};

/**
 * PKCE and state are made here and checked here; the server trades the one-time code it sent to
 * the redirect for a session (`POST /auth/oidc/token`) only with this sign-in's code verifier.
 * One sign-in at a time: a new one stops the one still waiting.
 */
export function createOidcSignIn(options: { auth: Pick<AuthClient, 'oidcToken'>; browser: OidcBrowser; timeoutMs?: number }): OidcSignIn {
  let waiting: AbortController | undefined;
  return {
    async signIn(context, providerId) {
      waiting?.abort();
      const controller = new AbortController();
      waiting = controller;
      const state = createState();
      const { codeVerifier, codeChallenge } = createPkce();
      const base = `${context.serverUrl.replace(/\/+$/, '')}/auth/oidc/${encodeURIComponent(providerId)}/start`;
      const startUrl = (redirectUri: string) => {
        const query: OidcStartQuery = { redirect_uri: redirectUri, state, code_challenge: codeChallenge, code_challenge_method: 'S256' };
        return `${base}?${new URLSearchParams(query).toString()}`;
      };
      let query: URLSearchParams;
      try {
        query = await options.browser.authorize(
          startUrl,
          state,
          AbortSignal.any([controller.signal, AbortSignal.timeout(options.timeoutMs ?? OIDC_SIGN_IN_TIMEOUT_MS)]),
        );
      } finally {
        if (waiting === controller) waiting = undefined;
      }
      const answer = oidcAppRedirectSchema.safeParse(Object.fromEntries(query));
      if (!answer.success || answer.data.state !== state) {
        throw sessionError('external', 'oidc-invalid-response', 'The sign-in came back in a form this app does not understand');
      }
      if ('error' in answer.data) {
        const [kind, code, message] = byAppError[answer.data.error];
        throw sessionError(kind, code, message);
      }
      try {
        return await options.auth.oidcToken(context.serverUrl, {
          code: answer.data.code,
          codeVerifier,
          deviceName: context.deviceName,
          ...(context.deviceId ? { deviceId: context.deviceId } : {}),
        });
      } catch (error) {
        // An unknown, used or expired one-time code: the sign-in has to start again.
        if (sessionErrorCode(error) === 'invalid-credentials') throw sessionError('precondition', 'oidc-expired', 'The sign-in expired; start it again');
        throw error;
      }
    },
    cancel: () => waiting?.abort(),
  };
}
