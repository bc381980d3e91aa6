import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverSessionSchema } from '../../../src-shared/auth/auth.contract';
import { userCommand } from '../../../src-server/admin/user.command';
import { FEIDE_EPPN_CLAIM } from '../../support/oidc/oidc-test-provider';
import { signInThroughBrowser } from '../../support/oidc/browser-sign-in';
import { startTestServer } from '../sync/support/test-server';
import { admin, appSignIn, linkOidc, signIn, startOidcSetup, tradeCode, type OidcSetup } from './oidc-test-setup';

/** Sign-in with Feide (OpenID Connect), brokered by the server, against a real provider on loopback. */
let setup: OidcSetup;
const scope = { institution: 'hifj', departments: [], cohorts: [], partners: [] };

beforeAll(async () => {
  setup = await startOidcSetup([
    { sub: 'kari-sub', claims: { name: 'Kari Nordmann', [FEIDE_EPPN_CLAIM]: 'kari@hifj.no' } },
    { sub: 'ola-sub', claims: { name: 'Ola Nordmann', [FEIDE_EPPN_CLAIM]: 'ola@hifj.no' } },
    { sub: 'per-sub', claims: { [FEIDE_EPPN_CLAIM]: 'per@hifj.no' } },
    { sub: 'nina-sub', claims: { [FEIDE_EPPN_CLAIM]: 'nina@hifj.no' } },
    { sub: 'siri-sub' },
  ]);
  await setup.server.addUser({ username: 'kari', roles: ['teacher'], scope });
  await linkOidc(setup, 'kari', 'kari-sub');
});
afterAll(() => setup?.close());

describe('sign-in with an OpenID Connect provider', () => {
  it('lists the provider for the login page', async () => {
    const response = await fetch(`${setup.server.url}/auth/oidc/providers`);
    expect(await response.json()).toEqual({ providers: [{ id: 'feide', label: 'Feide' }] });
  });

  it('signs a linked person in: the app gets a one-time code for its verifier, then a session that works for /auth/me and sync', async () => {
    const { params, state, codeVerifier } = await signIn(setup.server, 'kari-sub');
    expect(params).toEqual({ code: expect.any(String), state });
    const response = await tradeCode(setup.server, { code: params.code, codeVerifier, deviceName: 'Karis laptop' });
    expect(response.status).toBe(200);
    const session = serverSessionSchema.parse(await response.json());
    expect(session.user.name).toBe('kari');
    const auth = { authorization: `Bearer ${session.accessToken}` };
    expect(await (await fetch(`${setup.server.url}/auth/me`, { headers: auth })).json()).toMatchObject({ deviceId: session.deviceId });
    expect((await fetch(`${setup.server.url}/sync/cases/v0/pull`, { headers: auth })).status).toBe(200);
    const [audited] = await setup.server.db.query<{ actor_id: string; detail: string }>(
      `SELECT actor_id, detail FROM audit_log WHERE action = 'login' AND outcome = 'ok' AND actor_id = $1`,
      [session.user.userId],
    );
    expect(JSON.parse(audited!.detail)).toEqual({ provider: 'oidc:feide' });
  });

  it('refuses an unknown subject, audited with what an administrator needs to link it, until link-oidc', async () => {
    await setup.server.addUser({ username: 'ola', roles: ['teacher'], scope });
    const refused = await signIn(setup.server, 'ola-sub');
    expect(refused.params).toEqual({ error: 'unknown-identity', state: refused.state });
    const [audited] = await setup.server.db.query<{ detail: string }>(`SELECT detail FROM audit_log WHERE reason = 'unknown-identity'`);
    expect(JSON.parse(audited!.detail)).toEqual({
      provider: 'oidc:feide',
      address: '127.0.0.1',
      issuer: setup.idp.issuer,
      subject: 'ola-sub',
      name: 'ola@hifj.no',
    });

    expect(await linkOidc(setup, 'ola', 'ola-sub')).toBe(`ola signs in as ola-sub at ${setup.idp.issuer}.`);
    const linked = await signIn(setup.server, 'ola-sub');
    expect((await tradeCode(setup.server, { code: linked.params.code, codeVerifier: linked.codeVerifier })).status).toBe(200);

    // A link is not moved to another account silently.
    await expect(linkOidc(setup, 'kari', 'ola-sub')).rejects.toMatchObject({ kind: 'conflict' });
    expect(await admin(setup.server, userCommand, ['unlink-oidc', '--issuer', setup.idp.issuer, '--subject', 'ola-sub'])).toContain('Unlinked ola-sub');
    expect((await signIn(setup.server, 'ola-sub')).params.error).toBe('unknown-identity');
  });

  it('signs in an account pre-created for the identity (user add --oidc-issuer --oidc-subject), which has no password', async () => {
    const output = await admin(setup.server, userCommand, [
      'add',
      '--username',
      'per',
      '--name',
      'Per Hansen',
      '--roles',
      'teacher',
      '--institution',
      'hifj',
      '--oidc-issuer',
      setup.idp.issuer,
      '--oidc-subject',
      'per-sub',
    ]);
    expect(output).not.toContain('Password');
    const { params, codeVerifier } = await signIn(setup.server, 'per-sub');
    expect((await tradeCode(setup.server, { code: params.code, codeVerifier })).status).toBe(200);
    const password = await fetch(`${setup.server.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'per', password: 'anything-at-all' }),
    });
    expect(password.status).toBe(401);
  });

  it('refuses a disabled account', async () => {
    await setup.server.addUser({ username: 'nina', roles: ['teacher'], scope });
    await linkOidc(setup, 'nina', 'nina-sub');
    await admin(setup.server, userCommand, ['disable', '--username', 'nina']);
    const { params, state } = await signIn(setup.server, 'nina-sub');
    expect(params).toEqual({ error: 'user-disabled', state });
  });

  it('lets an app code work once, only with its verifier, and not after the account was disabled', async () => {
    const first = await signIn(setup.server, 'kari-sub');
    expect((await tradeCode(setup.server, { code: first.params.code, codeVerifier: first.codeVerifier })).status).toBe(200);
    const replayed = await tradeCode(setup.server, { code: first.params.code, codeVerifier: first.codeVerifier });
    expect(replayed.status).toBe(401);
    expect(await replayed.json()).toMatchObject({ code: 'invalid-credentials' });

    const second = await signIn(setup.server, 'kari-sub');
    const wrongVerifier = await tradeCode(setup.server, { code: second.params.code, codeVerifier: 'x'.repeat(43) });
    expect(wrongVerifier.status).toBe(401);
    // The guess used the code up.
    expect((await tradeCode(setup.server, { code: second.params.code, codeVerifier: second.codeVerifier })).status).toBe(401);
    const refusals = await setup.server.db.query(`SELECT 1 FROM audit_log WHERE reason = 'invalid-code'`);
    expect(refusals).toHaveLength(3);

    await setup.server.addUser({ username: 'siri', roles: ['teacher'], scope });
    await linkOidc(setup, 'siri', 'siri-sub');
    const third = await signIn(setup.server, 'siri-sub');
    await admin(setup.server, userCommand, ['disable', '--username', 'siri']);
    const disabled = await tradeCode(setup.server, { code: third.params.code, codeVerifier: third.codeVerifier });
    expect(disabled.status).toBe(401);
    expect(await disabled.json()).toMatchObject({ code: 'user-disabled' });
  });

  it('takes the app code at another server instance of the same database', async () => {
    const other = await startTestServer({ db: setup.server.db });
    try {
      const { params, codeVerifier } = await signIn(setup.server, 'kari-sub');
      expect((await tradeCode(other, { code: params.code, codeVerifier })).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('refuses a replayed answer of the provider (its code and state work once)', async () => {
    const app = appSignIn(setup.server);
    const callback = await signInThroughBrowser(app.startUrl, 'kari-sub', { until: (url) => url.pathname === '/auth/oidc/feide/callback' });
    const first = await fetch(callback, { redirect: 'manual' });
    expect(first.status).toBe(302);
    expect(new URL(first.headers.get('location')!).searchParams.get('code')).toBeTruthy();
    const replay = await fetch(callback, { redirect: 'manual' });
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ code: 'bad-request' });
  });

  it('answers the app at an IPv6 loopback address too', async () => {
    const { params } = await signIn(setup.server, 'kari-sub', 'http://[::1]:4399/cb');
    expect(params.code).toBeTruthy();
  });
});
