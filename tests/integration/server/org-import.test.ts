import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgCommand } from '../../../src-server/admin/org.command';
import { storedOrganisation } from '../../../src-server/organisation/org-store';
import type { OrgUnit } from '../../../src-shared/domain/organisation/org-unit.schema';
import { SyncTransport } from '../../../src-renderer/sync/sync-transport';
import { sessionAuth } from '../sync/support/client';
import { INSTITUTION, scope } from '../sync/support/fixtures';
import { pullAll } from '../sync/support/pull-all';
import { startTestServer, type TestServer } from '../sync/support/test-server';
import { schemaVersionOf } from '../../../src-shared/db/collections';

/** `npm run admin -- org import FILE`: the organisation from a file, published read-only to staff. */
let server: TestServer;
let dir: string;

async function orgImport(name: string, content: string, ...flags: string[]) {
  const path = join(dir, name);
  await writeFile(path, content);
  const lines: string[] = [];
  const code = await orgCommand.run(['import', path, ...flags], { db: server.db, out: (line) => lines.push(line) });
  return { code, output: lines.join('\n') };
}

const transportOf = async (username: string) => new SyncTransport({ baseUrl: server.url, auth: sessionAuth(server.url, await server.login(username)) });
const pullOrganisation = async (username: string) => (await pullAll(await transportOf(username), 'organisation')).documents as unknown as OrgUnit[];

const JSON_FILE = JSON.stringify({
  units: [
    { id: INSTITUTION, kind: 'institution', code: '203', name: 'Høgskulen på Vestlandet' },
    { id: 'hvl-helse', kind: 'department', name: 'Fakultet for helse- og sosialvitskap', parentId: INSTITUTION },
    { id: 'spl-2025', kind: 'cohort', code: 'SPL-2025H', name: 'Bachelor i sjukepleie, kull 2025', parentId: 'hvl-helse' },
  ],
});

// As Excel saves it: byte-order mark, semicolons, æøå, a blank attribute cell.
const CSV_FILE =
  '\uFEFFid;kind;code;name;parentId;category;capacity\n' +
  'course-SYK2100;course;SYK2100;Praksisstudier i sjukeheim;hvl-helse;placement;\n' +
  'site-førde;site;;Førde sjukeheim – Ålesundsvegen;hvl-helse;;\n' +
  'site-førde-1;siteUnit;;Skjerma eining;site-førde;;6\n';

beforeAll(async () => {
  server = await startTestServer();
  dir = await mkdtemp(join(tmpdir(), 'saksflyt-org-'));
  await server.addUser({ username: 'kari', name: 'Kari Nordmann', roles: ['cohortCoordinator'], scope: scope({ cohorts: ['spl-2025'] }) });
  await server.addUser({ username: 'ola', name: 'Ola Student', roles: ['student'], scope: scope({}) });
  await server.addUser({ username: 'vera', name: 'Vera Annen', roles: ['rector'], scope: { ...scope({}), institution: 'another-institution' } });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('org import', () => {
  it('imports JSON and then CSV whose parents are already stored, and staff of the institution receive every unit', async () => {
    expect(await orgImport('org.json', JSON_FILE)).toEqual({
      code: 0,
      output: expect.stringContaining('3 unit(s) imported (institution: 1, department: 1, cohort: 1)'),
    });
    expect(await orgImport('sites.csv', CSV_FILE)).toEqual({
      code: 0,
      output: expect.stringContaining('3 unit(s) imported (course: 1, site: 1, siteUnit: 1)'),
    });
    const units = await pullOrganisation('kari');
    expect(units.map((unit) => unit.id).sort()).toEqual(['course-SYK2100', 'hvl', 'hvl-helse', 'site-førde', 'site-førde-1', 'spl-2025']);
    expect(units.find((unit) => unit.id === 'site-førde')).toMatchObject({ name: 'Førde sjukeheim – Ålesundsvegen', institution: INSTITUTION, attributes: {} });
    expect(units.find((unit) => unit.id === 'site-førde-1')?.attributes).toEqual({ capacity: '6' });
    expect(units.find((unit) => unit.id === 'course-SYK2100')?.attributes).toEqual({ category: 'placement' });
  });

  it('gives nothing to students or to staff of another institution', async () => {
    expect(await pullOrganisation('ola')).toEqual([]);
    expect(await pullOrganisation('vera')).toEqual([]);
  });

  it('stores nothing from a file with a bad row, and names every bad row', async () => {
    const before = await storedOrganisation(server.db);
    const bad =
      'id;kind;name;parentId;capacity\n' +
      'site-ny;site;Ny praksisplass;hvl-helse;\n' +
      'site-ny-1;siteUnit;Post 1;site-ny;mange\n' +
      'kull-x;cohort;Kull uten avdeling;;\n';
    const result = await orgImport('bad.csv', bad);
    expect(result.code).toBe(1);
    expect(result.output).toContain('2 row(s) refused; nothing was imported.');
    expect(result.output).toMatch(/row 2: attributes of a siteUnit: capacity/);
    expect(result.output).toMatch(/row 3: a cohort needs a parentId \(a department\)/);
    expect(await storedOrganisation(server.db)).toEqual(before);
  });

  it('checks a file without storing it on --dry-run, and updates units on a second import', async () => {
    const renamed = JSON.stringify([{ id: 'hvl-helse', kind: 'department', name: 'Fakultet for helse', parentId: INSTITUTION }]);
    expect((await orgImport('dry.json', renamed, '--dry-run')).output).toContain('1 unit(s) valid (department: 1); dry run, nothing imported.');
    expect((await storedOrganisation(server.db)).find((unit) => unit.id === 'hvl-helse')?.name).toBe('Fakultet for helse- og sosialvitskap');
    expect((await orgImport('rename.json', renamed)).code).toBe(0);
    expect((await pullOrganisation('kari')).find((unit) => unit.id === 'hvl-helse')?.name).toBe('Fakultet for helse');
  });

  it('answers an unreadable or malformed file with a clear usage error', async () => {
    await expect(orgImport('broken.json', '{ "units": [')).rejects.toMatchObject({ kind: 'validation', message: expect.stringContaining('is not valid JSON') });
    await expect(orgImport('org.xlsx', 'x')).rejects.toMatchObject({ kind: 'validation', message: expect.stringContaining('.json or .csv') });
    await expect(orgImport('no-header.csv', 'a;b\n1;2\n')).rejects.toMatchObject({ kind: 'validation', message: expect.stringContaining('id, kind and name') });
    await expect(orgCommand.run(['import', join(dir, 'missing.json')], { db: server.db, out: () => {} })).rejects.toMatchObject({
      kind: 'validation',
      message: expect.stringContaining('ENOENT'),
    });
    await expect(orgCommand.run(['export'], { db: server.db, out: () => {} })).rejects.toMatchObject({ kind: 'validation' });
  });

  it('refuses any laptop’s push to the organisation', async () => {
    const [unit] = await storedOrganisation(server.db);
    const changed = { ...unit!, name: 'Endret fra en bærbar', _deleted: false };
    const response = await (
      await transportOf('kari')
    ).push('organisation', schemaVersionOf('organisation'), [{ assumedMasterState: { ...unit!, _deleted: false }, newDocumentState: changed }]);
    expect(response.rejections).toEqual([expect.objectContaining({ reason: 'forbidden' })]);
    expect((await storedOrganisation(server.db)).find((stored) => stored.id === unit!.id)?.name).toBe(unit!.name);
  });
});
