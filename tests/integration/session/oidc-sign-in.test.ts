import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../src-main/host/browser-host';
import { secretsFilePath } from '../../../src-main/services/compose-services';
import { createPlainFileSecureStore } from '../../../src-main/services/secure-store/plain-file-secure-store';
import { sessionErrorCode } from '../../../src-main/services/session/auth-client';
import { composeSession } from '../../../src-main/services/session/compose-session';
import { systemBrowser } from '../../../src-main/services/session/oidc/system-browser';
import { SESSION_SECRET_NAME, storedSessionSchema } from '../../../src-main/services/session/session-vault';
import type { SessionHandlers } from '../../../src-main/services/session/session.service';
import { createSettingsService } from '../../../src-main/services/settings/settings.service';
import { linkIdentity } from '../../../src-server/auth/oidc/oidc-identities';
import type { Actor } from '../../../src-shared/domain/access';
import { schemaVersionOf } from '../../../src-shared/db/collections';
import { signInThroughBrowser } from '../../support/oidc/browser-sign-in';
import { startOidcProvider, type OidcTestProvider } from '../../support/oidc/oidc-test-provider';
import { startTestServer, type TestServer } from '../sync/support/test-server';

/**
 * Sign-in with Feide as the app does it, against the real server brokering a real OIDC provider:
 * the desktop app's system browser (the test's browser driver as `openExternal`) with the
 * loopback redirect, and browser mode's redirect of the tab through the browser host.
 */
let root: string;
let provider: OidcTestProvider;
let server: TestServer;
let kari: Actor;
const hosts: BrowserHost[] = [];

/** The user the browser driver signs in as at the provider's page (its subject). */
let browserUser = 'kari-feide';
const openExternal = async (url: string) => {
  const back = await signInThroughBrowser(url, browserUser, { until: (next) => next.pathname === '/oidc/callback' });
  await fetch(back);
};

async function desktopSession(name: string): Promise<SessionHandlers> {
  const dataDir = join(root, name);
  await mkdir(dataDir, { recursive: true });
  const settings = createSettingsService({ dataDir, defaults: { serverUrl: server.url } });
  return composeSession({ settings, secureStore: createPlainFileSecureStore(secretsFilePath(dataDir)), oidcBrowser: systemBrowser(openExternal) });
}

type Envelope = { ok: boolean; value?: { state?: string; user?: Actor }; error?: { details?: { code?: string } } };

/** A call of the renderer in browser mode: `POST /rpc/<channel>` on the browser host. */
async function rpc(host: BrowserHost, channel: string, input?: unknown): Promise<Envelope> {
  const response = await fetch(new URL(`rpc/${channel}`, host.url), {
    method: 'POST',
    ...(input === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) }),
  });
  return (await response.json()) as Envelope;
}

/** Where the host's callback page sends the tab (a same-origin refresh, see src-main/host/oidc-routes.ts). */
async function returnedTo(response: Response): Promise<string | undefined> {
  expect(response.status).toBe(200);
  return /<meta http-equiv="refresh" content="0;url=([^"]+)">/.exec(await response.text())?.[1];
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => sessionErrorCode(error) ?? String(error),
  );
const me = async (accessToken: string) => (await fetch(`${server.url}/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } })).status;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'saksflyt-oidc-'));
  provider = await startOidcProvider({
    accounts: [{ sub: 'kari-feide', claims: { name: 'Kari Kullkoordinator' } }, { sub: 'ola-feide', claims: { name: 'Ola' } }, { sub: 'stranger' }],
  });
  server = await startTestServer({
    oidc: {
      providers: [{ id: 'feide', label: 'Feide', issuer: provider.issuer, clientId: 'saksflyt', clientSecret: 'test-secret', scopes: 'openid profile' }],
    },
  });
  provider.addClient({ clientId: 'saksflyt', clientSecret: 'test-secret', redirectUris: [`${server.url}/auth/oidc/feide/callback`] });
  const scope = { institution: 'hvl', departments: [], cohorts: ['spl-2025'], partners: [] };
  kari = await server.addUser({ username: 'kari', name: 'Kari Kullkoordinator', roles: ['cohortCoordinator'], scope });
  await server.addUser({ username: 'ola', name: 'Ola', roles: ['cohortCoordinator'], scope });
  await linkIdentity(server.db, { username: 'kari', issuer: provider.issuer, subject: 'kari-feide' });
  await linkIdentity(server.db, { username: 'ola', issuer: provider.issuer, subject: 'ola-feide' });
}, 120_000);

afterAll(async () => {
  await Promise.all(hosts.map((host) => host.close()));
  await server?.close();
  await provider?.close();
  await rm(root, { recursive: true, force: true });
});

describe('sign-in with Feide in the desktop app (system browser, loopback redirect)', () => {
  it('lists the server’s providers, and none when the server cannot be reached', async () => {
    const session = await desktopSession('providers');
    expect(await session.sessionOidcProviders()).toEqual({ providers: [{ id: 'feide', label: 'Feide' }] });
    const dataDir = join(root, 'providers-offline');
    const offline = composeSession({
      settings: createSettingsService({ dataDir, defaults: { serverUrl: 'http://127.0.0.1:9' } }),
      secureStore: createPlainFileSecureStore(secretsFilePath(dataDir)),
    });
    expect(await offline.sessionOidcProviders()).toEqual({ providers: [] });
  });

  it('signs in; refresh and sync work with the session as after a password sign-in', async () => {
    browserUser = 'kari-feide';
    const session = await desktopSession('desktop');
    const grant = await session.sessionLoginOidc({ providerId: 'feide' });
    expect(grant.user.userId).toBe(kari.userId);
    expect(grant.provider).toBe('oidc:feide');
    expect(await me(grant.accessToken!)).toBe(200);

    const refreshed = await session.sessionRefresh({ expiredToken: grant.accessToken! });
    expect(refreshed.accessToken).not.toBe(grant.accessToken);
    const pull = await fetch(`${server.url}/sync/cases/v${schemaVersionOf('cases')}/pull?batchSize=10`, {
      headers: { authorization: `Bearer ${refreshed.accessToken}` },
    });
    expect(pull.status).toBe(200);
    expect(await pull.json()).toHaveProperty('documents');

    const secrets = JSON.parse(await readFile(secretsFilePath(join(root, 'desktop')), 'utf8')) as { secrets: Record<string, string> };
    const stored = storedSessionSchema.parse(JSON.parse(secrets.secrets[SESSION_SECRET_NAME]!));
    expect(stored.signedIn?.provider).toBe('oidc:feide');
    // No local password: the lock screen unlocks through Feide.
    expect(stored.signedIn?.passwordVerifier).toBeUndefined();
    // Signing in with Feide again reuses this laptop's device.
    expect(stored.devices[`${new URL(server.url).origin} oidc:feide`]).toBe(stored.signedIn?.deviceId);
  });

  it('unlocks only for the same user: another Feide user is refused and the session stays locked', async () => {
    browserUser = 'kari-feide';
    const session = await desktopSession('unlock');
    const first = await session.sessionLoginOidc({ providerId: 'feide' });
    await session.sessionLock();
    expect(await codeOf(session.sessionUnlock({ password: 'anything' }))).toBe('invalid-credentials');

    browserUser = 'ola-feide';
    expect(await codeOf(session.sessionUnlockOidc({ providerId: 'feide' }))).toBe('oidc-wrong-user');
    expect((await session.sessionCurrent()).state).toBe('locked');

    browserUser = 'kari-feide';
    const unlocked = await session.sessionUnlockOidc({ providerId: 'feide' });
    expect(unlocked.user.userId).toBe(first.user.userId);
    expect((await session.sessionCurrent()).state).toBe('active');
    expect(await me(unlocked.accessToken!)).toBe(200);
  });

  it('explains a Feide user without an account, and a cancelled sign-in', async () => {
    browserUser = 'stranger';
    const session = await desktopSession('refused');
    expect(await codeOf(session.sessionLoginOidc({ providerId: 'feide' }))).toBe('oidc-unknown-identity');
    expect((await session.sessionCurrent()).state).toBe('signed-out');

    const dataDir = join(root, 'cancelled');
    const waiting = composeSession({
      settings: createSettingsService({ dataDir, defaults: { serverUrl: server.url } }),
      secureStore: createPlainFileSecureStore(secretsFilePath(dataDir)),
      // A browser that opens but where the user never finishes.
      oidcBrowser: systemBrowser(async () => undefined),
    });
    const signIn = codeOf(waiting.sessionLoginOidc({ providerId: 'feide' }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await waiting.sessionOidcCancel();
    expect(await signIn).toBe('oidc-cancelled');
  });
});

describe('sign-in with Feide in browser mode (the tab is redirected)', () => {
  it('goes from /oidc/start to the provider and back through /oidc/callback to a signed-in app', async () => {
    await mkdir(join(root, 'renderer'), { recursive: true });
    await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html><html lang="nb"><title>Saksflyt</title></html>');
    const host = await startBrowserHost({ port: 0, dataDir: join(root, 'browser'), rendererDir: join(root, 'renderer') });
    hosts.push(host);
    expect((await rpc(host, 'settings:update', { serverUrl: server.url })).ok).toBe(true);

    // Another site cannot start a sign-in in this tab's name.
    const forged = await fetch(new URL('oidc/start?provider=feide', host.url), { redirect: 'manual', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(forged.status).toBe(403);

    const start = await fetch(new URL('oidc/start?provider=feide', host.url), { redirect: 'manual', headers: { 'sec-fetch-site': 'same-origin' } });
    expect(start.status).toBe(303);
    const serverStart = new URL(start.headers.get('location')!);
    expect(serverStart.href.startsWith(`${server.url}/auth/oidc/feide/start?`)).toBe(true);
    expect(serverStart.searchParams.get('redirect_uri')).toBe(new URL('oidc/callback', host.url).href);

    const back = await signInThroughBrowser(serverStart.href, 'kari-feide', { until: (next) => next.pathname === '/oidc/callback' });
    // The server's redirect comes from another site: allowed on the callback, which `state` guards.
    const callback = await fetch(back, { redirect: 'manual', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(await returnedTo(callback)).toBe('/');
    const current = await rpc(host, 'session:current');
    expect(current.value?.state).toBe('active');
    expect(current.value?.user?.userId).toBe(kari.userId);

    // The same answer again belongs to no waiting sign-in.
    expect((await fetch(back, { redirect: 'manual' })).status).toBe(400);
  });

  it('unlocks through the tab only for the same user, and only from the page', async () => {
    const host = hosts[0]!;
    // No system browser here: the channel alone cannot take the tab to the provider.
    expect((await rpc(host, 'session:login-oidc', { providerId: 'feide' })).error?.details?.code).toBe('oidc-browser-failed');

    await rpc(host, 'session:lock');
    const unlockAs = async (subject: string) => {
      const start = await fetch(new URL('oidc/start?provider=feide&purpose=unlock', host.url), { redirect: 'manual' });
      const back = await signInThroughBrowser(start.headers.get('location')!, subject, { until: (next) => next.pathname === '/oidc/callback' });
      return returnedTo(await fetch(back, { redirect: 'manual' }));
    };
    expect(await unlockAs('ola-feide')).toBe('/?oidc-error=oidc-wrong-user');
    expect((await rpc(host, 'session:current')).value?.state).toBe('locked');
    expect(await unlockAs('kari-feide')).toBe('/');
    expect((await rpc(host, 'session:current')).value?.state).toBe('active');
  });

  it('sends the tab back with the reason when the sign-in is refused', async () => {
    const host = hosts[0]!;
    const start = await fetch(new URL('oidc/start?provider=feide', host.url), { redirect: 'manual' });
    const back = await signInThroughBrowser(start.headers.get('location')!, 'stranger', { until: (next) => next.pathname === '/oidc/callback' });
    const callback = await fetch(back, { redirect: 'manual' });
    expect(await returnedTo(callback)).toBe('/?oidc-error=oidc-unknown-identity');
  });
});
