import { createHash, randomBytes } from 'node:crypto';
import type { AdminCommand } from '../../../src-server/admin/admin-command';
import { userCommand } from '../../../src-server/admin/user.command';
import { signInThroughBrowser } from '../../support/oidc/browser-sign-in';
import { FEIDE_EPPN_CLAIM, startOidcProvider, type OidcTestAccount, type OidcTestProvider } from '../../support/oidc/oidc-test-provider';
import { startTestServer, type TestServer } from '../sync/support/test-server';

/** A server signing in through a real OpenID Connect provider on loopback, as "feide". */
export interface OidcSetup {
  server: TestServer;
  idp: OidcTestProvider;
  close(): Promise<void>;
}

export const APP_REDIRECT = 'http://127.0.0.1:4399/oidc-callback';

/** `appRedirects`: the app pages allowed besides loopback addresses. */
export async function startOidcSetup(accounts: OidcTestAccount[], appRedirects: string[] = []): Promise<OidcSetup> {
  const idp = await startOidcProvider({ accounts });
  const clientSecret = randomBytes(24).toString('base64url');
  const server = await startTestServer({
    oidc: {
      providers: [
        {
          id: 'feide',
          label: 'Feide',
          issuer: idp.issuer,
          clientId: 'saksflyt',
          clientSecret,
          scopes: 'openid profile userid-feide',
          usernameClaim: FEIDE_EPPN_CLAIM,
        },
      ],
      appRedirects,
    },
  });
  idp.addClient({ clientId: 'saksflyt', clientSecret, redirectUris: [`${server.url}/auth/oidc/feide/callback`] });
  return {
    server,
    idp,
    async close() {
      await server.close();
      await idp.close();
    },
  };
}

/** The app's side of a sign-in: its state and PKCE pair, and the start address it opens. */
export function appSignIn(server: TestServer, redirectUri = APP_REDIRECT) {
  const state = randomBytes(16).toString('base64url');
  const codeVerifier = randomBytes(32).toString('base64url');
  const codeChallenge = createHash('sha256').update(codeVerifier).digest('base64url');
  const query = new URLSearchParams({ redirect_uri: redirectUri, state, code_challenge: codeChallenge, code_challenge_method: 'S256' });
  return { state, codeVerifier, startUrl: `${server.url}/auth/oidc/feide/start?${query}` };
}

/** Signs in at the provider as `username` and returns what the app's redirect_uri receives. */
export async function signIn(server: TestServer, username: string, redirectUri = APP_REDIRECT) {
  const app = appSignIn(server, redirectUri);
  const landed = await signInThroughBrowser(app.startUrl, username, { until: (url) => url.href.startsWith(redirectUri) });
  return { ...app, params: Object.fromEntries(landed.searchParams) };
}

export function tradeCode(server: TestServer, body: unknown) {
  return fetch(`${server.url}/auth/oidc/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

export async function admin(server: TestServer, command: AdminCommand, args: string[]): Promise<string> {
  const lines: string[] = [];
  await command.run(args, { db: server.db, out: (line) => lines.push(line) });
  return lines.join('\n');
}

export const linkOidc = (setup: OidcSetup, username: string, subject: string) =>
  admin(setup.server, userCommand, ['link-oidc', '--username', username, '--issuer', setup.idp.issuer, '--subject', subject]);
