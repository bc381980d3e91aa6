import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm run admin -- placement solve --in INSTANCE.json --out RESULT.json`, the acceptance interface
 * of issue 12, run as the process the outside check runs: exit 0 optimal or infeasible, 2 invalid.
 */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'saksflyt-placement-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function solve(name: string, instance: unknown, flags: string[] = []) {
  const input = join(dir, `${name}.json`);
  const output = join(dir, `${name}.result.json`);
  writeFileSync(input, typeof instance === 'string' ? instance : JSON.stringify(instance));
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', 'placement', 'solve', '--in', input, '--out', output, ...flags], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return {
    code: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    result: existsSync(output) ? (JSON.parse(readFileSync(output, 'utf8')) as unknown) : undefined,
  };
}

const instance = {
  students: [{ id: 's2' }, { id: 's1' }, { id: 's3', year: 2 }],
  sites: [
    { id: 'a', capacity: 3 },
    { id: 'b', capacity: 1 },
  ],
  supervisors: [
    { id: 'v1', site: 'a', limit: 2 },
    { id: 'v2', site: 'b', limit: 1 },
  ],
  costs: [
    { student: 's1', site: 'a', cost: 4 },
    { student: 's1', site: 'b', cost: 1 },
    { student: 's2', site: 'a', cost: 3 },
    { student: 's2', site: 'b', cost: 0 },
    { student: 's3', site: 'a', cost: 2 },
  ],
  locked: [{ student: 's1', site: 'a' }],
};

describe('npm run admin -- placement solve', () => {
  it('writes the optimal result in the issue format and exits 0', () => {
    const { code, stdout, stderr, result } = solve('optimal', instance);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('optimal: total cost 6, 3 placed');
    expect(result).toEqual({
      status: 'optimal',
      totalCost: 6,
      assignments: [
        { student: 's1', site: 'a', supervisor: 'v1' },
        { student: 's2', site: 'b', supervisor: 'v2' },
        { student: 's3', site: 'a', supervisor: 'v1' },
      ],
      blocking: null,
    });
  });

  it('adds why each student got their site with --explain', () => {
    const { code, result } = solve('explain', instance, ['--explain']);
    expect(code).toBe(0);
    const explanations = (result as { explanations: { student: string; reason: { kind: string }; text: { en: string } }[] }).explanations;
    expect(explanations.map(({ student, reason }) => [student, reason.kind])).toEqual([
      ['s1', 'locked'],
      ['s2', 'cheapest'],
      ['s3', 'cheapest'],
    ]);
    expect(explanations[0]!.text.en).toBe('Locked to a by hand (cost 4).');
  });

  it('writes infeasible with the blocking constraint and exits 0', () => {
    const { code, result } = solve('infeasible', { ...instance, supervisors: instance.supervisors.slice(1) });
    expect(code).toBe(0);
    expect(result).toMatchObject({
      status: 'infeasible',
      totalCost: null,
      assignments: [],
      blocking: "Site a has 0 places (capacity 3, supervisors' limits 0) but 1 student is locked to it: s1.",
    });
  });

  it('exits 2 with the reason on stderr, and writes nothing, for an invalid instance or file', () => {
    const invalid = solve('invalid', { ...instance, costs: [...instance.costs, { student: 's9', site: 'a', cost: 1 }] });
    expect({ code: invalid.code, result: invalid.result }).toEqual({ code: 2, result: undefined });
    expect(invalid.stderr).toMatch(/^Invalid instance .*invalid\.json: costs\.5\.student: unknown student "s9"\n$/);
    const broken = solve('broken', '{"students":');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^Cannot read .*broken\.json: .*JSON/);
    const usage = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', 'placement', 'solve', '--in', join(dir, 'optimal.json')], {
      encoding: 'utf8',
    });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('Usage: npm run admin -- placement solve --in INSTANCE.json --out RESULT.json');
  });
});
