import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughBrowser } from '../../support/oidc/browser-sign-in';
import { appSignIn, linkOidc, signIn, startOidcSetup, tradeCode, type OidcSetup } from './oidc-test-setup';

/**
 * What the server refuses in an OpenID Connect sign-in: ID tokens that are validly signed but
 * wrong (audience, expiry, nonce), a forged signature, an expired sign-in, app addresses that are
 * not the app's, and bad input (4xx, never 500).
 */
let setup: OidcSetup;
const APP_PAGE = 'https://saksflyt.example.no/app/oidc-callback';

beforeAll(async () => {
  setup = await startOidcSetup([{ sub: 'kari-sub' }], [APP_PAGE]);
  await setup.server.addUser({ username: 'kari', roles: ['teacher'], scope: { institution: 'hifj', departments: [], cohorts: [], partners: [] } });
  await linkOidc(setup, 'kari', 'kari-sub');
});
afterEach(() => {
  setup.idp.tamperIdToken = undefined;
  setup.idp.signWithForeignKey = false;
});
afterAll(() => setup?.close());

describe('ID tokens the server refuses', () => {
  const now = () => Math.floor(Date.now() / 1000);
  it.each([
    ['another audience', { aud: 'another-client' }],
    ['an expired token', { iat: now() - 3600, exp: now() - 600 }],
    ['a wrong nonce', { nonce: 'not-the-nonce-sent' }],
    ['another issuer', { iss: 'https://auth.dataporten.no' }],
  ])('refuses %s (signed with the provider key)', async (_what, change) => {
    setup.idp.tamperIdToken = (claims) => ({ ...claims, ...change });
    const { params, state } = await signIn(setup.server, 'kari-sub');
    expect(params).toEqual({ error: 'invalid-response', state });
  });

  it('refuses a token signed with another key', async () => {
    setup.idp.tamperIdToken = (claims) => claims;
    setup.idp.signWithForeignKey = true;
    expect((await signIn(setup.server, 'kari-sub')).params.error).toBe('invalid-response');
  });

  it('still signs in with the untouched token, and with a token only re-signed with the provider key', async () => {
    expect((await signIn(setup.server, 'kari-sub')).params.code).toBeTruthy();
    setup.idp.tamperIdToken = (claims) => claims;
    expect((await signIn(setup.server, 'kari-sub')).params.code).toBeTruthy();
  });

  it('audits every refusal', async () => {
    const rows = await setup.server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'login' AND reason = 'invalid-response'`);
    expect(rows[0]!.n).toBe(5);
  });
});

describe('sign-ins the server refuses', () => {
  it('answers a sign-in that took too long with error=expired', async () => {
    const app = appSignIn(setup.server);
    const callback = await signInThroughBrowser(app.startUrl, 'kari-sub', { until: (url) => url.pathname === '/auth/oidc/feide/callback' });
    await setup.server.db.query(`UPDATE oidc_logins SET expires_at = now() - interval '1 minute'`);
    const answer = await fetch(callback, { redirect: 'manual' });
    expect(Object.fromEntries(new URL(answer.headers.get('location')!).searchParams)).toEqual({ error: 'expired', state: app.state });
  });

  it('answers a provider error (the person declined) with error=access-denied', async () => {
    const app = appSignIn(setup.server);
    const callback = await signInThroughBrowser(app.startUrl, 'kari-sub', { until: (url) => url.pathname.startsWith('/auth/oidc/feide/callback') });
    const declined = new URL(callback.pathname, callback);
    declined.search = new URLSearchParams({ error: 'access_denied', state: callback.searchParams.get('state')! }).toString();
    const answer = await fetch(declined, { redirect: 'manual' });
    expect(new URL(answer.headers.get('location')!).searchParams.get('error')).toBe('access-denied');
  });

  it('sends codes only to loopback addresses and the configured app page, and refuses any other redirect_uri with 400', async () => {
    expect((await signIn(setup.server, 'kari-sub', APP_PAGE)).params.code).toBeTruthy();
    for (const redirectUri of [
      'https://evil.example/cb',
      'http://localhost:4399/cb',
      'http://127.0.0.2:4399/cb',
      'https://127.0.0.1:4399/cb',
      `${APP_PAGE}/more`,
      'http://user:pw@127.0.0.1:4399/cb',
    ]) {
      const response = await fetch(appSignIn(setup.server, redirectUri).startUrl, { redirect: 'manual' });
      expect(response.status, redirectUri).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'bad-request' });
    }
  });
});

describe('bad input', () => {
  const get = (path: string) => fetch(`${setup.server.url}${path}`, { redirect: 'manual' });
  const start = (query: Record<string, string>) => {
    const good = new URL(appSignIn(setup.server).startUrl);
    for (const [key, value] of Object.entries(query)) good.searchParams.set(key, value);
    return fetch(good, { redirect: 'manual' });
  };

  it('answers 4xx in the error shape, never 500', async () => {
    expect((await get('/auth/oidc/nope/start')).status).toBe(404);
    expect((await get('/auth/oidc/Bad%20Id/callback?state=x')).status).toBe(400);
    expect((await get('/auth/oidc/feide/start')).status).toBe(400);
    expect((await start({ code_challenge_method: 'plain' })).status).toBe(400);
    expect((await start({ code_challenge: 'short' })).status).toBe(400);
    expect((await start({ state: 'no spaces allowed here' })).status).toBe(400);
    expect((await start({ redirect_uri: 'not a url' })).status).toBe(400);
    expect((await start({ extra: '1' })).status).toBe(400);
    expect((await get('/auth/oidc/feide/callback')).status).toBe(400);
    expect((await get('/auth/oidc/feide/callback?state=unknown&code=x')).status).toBe(400);
    expect((await get('/auth/oidc/feide/callback?state=a&state=b')).status).toBe(400);
    for (const body of [
      {},
      { code: 'x'.repeat(43) },
      { code: 'x'.repeat(43), codeVerifier: 'short' },
      { code: 'a\u0000b', codeVerifier: 'x'.repeat(43) },
      [],
    ]) {
      const response = await tradeCode(setup.server, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await response.json()).toMatchObject({ kind: 'validation', code: 'bad-request' });
    }
    expect((await tradeCode(setup.server, { code: 'x'.repeat(43), codeVerifier: 'x'.repeat(43) })).status).toBe(401);
  });
});
