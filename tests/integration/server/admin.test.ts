import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminCommand } from '../../../src-server/admin/admin-command';
import { auditCommand } from '../../../src-server/admin/audit.command';
import { DEMO_PASSWORD, demoDataCommand } from '../../../dev/server/demo-data.command';
import { deviceCommand } from '../../../src-server/admin/device.command';
import { userCommand } from '../../../src-server/admin/user.command';
import { appendAudit } from '../../../src-server/audit/audit-log';
import { startTestServer, type TestServer } from '../sync/support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function admin(command: AdminCommand, args: string[]) {
  const lines: string[] = [];
  const code = await command.run(args, { db: server.db, out: (line) => lines.push(line) });
  return { code, output: lines.join('\n') };
}

describe('npm run admin', () => {
  it('adds, lists, disables and enables users', async () => {
    const added = await admin(userCommand, [
      'add',
      '--username',
      'kari',
      '--name',
      'Kari Nordmann',
      '--roles',
      'cohortCoordinator,teacher',
      '--institution',
      'hifj',
      '--cohorts',
      'SYK-2024H',
    ]);
    expect(added.code).toBe(0);
    expect(added.output).toMatch(/Password: \S{12,}/);
    const password = /Password: (\S+)/.exec(added.output)![1]!;
    const login = await fetch(`${server.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'kari', password }),
    });
    expect(login.status).toBe(200);
    expect((await admin(userCommand, ['list'])).output).toContain('kari\tKari Nordmann\tcohortCoordinator,teacher\thifj SYK-2024H');
    expect((await admin(userCommand, ['disable', '--username', 'kari'])).output).toContain('Disabled kari');
    expect((await admin(userCommand, ['list'])).output).toContain('DISABLED');
    await admin(userCommand, ['enable', '--username', 'kari']);
    expect((await admin(userCommand, ['list'])).output).not.toContain('DISABLED');
  });

  it('refuses unknown roles and missing fields with a usage error', async () => {
    await expect(admin(userCommand, ['add', '--username', 'x', '--name', 'X', '--roles', 'king', '--institution', 'hifj'])).rejects.toMatchObject({
      kind: 'validation',
    });
    await expect(admin(userCommand, ['add', '--username', 'x', '--roles', 'teacher'])).rejects.toMatchObject({ kind: 'validation' });
    await expect(admin(userCommand, ['add', '--bogus', '1'])).rejects.toMatchObject({ kind: 'validation' });
  });

  it('lists and revokes devices', async () => {
    await admin(userCommand, ['add', '--username', 'per', '--name', 'Per', '--roles', 'teacher', '--institution', 'hifj', '--password', 'per-password-1']);
    const session = await fetch(`${server.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'per', password: 'per-password-1', deviceName: 'Pers laptop' }),
    }).then((response) => response.json() as Promise<{ deviceId: string; accessToken: string }>);
    expect((await admin(deviceCommand, ['list', '--username', 'per'])).output).toContain(`${session.deviceId}\t`);
    expect((await admin(deviceCommand, ['revoke', '--id', session.deviceId])).output).toContain('Revoked');
    const me = await fetch(`${server.url}/auth/me`, { headers: { authorization: `Bearer ${session.accessToken}` } });
    expect(await me.json()).toMatchObject({ code: 'device-revoked' });
  });

  it('loads demo data through the shared generator, with working demo accounts', async () => {
    const result = await admin(demoDataCommand, ['--cases', '12', '--seed', '3']);
    expect(result.output).toMatch(/^cases: 12$/m);
    const [row] = await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sync_documents WHERE collection = 'cases'`);
    expect(row?.n).toBe(12);
    const login = await fetch(`${server.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'u-kullkoord-helse', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
  });

  it('verifies the audit log and names the first broken entry', async () => {
    await server.db.transaction((tx) => appendAudit(tx, [{ action: 'test', outcome: 'ok' }]));
    expect(await admin(auditCommand, ['verify'])).toMatchObject({ code: 0, output: expect.stringMatching(/^Audit log intact: \d+ entries verified\.$/) });
    const [first] = await server.db.query<{ id: number; outcome: string }>('SELECT id, outcome FROM audit_log ORDER BY id LIMIT 1');
    await server.db.query(`UPDATE audit_log SET outcome = 'denied' WHERE id = $1`, [first!.id]);
    try {
      const broken = await admin(auditCommand, ['verify']);
      expect(broken.code).toBe(1);
      expect(broken.output).toContain(`BROKEN at entry ${first!.id}`);
    } finally {
      await server.db.query(`UPDATE audit_log SET outcome = $2 WHERE id = $1`, [first!.id, first!.outcome]);
    }
    expect((await admin(auditCommand, ['verify'])).code).toBe(0);
  });

  it('runs as `npm run admin` on the database DATA_DIR/DATABASE_URL select, with usage on bad input', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'saksflyt-admin-'));
    try {
      const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
      const run = (...args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], { env, encoding: 'utf8', timeout: 120_000 });
      const usage = run('nope');
      expect(usage.status).toBe(2);
      expect(usage.stderr).toContain('Usage: npm run admin -- <command>');
      const verify = run('audit', 'verify');
      expect(verify.stdout).toContain('Audit log intact: 0 entries verified.');
      expect(verify.status).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
