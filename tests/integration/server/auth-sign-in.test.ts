import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../sync/support/test-server';

/** Sign-in hardening: failed sign-ins are limited per account and per address, and audited. */
let server: TestServer;
let strictAddress: TestServer;
let office: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  strictAddress = await startTestServer({ signInLimits: { perAccount: 100, perAddress: 3, windowSeconds: 600 } });
  office = await startTestServer({ signInLimits: { perAccount: 5, perAddress: 3, windowSeconds: 600 } });
  for (const username of ['kari', 'per', 'ola', 'burst'])
    await server.addUser({ username, roles: ['teacher'], scope: { institution: 'hifj', departments: [], cohorts: [], partners: [] } });
});
afterAll(async () => {
  await server?.close();
  await strictAddress?.close();
  await office?.close();
});

function login(target: TestServer, username: string, password: string) {
  return fetch(`${target.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

describe('sign-in rate limiting', () => {
  it('locks an account after 5 failed sign-ins: 429 with Retry-After, even for the right password, all audited', async () => {
    for (let n = 0; n < 5; n++) expect((await login(server, 'kari', `wrong-${n}`)).status).toBe(401);
    const locked = await login(server, 'kari', TEST_PASSWORD);
    expect(locked.status).toBe(429);
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(await locked.json()).toMatchObject({ message: 'Too many failed sign-ins for this account; try again in 15 minutes.' });

    const audited = await server.db.query<{ actor_id: string | null; outcome: string; reason: string; detail: string }>(
      `SELECT actor_id, outcome, reason, detail FROM audit_log WHERE action = 'login' AND detail LIKE '%"username":"kari"%' ORDER BY id`,
    );
    expect(audited.map((row) => [row.outcome, row.reason])).toEqual([
      ...Array.from({ length: 5 }, () => ['denied', 'invalid-credentials']),
      ['denied', 'locked-out'],
    ]);
    expect(JSON.parse(audited[5]!.detail)).toMatchObject({ username: 'kari', scope: 'account', address: '127.0.0.1' });
    // Other accounts on the same address are not locked.
    expect((await login(server, 'per', TEST_PASSWORD)).status).toBe(200);
  });

  it("forgets an account's failures when the right password is given", async () => {
    for (let n = 0; n < 4; n++) expect((await login(server, 'ola', 'wrong')).status).toBe(401);
    expect((await login(server, 'ola', TEST_PASSWORD)).status).toBe(200);
    for (let n = 0; n < 4; n++) expect((await login(server, 'ola', 'wrong')).status).toBe(401);
    expect((await login(server, 'ola', TEST_PASSWORD)).status).toBe(200);
  });

  it('counts parallel guesses in full', async () => {
    const statuses = await Promise.all(Array.from({ length: 12 }, (_, n) => login(server, 'burst', `guess-${n}`).then((response) => response.status)));
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
  });

  it('locks an address that tries many usernames', async () => {
    for (const username of ['a', 'b', 'c']) expect((await login(strictAddress, username, 'x')).status).toBe(401);
    const locked = await login(strictAddress, 'd', 'x');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await locked.json()).toMatchObject({ message: 'Too many failed sign-ins for this address; try again in 10 minutes.' });
    const [lockout] = await strictAddress.db.query<{ detail: string }>(`SELECT detail FROM audit_log WHERE action = 'login' AND reason = 'locked-out'`);
    expect(JSON.parse(lockout!.detail)).toMatchObject({ username: 'c', scope: 'address' });
  });

  it('does not lock an address where many sign in at once (an office behind one address)', async () => {
    const staff = Array.from({ length: 8 }, (_, n) => `office-${n}`);
    for (const username of staff)
      await office.addUser({ username, roles: ['teacher'], scope: { institution: 'hifj', departments: [], cohorts: [], partners: [] } });
    const statuses = await Promise.all(staff.map((username) => login(office, username, TEST_PASSWORD).then((response) => response.status)));
    expect(statuses).toEqual(staff.map(() => 200));
  });

  it('audits an attempted username only shortened', async () => {
    const username = 'x'.repeat(100);
    expect((await login(server, username, 'wrong')).status).toBe(401);
    const [row] = await server.db.query<{ detail: string }>(`SELECT detail FROM audit_log WHERE action = 'login' AND detail LIKE '%xxxxxxxxxx%'`);
    expect(JSON.parse(row!.detail)).toMatchObject({ username: `${'x'.repeat(64)}…` });
  });
});
