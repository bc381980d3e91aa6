import { describe, expect, it } from 'vitest';
import { fsInstitutions } from '../../../dev/demo-data/fs-institutions';
import { runExchangeCommand } from '../../../src-server/admin/exchange.command';
import { startResultSourcesStandIn, TESTPERSON1, TESTPERSON2 } from '../../stand-ins/result-sources-server';

const NOW = () => new Date('2026-12-06T10:00:00Z');

async function run(args: string[], startLocalSources?: Parameters<typeof runExchangeCommand>[1]['startLocalSources']) {
  const lines: string[] = [];
  const code = await runExchangeCommand(args, { out: (line) => lines.push(line), startLocalSources, now: NOW });
  return {
    code,
    lines: lines.map((line) => JSON.parse(line) as { institution: string; name: string; outcome: string; results: { code: string }[]; detail?: string }),
  };
}

describe('npm run admin -- exchange fetch', () => {
  it('starts the stand-in sources without --sources, prints one JSON line per institution and stops them again', async () => {
    let closed = 0;
    const start = async () => {
      const standIn = await startResultSourcesStandIn();
      return { url: standIn.url, close: () => standIn.close().then(() => void closed++) };
    };
    const { code, lines } = await run(['fetch', '--national-id', TESTPERSON2], start);
    expect(code).toBe(0);
    expect(closed).toBe(1);
    expect(lines.map((line) => line.institution).sort()).toEqual(fsInstitutions.map((institution) => institution.code).sort());
    const hint = lines.find((line) => line.institution === '214')!;
    expect(hint).toMatchObject({ name: 'Høgskolen i Nord-Trøndelag', outcome: 'imported' });
    expect(hint.results.map((result) => result.code)).toContain('RES-OAL');
    expect(lines.filter((line) => line.outcome !== 'imported').every((line) => line.outcome === 'noResults')).toBe(true);
  });

  it('asks the directory given with --sources, and prints each outcome (with its detail)', async () => {
    const standIn = await startResultSourcesStandIn({ behaviour: { '185': { down: 'refused' }, '194': { reserved: true } } });
    try {
      const { lines } = await run(['fetch', '--national-id', '015361 12185', '--sources', standIn.url, '--timeout-ms', '1000']);
      const byCode = new Map(lines.map((line) => [line.institution, line]));
      expect(byCode.get('216')).toMatchObject({ outcome: 'imported' });
      expect(byCode.get('185')).toMatchObject({ outcome: 'sourceUnavailable', detail: 'ECONNREFUSED', results: [] });
      expect(byCode.get('194')).toMatchObject({ outcome: 'institutionReserved', results: [] });
      expect(standIn.requests.filter((request) => request.code === '216')).toEqual([{ code: '216', nationalId: TESTPERSON1 }]);
    } finally {
      await standIn.close();
    }
  });

  it.each([
    [['fetch', '--national-id', '01536112186'], /national-id: Control digit 2/],
    [['fetch', '--national-id', '123'], /national-id: A national ID has 11 digits/],
    [['fetch'], /Missing --national-id/],
    [['fetch', '--national-id', TESTPERSON1, '--sources', 'ftp://example.org'], /--sources must be an http\(s\) URL/],
    [['fetch', '--national-id', TESTPERSON1, '--timeout-ms', 'soon'], /--timeout-ms must be a number/],
    [['fetch', '--national-id', TESTPERSON1, '--bogus'], /Unknown option/],
    [['pull'], /Usage: exchange fetch/],
  ])('refuses %j with a clear usage error (exit 2 in scripts/admin.ts)', async (args, message) => {
    await expect(run(args, () => Promise.reject(new Error('must not start')))).rejects.toMatchObject({
      kind: 'validation',
      message: expect.stringMatching(message),
    });
  });

  it('says so when the directory does not answer', async () => {
    const standIn = await startResultSourcesStandIn();
    await standIn.close();
    await expect(run(['fetch', '--national-id', TESTPERSON1, '--sources', standIn.url])).rejects.toMatchObject({
      kind: 'external',
      message: expect.stringMatching(/did not answer/),
    });
  });
});
