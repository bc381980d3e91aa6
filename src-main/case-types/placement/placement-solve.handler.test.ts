import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../../src-shared/ipc/channels';
import { dispatch } from '../../../src-shared/ipc/dispatch';
import { startBrowserHost } from '../../host/browser-host';
import { placementSolve } from './placement-solve.handler';

/** The channel as both transports serve it: parsed input, the handler, parsed output. */
const call = (input: unknown) => dispatch({ placementSolve } as Handlers, 'placement:solve', input);

const instance = {
  students: [{ id: 's1' }, { id: 's2' }],
  sites: [
    { id: 'a', capacity: 1 },
    { id: 'b', capacity: 2 },
  ],
  supervisors: [
    { id: 'a/v1', site: 'a', limit: 1 },
    { id: 'b/v2', site: 'b', limit: 2 },
  ],
  costs: [
    { student: 's1', site: 'a', cost: 0 },
    { student: 's2', site: 'a', cost: 0 },
    { student: 's1', site: 'b', cost: 10 },
    { student: 's2', site: 'b', cost: 3 },
  ],
};

describe('placement:solve', () => {
  it('answers the optimum with supervisors and a reason for every student', async () => {
    const result = await call({ ...instance, locked: [] });
    expect(result).toMatchObject({
      ok: true,
      value: {
        status: 'optimal',
        totalCost: 3,
        assignments: [
          { student: 's1', site: 'a', supervisor: 'a/v1' },
          { student: 's2', site: 'b', supervisor: 'b/v2' },
        ],
        blocking: null,
      },
    });
    const explanations = result.ok
      ? (result.value as { explanations: { student: string; reason: { kind: string }; text: { en: string } }[] }).explanations
      : [];
    expect(explanations.map(({ student, reason }) => [student, reason.kind])).toEqual([
      ['s1', 'cheapest'],
      ['s2', 'full'],
    ]);
    expect(explanations[1]!.text.en).toMatch(/^Placed at b \(cost 3\)\. Each cheaper site is full: a \(cost 0\) would raise the total by 7/);
  });

  it('keeps a locked pair and says it was locked by hand', async () => {
    const result = await call({ ...instance, locked: [{ student: 's2', site: 'a' }] });
    expect(result).toMatchObject({ ok: true, value: { status: 'optimal', totalCost: 10 } });
    expect(JSON.stringify(result)).toContain('Locked to a by hand');
  });

  it('names the blocking constraint when no assignment exists', async () => {
    const result = await call({
      ...instance,
      sites: [
        { id: 'a', capacity: 1 },
        { id: 'b', capacity: 0 },
      ],
    });
    expect(result).toMatchObject({ ok: true, value: { status: 'infeasible', totalCost: null, assignments: [] } });
    expect(result.ok && (result.value as { blocking: string }).blocking).toMatch(/2 students but only 1 place in all/);
  });

  it('refuses an invalid instance with a validation error naming the field', async () => {
    const result = await call({ ...instance, costs: [{ student: 'nobody', site: 'a', cost: 1 }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('validation');
    expect(result.error.message).toBe('costs.0.student: unknown student "nobody"');
    const missing = await call({ students: [] });
    expect(!missing.ok && missing.error.kind).toBe('validation');
    expect(!missing.ok && missing.error.message).toMatch(/^sites: /);
  });

  it('is served over HTTP by the browser host: 200 with the result, 400 for an invalid instance', async () => {
    const root = await mkdtemp(join(tmpdir(), 'saksflyt-placement-solve-'));
    await mkdir(join(root, 'renderer'));
    await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html><title>Saksflyt</title>');
    const host = await startBrowserHost({ port: 0, dataDir: join(root, 'data'), rendererDir: join(root, 'renderer') });
    try {
      const post = (body: unknown) =>
        fetch(new URL('/rpc/placement:solve', host.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const solved = await post(instance);
      expect(solved.status).toBe(200);
      expect(await solved.json()).toMatchObject({ ok: true, value: { status: 'optimal', totalCost: 3 } });
      const refused = await post({ ...instance, supervisors: [{ id: 'v', site: 'nowhere', limit: 1 }] });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toEqual({
        ok: false,
        error: expect.objectContaining({ kind: 'validation', message: 'supervisors.0.site: unknown site "nowhere"' }),
      });
    } finally {
      await host.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});
