import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, listUsers, setUserAccess, setUserDisabled } from '../../../src-server/auth/accounts';
import { publishStaff } from '../../../src-server/auth/staff-directory';
import type { StaffMember } from '../../../src-shared/domain/staff/staff.schema';
import { SyncTransport } from '../../../src-renderer/sync/sync-transport';
import { sessionAuth } from '../sync/support/client';
import { scope } from '../sync/support/fixtures';
import { pullAll } from '../sync/support/pull-all';
import { startTestServer, type TestServer } from '../sync/support/test-server';

/** The staff directory the server publishes from its accounts, and who receives it. */
let server: TestServer;

const pullStaff = async (username: string) => {
  const transport = new SyncTransport({ baseUrl: server.url, auth: sessionAuth(server.url, await server.login(username)) });
  return (await pullAll(transport, 'staff')).documents as unknown as StaffMember[];
};

beforeAll(async () => {
  server = await startTestServer();
  await server.addUser({
    username: 'kari',
    name: 'Kari Nordmann',
    roles: ['cohortCoordinator'],
    scope: scope({ cohorts: ['spl-2025'] }),
    email: 'kari@hvl.example.no',
  });
  await server.addUser({ username: 'per', name: 'Per Hansen', roles: ['departmentHead'], scope: scope({}) });
  await server.addUser({ username: 'ola', name: 'Ola Student', roles: ['student'], scope: scope({}) });
  await server.addUser({ username: 'vera', name: 'Vera Annen', roles: ['rector'], scope: { ...scope({}), institution: 'another-institution' } });
});
afterAll(() => server.close());

describe('staff directory', () => {
  it('gives the institution’s staff its staff accounts, and nobody else anything', async () => {
    const staff = await pullStaff('kari');
    expect(staff.map((member) => [member.name, member.roles, member.email, member.active]).sort()).toEqual([
      ['Kari Nordmann', ['cohortCoordinator'], 'kari@hvl.example.no', true],
      ['Per Hansen', ['departmentHead'], '', true],
    ]);
    expect(staff.find((member) => member.name === 'Kari Nordmann')?.cohorts).toEqual(['spl-2025']);
    expect(await pullStaff('ola')).toEqual([]);
    expect((await pullStaff('vera')).map((member) => member.name)).toEqual(['Vera Annen']);
  });

  it('follows account changes: a disabled account stays for earlier documents, marked inactive', async () => {
    await setUserAccess(server.db, 'per', { roles: ['departmentHead', 'teacher'], scope: scope({ departments: ['helse', 'okonomi'] }) });
    await setUserDisabled(server.db, 'kari', true);
    const staff = await pullStaff('per');
    expect(staff.find((member) => member.name === 'Kari Nordmann')).toMatchObject({ active: false });
    expect(staff.find((member) => member.name === 'Per Hansen')).toMatchObject({ roles: ['departmentHead', 'teacher'], departments: ['helse', 'okonomi'] });
  });

  it('writes an entry again only when the account changed, and publishes accounts made before it existed', async () => {
    expect(await publishStaff(server.db, await listUsers(server.db))).toBe(0);
    await server.db.query(`DELETE FROM sync_documents WHERE collection = 'staff'`);
    await addUser(server.db, { username: 'ny', name: 'Ny Lærer', roles: ['teacher'], scope: scope({}) });
    expect(await publishStaff(server.db, await listUsers(server.db))).toBe(3); // kari, per and vera again; ny was published when added
    expect((await pullStaff('per')).map((member) => member.name).sort()).toEqual(['Kari Nordmann', 'Ny Lærer', 'Per Hansen']);
  });
});
