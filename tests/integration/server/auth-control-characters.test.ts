import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../sync/support/test-server';

/** Control characters (NUL above all, which PostgreSQL refuses in text) in any auth input are a 400, never a 500. */
let server: TestServer;
let refreshToken: string;

beforeAll(async () => {
  server = await startTestServer();
  await server.addUser({ username: 'kari', roles: ['teacher'], scope: { institution: 'hifj', departments: [], cohorts: [], partners: [] } });
  refreshToken = (await server.login('kari')).refreshToken;
});
afterAll(() => server?.close());

async function post(path: string, body: unknown) {
  const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json().catch(() => null)) as { code?: string; message?: string } | null };
}

const login = { username: 'kari', password: TEST_PASSWORD };

describe('control characters in auth input', () => {
  it.each([
    ['a NUL in the username', { ...login, username: 'ka\u0000ri' }],
    ['a NUL alone as username', { ...login, username: '\u0000' }],
    ['a bell in the username', { ...login, username: 'kari\u0007' }],
    ['a NUL in the password', { ...login, password: `${TEST_PASSWORD}\u0000` }],
    ['a NUL in the device name', { ...login, deviceName: 'Laptop\u0000' }],
    ['a newline in the device name', { ...login, deviceName: 'Laptop\nINFO forged log line' }],
    ['a NUL in the device id', { ...login, deviceId: 'device\u0000' }],
  ])('sign-in with %s is a 400', async (_what, body) => {
    const response = await post('/auth/login', body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'bad-request', message: expect.stringContaining('must not contain control characters') });
  });

  it.each(['/auth/refresh', '/auth/logout'])('%s with a NUL in the refresh token is a 400', async (path) => {
    const response = await post(path, { refreshToken: `${refreshToken}\u0000` });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'bad-request', message: expect.stringContaining('must not contain control characters') });
  });

  it('leaves the session usable', async () => {
    expect((await post('/auth/refresh', { refreshToken })).status).toBe(200);
  });
});
