import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../src-main/host/browser-host';
import { LOCAL_DB_KEY_NAME } from '../../../src-main/services/local-db-key/local-db-key.service';
import { createPlainFileSecureStore } from '../../../src-main/services/secure-store/plain-file-secure-store';
import { SESSION_SECRET_NAME, storedSessionSchema } from '../../../src-main/services/session/session-vault';
import { MAX_UNLOCK_ATTEMPTS } from '../../../src-main/services/session/session.service';
import { revokeDevice } from '../../../src-server/auth/accounts';
import type { SessionGrant, SessionView } from '../../../src-shared/ipc/session.contract';
import type { Actor } from '../../../src-shared/domain/access';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../sync/support/test-server';

/**
 * The session channels as the renderer reaches them in browser mode (POST /rpc/<channel> on the
 * browser host), against a real central server. The refresh token must stay in the main
 * process's secure store: no answer the renderer gets may contain it.
 */
let root: string;
let server: TestServer;
let kari: Actor;
const hosts: BrowserHost[] = [];
const answers: string[] = [];

type Envelope<T> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string; details?: { code?: string } } };

async function rpc<T>(host: BrowserHost, channel: string, input?: unknown): Promise<Envelope<T>> {
  const response = await fetch(new URL(`rpc/${channel}`, host.url), {
    method: 'POST',
    ...(input === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) }),
  });
  const text = await response.text();
  answers.push(text);
  return JSON.parse(text) as Envelope<T>;
}

function value<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.kind}: ${envelope.error.message}`);
  return envelope.value;
}

function errorCode(envelope: Envelope<unknown>): string | undefined {
  return envelope.ok ? undefined : envelope.error.details?.code;
}

async function newHost(dataDir: string, serverUrl = server.url): Promise<BrowserHost> {
  const host = await startBrowserHost({ port: 0, dataDir, rendererDir: join(root, 'renderer') });
  hosts.push(host);
  value(await rpc(host, 'settings:update', { serverUrl }));
  return host;
}

async function closeHost(host: BrowserHost): Promise<void> {
  hosts.splice(hosts.indexOf(host), 1);
  await host.close();
}

async function storedSession(dataDir: string) {
  const secrets = JSON.parse(await readFile(join(dataDir, 'secrets.json'), 'utf8')) as { secrets: Record<string, string> };
  return storedSessionSchema.parse(JSON.parse(secrets.secrets[SESSION_SECRET_NAME]!));
}

/** Moves the stored last server contact `days` back (as if the laptop had been offline that long). */
async function lastServerContact(dataDir: string, days: number): Promise<void> {
  const stored = await storedSession(dataDir);
  const signedIn = { ...stored.signedIn!, serverContact: { ...stored.signedIn!.serverContact, at: Date.now() - days * 86_400_000 } };
  await createPlainFileSecureStore(join(dataDir, 'secrets.json')).set(SESSION_SECRET_NAME, JSON.stringify({ ...stored, signedIn }));
}

async function me(accessToken: string): Promise<number> {
  return (await fetch(`${server.url}/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } })).status;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'saksflyt-session-'));
  await mkdir(join(root, 'renderer'), { recursive: true });
  await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html><html lang="nb"><title>Saksflyt</title></html>');
  server = await startTestServer();
  kari = await server.addUser({
    username: 'kari',
    name: 'Kari Kullkoordinator',
    roles: ['cohortCoordinator'],
    scope: { institution: 'hvl', departments: [], cohorts: ['spl-2025'], partners: [] },
  });
});

afterAll(async () => {
  await Promise.all(hosts.map((host) => host.close()));
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

describe('session channels over the browser host', () => {
  it('signs in, hands out access tokens, locks, unlocks and signs out — the refresh token never leaves main', async () => {
    const dataDir = join(root, 'laptop-a');
    const host = await newHost(dataDir);
    expect(value(await rpc<SessionView>(host, 'session:current'))).toEqual({ state: 'signed-out', reason: 'none' });

    const grant = value(await rpc<SessionGrant>(host, 'session:login', { username: 'kari', password: TEST_PASSWORD }));
    expect(grant).toMatchObject({ user: kari, serverUrl: server.url, provider: 'password', replicaId: expect.stringMatching(/^[a-z0-9]{24}$/) });
    expect(await me(grant.accessToken!)).toBe(200);
    expect(Date.parse(grant.accessTokenExpiresAt!)).toBeGreaterThan(Date.now());
    expect(value(await rpc<SessionView>(host, 'session:current'))).toMatchObject({ state: 'active', user: kari, replicaId: grant.replicaId });

    const firstStored = await storedSession(dataDir);
    expect(firstStored.signedIn?.refreshToken).toEqual(expect.any(String));
    expect(firstStored.signedIn?.passwordVerifier).not.toContain(TEST_PASSWORD);

    // A token still valid is handed out again without a rotation; a refused one is rotated.
    expect(value(await rpc(host, 'session:refresh', {}))).toMatchObject({ accessToken: grant.accessToken });
    expect((await storedSession(dataDir)).signedIn?.refreshToken).toBe(firstStored.signedIn?.refreshToken);
    const refreshed = value(await rpc<{ accessToken: string }>(host, 'session:refresh', { expiredToken: grant.accessToken }));
    expect(await me(refreshed.accessToken)).toBe(200);
    const rotated = (await storedSession(dataDir)).signedIn?.refreshToken;
    expect(rotated).not.toBe(firstStored.signedIn?.refreshToken);
    // Windows asking at once share one rotation: a refresh token presented twice would end the session.
    const together = await Promise.all([1, 2, 3].map(() => rpc<{ accessToken: string }>(host, 'session:refresh', { expiredToken: refreshed.accessToken })));
    const tokens = together.map(value);
    expect(new Set(tokens.map((token) => token.accessToken)).size).toBe(1);
    expect(await me(tokens[0]!.accessToken)).toBe(200);
    const afterBurst = (await storedSession(dataDir)).signedIn?.refreshToken;
    expect(afterBurst).not.toBe(rotated);

    expect(value(await rpc<SessionView>(host, 'session:lock'))).toMatchObject({ state: 'locked', user: kari });
    const wrong = await rpc(host, 'session:unlock', { password: 'not the password' });
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(errorCode(wrong)).toBe('invalid-credentials');
    expect(value(await rpc<SessionView>(host, 'session:current')).state).toBe('locked');
    const unlocked = value(await rpc<SessionGrant>(host, 'session:unlock', { password: TEST_PASSWORD }));
    expect(unlocked.accessToken).toEqual(expect.any(String));
    expect(value(await rpc<SessionView>(host, 'session:current')).state).toBe('active');

    expect(value(await rpc<SessionView>(host, 'session:logout'))).toEqual({ state: 'signed-out', reason: 'logged-out', lastUsername: 'kari' });
    // The server ended the session too: the last refresh token no longer works.
    const afterLogout = await fetch(`${server.url}/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: afterBurst }),
    });
    expect(afterLogout.status).toBe(401);
    expect(errorCode(await rpc(host, 'session:refresh', {}))).toBe('signed-out');

    for (const token of [firstStored.signedIn!.refreshToken, rotated!, afterBurst!]) {
      expect(answers.filter((answer) => answer.includes(token))).toEqual([]);
    }
  });

  it('says which: wrong password, or a server that cannot be reached', async () => {
    const host = await newHost(join(root, 'laptop-b'));
    const wrong = await rpc(host, 'session:login', { username: 'kari', password: 'feil passord' });
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(errorCode(wrong)).toBe('invalid-credentials');
    expect(errorCode(await rpc(host, 'session:login', { username: 'nobody', password: 'feil passord' }))).toBe('invalid-credentials');

    value(await rpc(host, 'settings:update', { serverUrl: 'http://127.0.0.1:9' }));
    const unreachable = await rpc(host, 'session:login', { username: 'kari', password: TEST_PASSWORD });
    expect(unreachable).toMatchObject({ ok: false, error: { kind: 'external' } });
    expect(errorCode(unreachable)).toBe('server-unreachable');
    expect(value(await rpc<SessionView>(host, 'session:current')).state).toBe('signed-out');
  });

  it('starts locked after a restart and unlocks with the password while the server is away', async () => {
    const away = await startTestServer();
    await away.addUser({
      username: 'per',
      name: 'Per Praksis',
      roles: ['placementAdmin'],
      scope: { institution: 'hvl', departments: [], cohorts: [], partners: [] },
    });
    const dataDir = join(root, 'laptop-c');
    const first = await newHost(dataDir, away.url);
    const grant = value(await rpc<SessionGrant>(first, 'session:login', { username: 'per', password: TEST_PASSWORD }));
    await closeHost(first);
    await away.close();

    const restarted = await newHost(dataDir, away.url);
    expect(value(await rpc<SessionView>(restarted, 'session:current'))).toMatchObject({ state: 'locked', user: grant.user, replicaId: grant.replicaId });
    const offline = value(await rpc<SessionGrant>(restarted, 'session:unlock', { password: TEST_PASSWORD }));
    expect(offline).toMatchObject({ user: grant.user, accessToken: null, replicaId: grant.replicaId });
    expect(errorCode(await rpc(restarted, 'session:refresh', {}))).toBe('server-unreachable');
    // Still signed in: once the server answers again, tokens come.
    expect(value(await rpc<SessionView>(restarted, 'session:current')).state).toBe('active');
  });

  it('past the maximum offline time unlocks only when the server answers; the session and the replica key are kept', async () => {
    const away = await startTestServer();
    await away.addUser({ username: 'per', roles: ['placementAdmin'], scope: { institution: 'hvl', departments: [], cohorts: [], partners: [] } });
    const awayDir = join(root, 'laptop-f');
    const first = await newHost(awayDir, away.url);
    value(await rpc(first, 'session:login', { username: 'per', password: TEST_PASSWORD }));
    const key = value(await rpc<{ key: string }>(first, 'secure-store:local-db-key')).key;
    await closeHost(first);
    await away.close();
    await lastServerContact(awayDir, 31);

    const offline = await newHost(awayDir, away.url);
    expect(value(await rpc<SessionView>(offline, 'session:current')).state).toBe('locked');
    const refused = await rpc(offline, 'session:unlock', { password: TEST_PASSWORD });
    expect(refused).toMatchObject({ ok: false, error: { details: { code: 'offline-too-long', maxOfflineDays: 30 } } });
    expect(value(await rpc<SessionView>(offline, 'session:current')).state).toBe('locked');
    expect(errorCode(await rpc(offline, 'secure-store:local-db-key'))).toBe('locked');
    expect((await storedSession(awayDir)).signedIn).not.toBeNull();
    expect(await createPlainFileSecureStore(join(awayDir, 'secrets.json')).get(LOCAL_DB_KEY_NAME)).toBe(key);

    // Online, the same unlock goes through the server, and the offline time starts again.
    const dataDir = join(root, 'laptop-g');
    const host = await newHost(dataDir);
    value(await rpc(host, 'session:login', { username: 'kari', password: TEST_PASSWORD }));
    const replicaKey = value(await rpc<{ key: string }>(host, 'secure-store:local-db-key')).key;
    await closeHost(host);
    await lastServerContact(dataDir, 31);
    const restarted = await newHost(dataDir);
    const grant = value(await rpc<SessionGrant>(restarted, 'session:unlock', { password: TEST_PASSWORD }));
    expect(await me(grant.accessToken!)).toBe(200);
    expect(value(await rpc<{ key: string }>(restarted, 'secure-store:local-db-key')).key).toBe(replicaKey);
    expect(Date.now() - (await storedSession(dataDir)).signedIn!.serverContact.at).toBeLessThan(60_000);
  });

  it('signs the laptop out after too many wrong passwords at the lock screen', async () => {
    const host = await newHost(join(root, 'laptop-d'));
    value(await rpc(host, 'session:login', { username: 'kari', password: TEST_PASSWORD }));
    value(await rpc(host, 'session:lock'));
    const codes: (string | undefined)[] = [];
    for (let attempt = 0; attempt < MAX_UNLOCK_ATTEMPTS; attempt++) codes.push(errorCode(await rpc(host, 'session:unlock', { password: `feil ${attempt}` })));
    expect(codes).toEqual([...Array<string>(MAX_UNLOCK_ATTEMPTS - 1).fill('invalid-credentials'), 'unlock-attempts']);
    expect(value(await rpc<SessionView>(host, 'session:current'))).toMatchObject({ state: 'signed-out', reason: 'unlock-attempts' });
    expect(errorCode(await rpc(host, 'session:unlock', { password: TEST_PASSWORD }))).toBe('signed-out');
  });

  it('ends the session when the server revoked this device, and reuses the device id otherwise', async () => {
    const dataDir = join(root, 'laptop-e');
    const host = await newHost(dataDir);
    value(await rpc(host, 'session:login', { username: 'kari', password: TEST_PASSWORD }));
    const deviceId = (await storedSession(dataDir)).signedIn!.deviceId;
    value(await rpc(host, 'session:logout'));
    const grant = value(await rpc<SessionGrant>(host, 'session:login', { username: 'kari', password: TEST_PASSWORD }));
    expect((await storedSession(dataDir)).signedIn!.deviceId).toBe(deviceId);

    await revokeDevice(server.db, deviceId);
    const revoked = await rpc(host, 'session:refresh', { expiredToken: grant.accessToken! });
    expect(errorCode(revoked)).toBe('device-revoked');
    expect(value(await rpc<SessionView>(host, 'session:current'))).toMatchObject({ state: 'signed-out', reason: 'device-revoked' });
  });
});
