import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverSessionSchema } from '../../../src-shared/auth/auth.contract';
import { readEnv, securityOptions } from '../../../src-server/config';
import { startTestServer, type TestServer } from '../sync/support/test-server';

/** Every session answer carries the server's maximum offline time (MAX_OFFLINE_DAYS), which the laptop enforces at unlock. */
let standard: TestServer;
let strict: TestServer;

beforeAll(async () => {
  standard = await startTestServer();
  strict = await startTestServer(securityOptions(readEnv({ MAX_OFFLINE_DAYS: '7' })));
  for (const server of [standard, strict]) {
    await server.addUser({ username: 'kari', roles: ['teacher'], scope: { institution: 'hvl', departments: [], cohorts: [], partners: [] } });
  }
});
afterAll(async () => {
  await standard?.close();
  await strict?.close();
});

async function refresh(server: TestServer, refreshToken: string) {
  const response = await fetch(`${server.url}/auth/refresh`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refreshToken }),
  });
  expect(response.status).toBe(200);
  return serverSessionSchema.parse(await response.json());
}

describe('the maximum offline time in the session answer', () => {
  it('is 30 days by default, at sign-in and at every refresh', async () => {
    const signedIn = serverSessionSchema.parse(await standard.login('kari'));
    expect(signedIn.maxOfflineSeconds).toBe(30 * 86_400);
    expect((await refresh(standard, signedIn.refreshToken)).maxOfflineSeconds).toBe(30 * 86_400);
  });

  it('follows MAX_OFFLINE_DAYS', async () => {
    const signedIn = serverSessionSchema.parse(await strict.login('kari'));
    expect(signedIn.maxOfflineSeconds).toBe(7 * 86_400);
    expect((await refresh(strict, signedIn.refreshToken)).maxOfflineSeconds).toBe(7 * 86_400);
  });

  it('refuses a MAX_OFFLINE_DAYS that is not a whole number of days from 1', () => {
    for (const value of ['0', '-3', '1.5', 'tretti']) expect(() => readEnv({ MAX_OFFLINE_DAYS: value })).toThrow(/MAX_OFFLINE_DAYS/);
  });
});
