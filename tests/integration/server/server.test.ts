import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeDevice, setUserDisabled } from '../../../src-server/auth/accounts';
import { taggedStreamEventSchema, type TaggedStreamEvent } from '../../../src-shared/sync/stream.schema';
import { syncErrorSchema } from '../../../src-shared/sync/sync-error.schema';
import { schemaVersionOf } from '../../../src-shared/db/collections';
import { sharedStreamPath } from '../../../src-shared/sync/sync-routes';
import { readServerSentEvents } from '../../../src-renderer/sync/sse-reader';
import { scope } from '../sync/support/fixtures';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../sync/support/test-server';
import { DOCUMENTED_ROUTES } from './documented-routes';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await server.addUser({ username: 'kari', roles: ['cohortCoordinator'], scope: scope({ cohorts: ['spl-2025'] }) });
});
afterAll(() => server.close());

const post = (path: string, body: unknown, token?: string) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
const get = (path: string, token?: string) => fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const errorCode = async (response: Response) => syncErrorSchema.parse(await response.json()).code;

describe('server basics', () => {
  it('answers /health with the engine in use', async () => {
    const response = await get('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', engine: server.engine });
  });

  it('answers CORS, so the app page (another origin) can call it', async () => {
    const preflight = await fetch(new URL('/auth/login', server.url), {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:4317', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    expect((await get('/health')).headers.get('access-control-allow-origin')).toBe('*');
  });

  it('documents every route in OpenAPI 3 and serves human-readable docs', async () => {
    const spec = (await (await get('/openapi.json')).json()) as { openapi: string; paths: Record<string, Record<string, { summary?: string }>> };
    expect(spec.openapi).toMatch(/^3\./);
    const documented = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    for (const route of DOCUMENTED_ROUTES) expect(documented).toContain(route);
    for (const methods of Object.values(spec.paths)) for (const operation of Object.values(methods)) expect(operation.summary).toBeTruthy();
    const docs = await get('/docs/');
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });

  it('streams several collections on one connection, each with its RESYNC first, and refuses bad lists', async () => {
    const session = await server.login('kari');
    const controller = new AbortController();
    const response = await fetch(
      `${server.url}${sharedStreamPath([
        { name: 'cases', version: 0 },
        { name: 'notes', version: schemaVersionOf('notes') },
      ])}`,
      {
        headers: { authorization: `Bearer ${session.accessToken}` },
        signal: controller.signal,
      },
    );
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events: TaggedStreamEvent[] = [];
    for await (const data of readServerSentEvents(response.body!)) {
      events.push(taggedStreamEventSchema.parse(JSON.parse(data)));
      if (events.length === 2) break;
    }
    controller.abort();
    expect(events.map((event) => [event.collection, event.event]).sort()).toEqual([
      ['cases', 'RESYNC'],
      ['notes', 'RESYNC'],
    ]);

    for (const [query, status, code] of [
      ['collections=cases.v0,cases.v0', 400, 'bad-request'],
      ['collections=cases', 400, 'bad-request'],
      ['collections=nope.v0', 404, 'unknown-collection'],
      ['collections=cases.v0,notes.v-1', 400, 'bad-request'],
    ] as const) {
      const refused = await get(`/sync/stream?${query}`, session.accessToken);
      expect({ query, status: refused.status, code: await errorCode(refused) }).toEqual({ query, status, code });
    }
    expect((await get('/sync/stream?collections=cases.v0')).status).toBe(401);
  });

  it('answers unknown routes and malformed JSON with a clear 4xx body', async () => {
    const missing = await get('/nope');
    expect(missing.status).toBe(404);
    expect(await errorCode(missing)).toBe('not-found');
    const malformed = await fetch(`${server.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' });
    expect(malformed.status).toBe(400);
    expect(await errorCode(malformed)).toBe('bad-request');
  });
});

describe('accounts and sessions', () => {
  it('rejects a wrong password without saying whether the user exists', async () => {
    const wrong = await post('/auth/login', { username: 'kari', password: 'nope-nope' });
    const unknown = await post('/auth/login', { username: 'nobody', password: 'nope-nope' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect([await errorCode(wrong), await errorCode(unknown)]).toEqual(['invalid-credentials', 'invalid-credentials']);
  });

  it('signs in, identifies the user and keeps the device id on the next sign-in', async () => {
    const session = await server.login('kari');
    const me = (await (await get('/auth/me', session.accessToken)).json()) as { user: { roles: string[] }; deviceId: string };
    expect(me.user.roles).toEqual(['cohortCoordinator']);
    expect(me.deviceId).toBe(session.deviceId);
    expect((await server.login('kari', session.deviceId)).deviceId).toBe(session.deviceId);
  });

  it('rotates refresh tokens and revokes the session when a used one comes back', async () => {
    const first = await server.login('kari');
    const second = await post('/auth/refresh', { refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    const rotated = (await second.json()) as { refreshToken: string; accessToken: string };
    expect(rotated.refreshToken).not.toBe(first.refreshToken);

    const reused = await post('/auth/refresh', { refreshToken: first.refreshToken });
    expect(reused.status).toBe(401);
    expect(await errorCode(reused)).toBe('refresh-reused');
    // The thief's copy and the rightful newest token are both dead now.
    const afterReuse = await post('/auth/refresh', { refreshToken: rotated.refreshToken });
    expect(afterReuse.status).toBe(401);
  });

  it('logs out: the refresh token stops working', async () => {
    const session = await server.login('kari');
    expect((await post('/auth/logout', { refreshToken: session.refreshToken })).status).toBe(204);
    expect((await post('/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
  });

  it('answers a revoked device with 401 device-revoked (the app wipes its replica)', async () => {
    const session = await server.login('kari');
    await revokeDevice(server.db, session.deviceId);
    const pull = await get('/sync/cases/v0/pull', session.accessToken);
    expect(pull.status).toBe(401);
    expect(await errorCode(pull)).toBe('device-revoked');
    const refresh = await post('/auth/refresh', { refreshToken: session.refreshToken });
    expect(await errorCode(refresh)).toBe('device-revoked');
  });

  it('answers a disabled user with 401 user-disabled', async () => {
    await server.addUser({ username: 'ola', roles: ['teacher'], scope: scope() });
    const session = await server.login('ola');
    await setUserDisabled(server.db, 'ola', true);
    const me = await get('/auth/me', session.accessToken);
    expect(me.status).toBe(401);
    expect(await errorCode(me)).toBe('user-disabled');
    expect((await post('/auth/login', { username: 'ola', password: TEST_PASSWORD })).status).toBe(401);
  });

  it('answers a missing or forged token with 401 unauthenticated', async () => {
    const none = await get('/sync/cases/v0/pull');
    expect(await errorCode(none)).toBe('unauthenticated');
    const forged = await get('/sync/cases/v0/pull', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl');
    expect(forged.status).toBe(401);
  });
});

describe('schema versions in the sync URL', () => {
  it('answers an older client schema version with HTTP 426 and a clear message', async () => {
    const session = await server.login('kari');
    // The same database served by a server whose cases schema moved on to version 1.
    const app = await startTestServer({ db: server.db, collections: [{ ...server.app.saksflyt.collections.get('cases')!, version: 1 }] });
    try {
      const response = await fetch(`${app.url}/sync/cases/v0/pull`, { headers: { authorization: `Bearer ${session.accessToken}` } });
      expect(response.status).toBe(426);
      const body = syncErrorSchema.parse(await response.json());
      expect(body.code).toBe('schema-outdated');
      expect(body.message).toMatch(/Update the app/);
      const newer = await fetch(`${app.url}/sync/cases/v2/pull`, { headers: { authorization: `Bearer ${session.accessToken}` } });
      expect(newer.status).toBe(400);
      expect(await errorCode(newer)).toBe('schema-unsupported');
    } finally {
      await app.app.close();
    }
  });

  it("reports the server's own time for a pull (Server-Timing)", async () => {
    const response = await get('/sync/cases/v0/pull', (await server.login('kari')).accessToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('server-timing')).toMatch(/^pull;dur=\d+(\.\d)?$/);
  });

  it('answers an unknown collection with 404 unknown-collection', async () => {
    const session = await server.login('kari');
    const response = await get('/sync/conflicts/v0/pull', session.accessToken);
    expect(response.status).toBe(404);
    expect(await errorCode(response)).toBe('unknown-collection');
  });
});
