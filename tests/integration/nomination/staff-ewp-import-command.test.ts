import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runEwpCommand } from '../../../src-server/admin/ewp.command';
import { generateMobilities, OUR_HEI, SCHEMA_BREAKING_STATUS, startEwpPartnerStandIn, type EwpPartnerStandIn } from '../../stand-ins/ewp-partner-server';
import { startTestServer, type TestServer } from '../sync/support/test-server';

/**
 * `npm run admin -- ewp import --partner-url URL --sending-hei HEI --receiving-hei HEI [--max-ids N]`
 * against the stand-in EWP partner over real HTTP, into the server's real database.
 */
let server: TestServer;
let partner: EwpPartnerStandIn;
const mobilities = generateMobilities(5);

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());
beforeEach(async () => {
  await server.db.query('DELETE FROM ewp_nominations');
  partner = await startEwpPartnerStandIn({ mobilities, maxOmobilityIds: 2 });
});
afterEach(() => partner.close());

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const openDatabase = async () => ({ db: server.db, close: async () => {} });
  const code = await runEwpCommand(['import', ...args], { out: (line) => out.push(line), err: (line) => err.push(line), openDatabase });
  return { code, out, err };
}
const importArgs = (maxIds = '2') => ['--partner-url', partner.url, '--sending-hei', partner.sendingHeiId, '--receiving-hei', OUR_HEI, '--max-ids', maxIds];
const storedIds = async () => (await server.db.query<{ id: string }>('SELECT omobility_id AS id FROM ewp_nominations ORDER BY 1')).map((row) => row.id);

describe('npm run admin -- ewp import', () => {
  it('imports the partner’s mobilities and prints the counts; again, nothing changes', async () => {
    expect(await run(...importArgs())).toEqual({ code: 0, out: ['Listed 5, created 5, updated 0, unchanged 0, refused 0'], err: [] });
    expect(await storedIds()).toEqual(mobilities.map((m) => m.omobilityId).sort());
    expect(partner.requests.filter((request) => request.endpoint === 'get').map((request) => request.params.omobility_id!.length)).toEqual([2, 2, 1]);
    expect((await run(...importArgs())).out).toEqual(['Listed 5, created 0, updated 0, unchanged 5, refused 0']);
  });

  it('exits 1 printing each refused file’s schema errors, and stores the other files', async () => {
    partner.breakSchema([mobilities[0]!.omobilityId]);
    const { code, out, err } = await run(...importArgs());
    expect(code).toBe(1);
    expect(out).toEqual(['Listed 5, created 3, updated 0, unchanged 0, refused 2']);
    expect(err).toEqual([
      expect.stringMatching(
        new RegExp(`^Refused ${mobilities[0]!.omobilityId}, ${mobilities[1]!.omobilityId}: line \\d+: .*The value '${SCHEMA_BREAKING_STATUS}'`),
      ),
    ]);
    expect(await storedIds()).toEqual(
      mobilities
        .slice(2)
        .map((m) => m.omobilityId)
        .sort(),
    );
  });

  it('exits 1 with the reason when the partner does not answer', async () => {
    const url = partner.url;
    await partner.close();
    const { code, err } = await run('--partner-url', url, '--sending-hei', 'uw.edu.pl', '--receiving-hei', OUR_HEI);
    expect(code).toBe(1);
    expect(err).toEqual([expect.stringContaining('did not answer')]);
    partner = await startEwpPartnerStandIn({ mobilities });
  });

  it.each([
    [['--sending-hei', 'uw.edu.pl', '--receiving-hei', OUR_HEI], /--partner-url/],
    [['--partner-url', 'ftp://x', '--sending-hei', 'uw.edu.pl', '--receiving-hei', OUR_HEI], /http\(s\) URL/],
    [['--partner-url', 'http://x', '--sending-hei', 'uw.edu.pl', '--receiving-hei', OUR_HEI, '--max-ids', '0'], /--max-ids/],
    [['--bogus'], /Unknown option '--bogus'/],
  ])('exits 2 with the problem and the usage on %j', async (args, problem) => {
    const { code, out, err } = await run(...args);
    expect({ code, out }).toEqual({ code: 2, out: [] });
    expect(err[0]).toMatch(problem);
    expect(err.at(-1)).toBe('Usage: npm run admin -- ewp import --partner-url URL --sending-hei HEI --receiving-hei HEI [--max-ids N]');
  });

  // Spawned, not spawnSync: the stand-in partner answers from this process meanwhile.
  it('runs as `npm run admin` into the server’s data directory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'saksflyt-ewp-import-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', 'ewp', 'import', ...importArgs()], {
        env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const [status] = (await once(child, 'close')) as [number];
      expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
      expect(stdout.trim()).toBe('Listed 5, created 5, updated 0, unchanged 0, refused 0');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
