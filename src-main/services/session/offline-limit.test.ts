import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionHandlers } from './session.service';
import { createSessionService } from './session.service';
import { createAuthClient, sessionErrorCode } from './auth-client';
import { passwordLoginProvider } from './login-provider';
import { createSessionVault } from './session-vault';
import { createLocalDbKeyProvider, DEMO_DB_KEY_NAME, keyWhileActive } from '../local-db-key/local-db-key.service';
import { createPlainFileSecureStore } from '../secure-store/plain-file-secure-store';
import { createSettingsService } from '../settings/settings.service';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../../tests/integration/sync/support/test-server';

/**
 * The replica's key and the maximum offline time, decided by the session service against a real
 * server (which sets the limit: MAX_OFFLINE_DAYS) with a clock the test moves. Only the network
 * can be switched off here.
 */
const DAY_MS = 86_400_000;
let root: string;
let server: TestServer;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'saksflyt-offline-limit-'));
  server = await startTestServer({ maxOfflineDays: 2 });
  await server.addUser({ username: 'kari', roles: ['cohortCoordinator'], scope: { institution: 'hvl', departments: [], cohorts: ['spl-2025'], partners: [] } });
});

afterAll(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

async function laptop(name: string) {
  const dataDir = join(root, name);
  const clock = { now: Date.parse('2026-03-02T08:00:00Z') };
  const network = { online: true };
  const store = createPlainFileSecureStore(join(dataDir, 'secrets.json'));
  const settings = createSettingsService({ dataDir });
  await settings.update({ serverUrl: server.url });
  const auth = createAuthClient({
    fetch: (input, init) => (network.online ? fetch(input, init) : Promise.reject(new TypeError('fetch failed', { cause: { code: 'ENETUNREACH' } }))),
  });
  const session: SessionHandlers = createSessionService({
    settings,
    vault: createSessionVault(store),
    password: passwordLoginProvider(auth),
    auth,
    deviceName: 'test',
    now: () => clock.now,
  });
  const key = keyWhileActive(createLocalDbKeyProvider(store), () => session.sessionCurrent());
  return { session, key, demoKey: createLocalDbKeyProvider(store, DEMO_DB_KEY_NAME), clock, network, vault: createSessionVault(store) };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (error: unknown) => sessionErrorCode(error),
  );
}

describe('the replica key', () => {
  it('is handed out only while the session is active; demo mode has a key of its own', async () => {
    const { session, key, demoKey } = await laptop('key');
    expect(await codeOf(key())).toBe('signed-out');
    const demo = await demoKey();

    await session.sessionLogin({ username: 'kari', password: TEST_PASSWORD });
    const replicaKey = await key();
    expect(replicaKey).not.toBe(demo);

    await session.sessionLock();
    expect(await codeOf(key())).toBe('locked');
    expect(await codeOf(session.sessionUnlock({ password: 'feil passord' }))).toBe('invalid-credentials');
    expect(await codeOf(key())).toBe('locked');
    await session.sessionUnlock({ password: TEST_PASSWORD });
    expect(await key()).toBe(replicaKey);

    await session.sessionLogout();
    expect(await codeOf(key())).toBe('signed-out');
    expect(await demoKey()).toBe(demo);
  });
});

describe('the maximum offline time (from the server)', () => {
  it('unlocks offline within the limit, past it only when the server answers, and keeps the session', async () => {
    const { session, key, clock, network, vault } = await laptop('offline');
    await session.sessionLogin({ username: 'kari', password: TEST_PASSWORD });
    expect((await vault.read()).signedIn?.serverContact).toEqual({ at: clock.now, maxOfflineSeconds: 2 * 86_400 });
    await session.sessionLock();

    network.online = false;
    clock.now += DAY_MS;
    expect(await session.sessionUnlock({ password: TEST_PASSWORD })).toMatchObject({ accessToken: null });
    await session.sessionLock();

    clock.now += DAY_MS + 60_000;
    expect(await codeOf(session.sessionUnlock({ password: TEST_PASSWORD }))).toBe('offline-too-long');
    expect(await session.sessionCurrent()).toMatchObject({ state: 'locked' });
    expect(await codeOf(key())).toBe('locked');
    // A wrong password is still just wrong, and the session (with its refresh token) is kept.
    expect(await codeOf(session.sessionUnlock({ password: 'feil passord' }))).toBe('invalid-credentials');
    expect((await vault.read()).signedIn).not.toBeNull();

    network.online = true;
    const grant = await session.sessionUnlock({ password: TEST_PASSWORD });
    expect(grant.accessToken).toEqual(expect.any(String));
    expect(await key()).toEqual(expect.any(String));
    // The server answered: the offline time starts again from now.
    expect((await vault.read()).signedIn?.serverContact.at).toBe(clock.now);
  });

  it('counts from the last refresh, not from the sign-in', async () => {
    const { session, clock, network } = await laptop('refresh');
    const signedIn = await session.sessionLogin({ username: 'kari', password: TEST_PASSWORD });
    clock.now += 1.5 * DAY_MS;
    await session.sessionRefresh({ expiredToken: signedIn.accessToken! });
    await session.sessionLock();

    network.online = false;
    clock.now += 1.5 * DAY_MS;
    expect(await session.sessionUnlock({ password: TEST_PASSWORD })).toMatchObject({ user: signedIn.user, accessToken: null });
  });
});
