import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminCommand } from '../../../src-server/admin/admin-command';
import { userCommand } from '../../../src-server/admin/user.command';
import type { Session } from '../../../src-server/auth/sessions';
import {
  ADMIN_DEVICES_PATH,
  adminDevicesSchema,
  DEVICES_PATH,
  deviceRevokedSchema,
  myDevicesSchema,
  revokeDevicePath,
} from '../../../src-shared/auth/devices.contract';
import { syncErrorSchema } from '../../../src-shared/sync/sync-error.schema';
import { scope } from '../sync/support/fixtures';
import { startTestServer, type TestServer } from '../sync/support/test-server';

/**
 * The devices of accounts over real HTTP: an account administrator (granted with `npm run admin --
 * user grant-admin`) sees anyone's devices with their last contact and revokes them; everyone else
 * sees and revokes only their own (403 for the rest); every refusal is a clear 4xx.
 */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await server.addUser({ username: 'anne', roles: ['caseOfficer'], scope: scope() });
  await server.addUser({ username: 'kari', roles: ['cohortCoordinator'], scope: scope({ cohorts: ['spl-2025'] }) });
}, 60_000);
afterAll(() => server?.close());

async function admin(command: AdminCommand, args: string[]) {
  const lines: string[] = [];
  await command.run(args, { db: server.db, out: (line) => lines.push(line) });
  return lines.join('\n');
}

async function call(method: 'GET' | 'POST', path: string, session?: Session) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: session ? { authorization: `Bearer ${session.accessToken}` } : {},
  });
  const answer: unknown = await response.json();
  expect(response.status).toBeLessThan(500);
  if (!response.ok) expect(syncErrorSchema.safeParse(answer).success).toBe(true);
  return { status: response.status, answer };
}

const refresh = async (session: Session) => {
  const response = await fetch(`${server.url}/auth/refresh`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refreshToken: session.refreshToken }),
  });
  return { status: response.status, answer: (await response.json()) as { code?: string } };
};

const auditOf = (action: string) =>
  server.db.query<{ actor_id: string; outcome: string; reason: string | null; detail: string }>(
    'SELECT actor_id, outcome, reason, detail FROM audit_log WHERE action = $1 ORDER BY id',
    [action],
  );

describe("accounts' devices", () => {
  it('shows an account administrator a user’s devices with last contact after a sync, and revokes one', async () => {
    expect(await admin(userCommand, ['grant-admin', '--username', 'anne'])).toContain('anne is an account administrator');
    const anne = await server.login('anne');
    const kari = await server.login('kari');

    const before = adminDevicesSchema.parse((await call('GET', `${ADMIN_DEVICES_PATH}?username=kari`, anne)).answer);
    expect(before.devices).toEqual([expect.objectContaining({ id: kari.deviceId, username: 'kari', lastSeenAt: null, liveSession: true, revokedAt: null })]);

    const pulled = await fetch(`${server.url}/sync/cases/v0/pull`, { headers: { authorization: `Bearer ${kari.accessToken}` } });
    expect(pulled.status).toBe(200);
    const after = adminDevicesSchema.parse((await call('GET', `${ADMIN_DEVICES_PATH}?username=kari`, anne)).answer);
    const [device] = after.devices;
    expect(device).toMatchObject({ id: kari.deviceId, userName: 'kari', name: 'test kari', liveSession: true });
    expect(Date.now() - Date.parse(device!.lastSeenAt!)).toBeLessThan(60_000);
    // Without a username: every user's devices, the most recently seen first.
    const all = adminDevicesSchema.parse((await call('GET', ADMIN_DEVICES_PATH, anne)).answer);
    expect(all.devices.map((d) => d.username)).toEqual(expect.arrayContaining(['anne', 'kari']));

    const revoked = await call('POST', revokeDevicePath(kari.deviceId), anne);
    expect(revoked.status).toBe(200);
    expect(deviceRevokedSchema.parse(revoked.answer).device).toMatchObject({ id: kari.deviceId, liveSession: false, revokedAt: expect.any(String) });
    expect(await refresh(kari)).toMatchObject({ status: 401, answer: { code: 'device-revoked' } });
    // Revoking again changes nothing.
    expect((await call('POST', revokeDevicePath(kari.deviceId), anne)).status).toBe(200);

    const audit = await auditOf('device-revoke');
    expect(audit.map((entry) => [entry.actor_id, entry.outcome, JSON.parse(entry.detail).device])).toContainEqual([expect.any(String), 'ok', kari.deviceId]);
    expect((await auditOf('device-list')).filter((entry) => entry.outcome === 'ok')).toHaveLength(3);
  });

  it('lets every user list and revoke their own devices, and refuses anyone else’s with 403', async () => {
    const laptop = await server.login('kari');
    const lost = await server.login('kari');
    const anne = await server.login('anne');

    const mine = myDevicesSchema.parse((await call('GET', DEVICES_PATH, laptop)).answer);
    expect(mine.accountAdmin).toBe(false);
    expect(mine.currentDeviceId).toBe(laptop.deviceId);
    expect(mine.devices.every((device) => device.username === 'kari')).toBe(true);
    expect(mine.devices.map((device) => device.id)).toEqual(expect.arrayContaining([laptop.deviceId, lost.deviceId]));
    expect(myDevicesSchema.parse((await call('GET', DEVICES_PATH, anne)).answer).accountAdmin).toBe(true);

    expect(await call('GET', `${ADMIN_DEVICES_PATH}?username=anne`, laptop)).toMatchObject({ status: 403, answer: { code: 'forbidden' } });
    expect(await call('GET', ADMIN_DEVICES_PATH, laptop)).toMatchObject({ status: 403, answer: { code: 'forbidden' } });
    expect(await call('POST', revokeDevicePath(anne.deviceId), laptop)).toMatchObject({ status: 403, answer: { code: 'forbidden' } });
    expect((await refresh(anne)).status).toBe(200);
    const denied = (await auditOf('device-revoke')).filter((entry) => entry.outcome === 'denied');
    expect(denied.map((entry) => [entry.reason, JSON.parse(entry.detail).device])).toEqual([['forbidden', anne.deviceId]]);
    expect((await auditOf('device-list')).filter((entry) => entry.outcome === 'denied')).toHaveLength(2);

    // A lost laptop, revoked from the other one.
    expect((await call('POST', revokeDevicePath(lost.deviceId), laptop)).status).toBe(200);
    expect(await refresh(lost)).toMatchObject({ status: 401, answer: { code: 'device-revoked' } });
    expect((await refresh(laptop)).status).toBe(200);
  });

  it('ends account administration with revoke-admin', async () => {
    expect(await admin(userCommand, ['revoke-admin', '--username', 'anne'])).toContain('no longer');
    const anne = await server.login('anne');
    expect((await call('GET', ADMIN_DEVICES_PATH, anne)).status).toBe(403);
    await expect(admin(userCommand, ['grant-admin', '--username', 'nobody'])).rejects.toMatchObject({ kind: 'not-found' });
    await admin(userCommand, ['grant-admin', '--username', 'anne']);
  });

  it('answers bad input with a clear 4xx', async () => {
    const anne = await server.login('anne');
    const codeOf = async (method: 'GET' | 'POST', path: string, session: Session | null = anne) => {
      const { status, answer } = await call(method, path, session ?? undefined);
      return [status, (answer as { code: string }).code];
    };
    expect(await codeOf('GET', DEVICES_PATH, null)).toEqual([401, 'unauthenticated']);
    expect(await codeOf('GET', `${ADMIN_DEVICES_PATH}?username=nobody`)).toEqual([404, 'not-found']);
    expect(await codeOf('GET', `${ADMIN_DEVICES_PATH}?username=a%00b`)).toEqual([400, 'bad-request']);
    expect(await codeOf('GET', `${ADMIN_DEVICES_PATH}?username=`)).toEqual([400, 'bad-request']);
    expect(await codeOf('GET', `${ADMIN_DEVICES_PATH}?stray=1`)).toEqual([400, 'bad-request']);
    expect(await codeOf('POST', revokeDevicePath('no-such-device'))).toEqual([404, 'not-found']);
    expect(await codeOf('POST', revokeDevicePath('x'.repeat(65)))).toEqual([400, 'bad-request']);
    expect(await codeOf('POST', revokeDevicePath('a\u0001b'))).toEqual([400, 'bad-request']);
    expect(await codeOf('POST', revokeDevicePath('x'), null)).toEqual([401, 'unauthenticated']);
  });
});
