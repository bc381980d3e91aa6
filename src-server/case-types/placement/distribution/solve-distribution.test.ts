import fc from 'fast-check';
import { bruteForceDistribution } from '../../../../dev/testing/placement-brute-force';
import { describe, expect, it } from 'vitest';
import {
  distributionInstanceSchema,
  relaxationBound,
  solveDistribution as solveWith,
  type DistributionInstance,
  type DistributionResult,
} from '../../../../src-shared/domain/placement/distribution';
import { highs } from './highs';

/** The shared solver with this process's HiGHS, as the admin command runs it. */
const solveDistribution = async (instance: DistributionInstance) => solveWith(await highs(), instance);

/**
 * Small random instances: some pairs not allowed, some locks (valid or not); tight ones also have
 * sites with no capacity or supervisors (mostly infeasible), roomy ones mostly fit.
 */
const instances = fc
  .record({ students: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 4, max: 8 })), roomy: fc.boolean() })
  .chain(({ students, roomy }) => fc.record({ students: fc.constant(students), roomy: fc.constant(roomy), sites: fc.integer({ min: roomy ? 3 : 1, max: 4 }) }))
  .chain(({ students, sites, roomy }) =>
    fc
      .record({
        capacities: fc.array(fc.integer({ min: roomy ? 2 : 0, max: 4 }), { minLength: sites, maxLength: sites }),
        limits: fc.array(fc.array(fc.integer({ min: roomy ? 1 : 0, max: 3 }), { minLength: roomy ? 1 : 0, maxLength: 2 }), {
          minLength: sites,
          maxLength: sites,
        }),
        costs: fc.array(fc.option(fc.oneof(fc.integer({ min: -5, max: 20 }), fc.double({ min: 0, max: 10, noNaN: true })), { freq: 4 }), {
          minLength: students * sites,
          maxLength: students * sites,
        }),
        locked: students
          ? fc.array(fc.record({ student: fc.nat(students - 1), site: fc.nat(sites - 1) }), { maxLength: roomy ? 1 : 2 })
          : fc.constant<{ student: number; site: number }[]>([]),
        // Some sites spread: each student beyond `free` costs `cost`.
        spreads: fc.array(fc.option(fc.record({ free: fc.integer({ min: 0, max: 3 }), cost: fc.integer({ min: 1, max: 6 }) }), { freq: 2 }), {
          minLength: sites,
          maxLength: sites,
        }),
      })
      .map(({ capacities, limits, costs, locked, spreads }): DistributionInstance =>
        distributionInstanceSchema.parse({
          students: Array.from({ length: students }, (_, i) => ({ id: `s${i}` })),
          sites: capacities.map((capacity, i) => ({ id: `site-${i}`, capacity, ...(spreads[i] ? { spread: spreads[i] } : {}) })),
          supervisors: limits.flatMap((ofSite, site) => ofSite.map((limit, i) => ({ id: `v${site}-${i}`, site: `site-${site}`, limit }))),
          costs: costs.flatMap((cost, k) => (cost === null ? [] : [{ student: `s${Math.floor(k / sites)}`, site: `site-${k % sites}`, cost }])),
          locked: locked.map(({ student, site }) => ({ student: `s${student}`, site: `site-${site}` })),
        }),
      ),
  );

const optimumOf = (instance: DistributionInstance) => bruteForceDistribution(instance)?.total ?? null;

/** The result keeps every hard rule of the instance. */
function expectValid(instance: DistributionInstance, result: Extract<DistributionResult, { status: 'optimal' }>): void {
  expect(result.assignments.map(({ student }) => student)).toEqual(instance.students.map(({ id }) => id).sort());
  const perSite = new Map<string, number>();
  const perSupervisor = new Map<string, number>();
  let total = 0;
  for (const { student, site, supervisor } of result.assignments) {
    const pair = instance.costs.find((cost) => cost.student === student && cost.site === site);
    expect(pair, `${student} → ${site} is allowed`).toBeDefined();
    total += pair!.cost;
    perSite.set(site, (perSite.get(site) ?? 0) + 1);
    perSupervisor.set(supervisor, (perSupervisor.get(supervisor) ?? 0) + 1);
    expect(instance.supervisors.find(({ id }) => id === supervisor)?.site).toBe(site);
  }
  for (const { id, capacity } of instance.sites) expect(perSite.get(id) ?? 0).toBeLessThanOrEqual(capacity);
  for (const { id, limit } of instance.supervisors) expect(perSupervisor.get(id) ?? 0).toBeLessThanOrEqual(limit);
  for (const lock of instance.locked) expect(result.assignments.find(({ student }) => student === lock.student)?.site).toBe(lock.site);
  for (const { id, spread } of instance.sites) if (spread) total += Math.max(0, (perSite.get(id) ?? 0) - spread.free) * spread.cost;
  expect(result.totalCost).toBeCloseTo(total, 9);
}

describe('solveDistribution (HiGHS)', () => {
  it('finds the brute-force optimum on small random instances, or says infeasible exactly when none exists', async () => {
    await fc.assert(
      fc.asyncProperty(instances, async (instance) => {
        const optimum = optimumOf(instance);
        const result = await solveDistribution(instance);
        if (optimum === null) {
          expect(result.status).toBe('infeasible');
          expect(result.blocking).toMatch(/\w/);
          return;
        }
        expect(result.status).toBe('optimal');
        if (result.status !== 'optimal') return;
        expect(result.totalCost).toBeCloseTo(optimum, 6);
        expectValid(instance, result);
        expect(await solveDistribution(instance)).toEqual(result);
      }),
      { numRuns: 600, seed: 12 },
    );
  });

  it('keeps locked pairs even when they cost more, and splits a site over its supervisors within their limits', async () => {
    const instance = distributionInstanceSchema.parse({
      students: [{ id: 's3' }, { id: 's1' }, { id: 's2' }],
      sites: [
        { id: 'a', capacity: 3 },
        { id: 'b', capacity: 5 },
      ],
      supervisors: [
        { id: 'v1', site: 'a', limit: 1 },
        { id: 'v2', site: 'a', limit: 2 },
        { id: 'v3', site: 'b', limit: 1 },
      ],
      costs: [
        { student: 's1', site: 'a', cost: 1 },
        { student: 's2', site: 'a', cost: 1 },
        { student: 's3', site: 'a', cost: 1 },
        { student: 's1', site: 'b', cost: 9 },
        { student: 's2', site: 'b', cost: 0 },
      ],
      locked: [{ student: 's1', site: 'b' }],
    });
    expect(await solveDistribution(instance)).toEqual({
      status: 'optimal',
      totalCost: 11,
      assignments: [
        { student: 's1', site: 'b', supervisor: 'v3' },
        { student: 's2', site: 'a', supervisor: 'v1' },
        { student: 's3', site: 'a', supervisor: 'v2' },
      ],
      blocking: null,
    });
  });

  it('has an LP relaxation bound equal to the optimum (the model is totally unimodular)', async () => {
    const [instance] = fc.sample(
      instances.filter((candidate) => optimumOf(candidate) !== null && candidate.students.length > 3),
      { numRuns: 1, seed: 5 },
    );
    const result = await solveDistribution(instance!);
    expect(result.status).toBe('optimal');
    expect(relaxationBound(await highs(), instance!)).toBeCloseTo(result.totalCost!, 6);
  });
});
