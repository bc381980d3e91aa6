import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EWP_USAGE, runEwpCommand } from '../../../src-server/admin/ewp.command';
import { EWP_SCHEMAS_DIR } from '../../../src-server/case-types/nomination/ewp/ewp-schemas';
import { mapOmobilitiesGetResponse } from '../../../src-server/case-types/nomination/ewp/map-omobilities';
import { generateMobilities, omobilitiesGetResponseXml, SCHEMA_BREAKING_STATUS } from '../../stand-ins/ewp-partner-server';

/** `npm run admin -- ewp validate FILE`: no database; exit 0 valid, 1 invalid, 2 bad arguments. */
const example = resolve(EWP_SCHEMAS_DIR, 'omob-example.xml');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'saksflyt-ewp-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runEwpCommand(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

function file(name: string, xml: string): string {
  const path = join(dir, name);
  writeFileSync(path, xml);
  return path;
}

describe('npm run admin -- ewp validate', () => {
  it('prints what it would import of a valid file, one JSON line per mobility', async () => {
    const mobilities = generateMobilities(3);
    const path = file('three.xml', omobilitiesGetResponseXml(mobilities));
    const { code, out, err } = await run('validate', path);
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out.map((line) => JSON.parse(line))).toEqual(mobilities);
  });

  it('exits 1 with the schema error (file, line, message) on an invalid file', async () => {
    const mobilities = generateMobilities(2);
    const xml = omobilitiesGetResponseXml(mobilities, { breakStatusOf: mobilities[1]!.omobilityId });
    const path = file('broken.xml', xml);
    const line = xml.split('\n').findIndex((text) => text.includes(`<status>${SCHEMA_BREAKING_STATUS}</status>`)) + 1;
    const { code, out, err } = await run('validate', path);
    expect({ code, out }).toEqual({ code: 1, out: [] });
    expect(err).toEqual([
      expect.stringMatching(
        new RegExp(`^${path}:${line}: Schemas validity error : Element 'status': \\[facet 'enumeration'\\] The value '${SCHEMA_BREAKING_STATUS}'`),
      ),
    ]);
  });

  it('exits 1 naming a mobility the schema allows but an import would refuse, after printing the others', async () => {
    const [good, odd] = generateMobilities(2);
    const path = file('odd.xml', omobilitiesGetResponseXml([good!, { ...odd!, student: { ...odd!.student, email: 'x@y.z' } }]));
    const { code, out, err } = await run('validate', path);
    expect(code).toBe(1);
    expect(out.map((line) => JSON.parse(line))).toEqual([good]);
    expect(err).toEqual([expect.stringMatching(new RegExp(`^${path}: mobility ${odd!.omobilityId} cannot be imported: student\\.email: `))]);
  });

  it.each([[['validate']], [['validate', example, 'extra']], [['validate', '--help']]])('exits 2 with the usage on %j', async (args) => {
    expect(await run(...args)).toEqual({ code: 2, out: [], err: ['Usage: npm run admin -- ewp validate FILE'] });
  });

  it.each([[[]], [['check', example]]])('exits 2 with the usage of each ewp command on %j', async (args) => {
    expect(await run(...args)).toEqual({ code: 2, out: [], err: EWP_USAGE.map((line) => `Usage: npm run admin -- ${line}`) });
  });

  it('exits 2 when the file cannot be read', async () => {
    const { code, err } = await run('validate', join(dir, 'missing.xml'));
    expect(code).toBe(2);
    expect(err).toEqual([expect.stringMatching(/^Cannot read .*missing\.xml: ENOENT/)]);
  });

  it('runs as `npm run admin` on the specification’s example, without a database', () => {
    const admin = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', 'ewp', ...args], {
        env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
        encoding: 'utf8',
        timeout: 120_000,
      });
    const valid = admin('validate', example);
    expect(valid.status).toBe(0);
    expect(
      valid.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual(mapOmobilitiesGetResponse(readFileSync(example, 'utf8')).mobilities);
    const invalid = admin('validate', file('not-xml.xml', 'omobility_id=1'));
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toMatch(/not-xml\.xml:1: parser error : Start tag expected/);
    expect(admin('check').status).toBe(2);
  }, 120_000);
});
