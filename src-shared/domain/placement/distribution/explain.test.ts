import fc from 'fast-check';
import { bruteForceDistribution } from '../../../../dev/testing/placement-brute-force';
import { describe, expect, it } from 'vitest';
import { distributionInstanceSchema, type DistributionInstance } from './distribution.schema';
import { explainDistribution } from './explain';

/** Small feasible-or-not instances: 2–6 students, 2–4 sites of 0–3 places, some pairs not allowed, at most one lock. */
const instances = fc
  .record({ students: fc.integer({ min: 2, max: 6 }), sites: fc.integer({ min: 2, max: 4 }) })
  .chain(({ students, sites }) =>
    fc.record({
      students: fc.constant(students),
      places: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: sites, maxLength: sites }),
      costs: fc.array(fc.option(fc.oneof(fc.integer({ min: -3, max: 12 }), fc.double({ min: 0, max: 10, noNaN: true })), { freq: 5 }), {
        minLength: students * sites,
        maxLength: students * sites,
      }),
      lock: fc.option(fc.record({ student: fc.nat(students - 1), site: fc.nat(sites - 1) })),
      spreads: fc.array(fc.option(fc.record({ free: fc.integer({ min: 0, max: 2 }), cost: fc.integer({ min: 1, max: 5 }) }), { freq: 2 }), {
        minLength: sites,
        maxLength: sites,
      }),
    }),
  )
  .map(({ students, places, costs, lock, spreads }): DistributionInstance => {
    const sites = places.length;
    const allowed = costs.flatMap((cost, k) => (cost === null ? [] : [{ student: `s${Math.floor(k / sites)}`, site: `site-${k % sites}`, cost }]));
    return distributionInstanceSchema.parse({
      students: Array.from({ length: students }, (_, i) => ({ id: `s${i}` })),
      // Places are split over capacity and supervisors' limits, so both count.
      sites: places.map((count, i) => ({ id: `site-${i}`, capacity: count + (i % 2), ...(spreads[i] ? { spread: spreads[i] } : {}) })),
      supervisors: places.map((count, i) => ({ id: `v${i}`, site: `site-${i}`, limit: count + ((i + 1) % 2) })),
      costs: allowed,
      locked:
        lock && allowed.some((pair) => pair.student === `s${lock.student}` && pair.site === `site-${lock.site}`)
          ? [{ student: `s${lock.student}`, site: `site-${lock.site}` }]
          : [],
    });
  });

describe('explainDistribution', () => {
  it('gives, for each cheaper site, exactly the rise of the optimum when the student is locked there (brute force)', () => {
    const kinds = new Set<string>();
    let heldBackBySpreading = 0;
    fc.assert(
      fc.property(instances, (instance) => {
        const optimum = bruteForceDistribution(instance);
        if (!optimum) return;
        const explanations = explainDistribution(instance, optimum.siteOf);
        expect(explanations.map(({ student }) => student)).toEqual(instance.students.map(({ id }) => id).sort());
        for (const explanation of explanations) {
          kinds.add(explanation.reason.kind);
          const allowed = instance.costs.filter((pair) => pair.student === explanation.student);
          expect(explanation.site).toBe(optimum.siteOf.get(explanation.student));
          expect(explanation.cheapestCost).toBe(Math.min(...allowed.map(({ cost }) => cost)));
          const locked = instance.locked.some((pair) => pair.student === explanation.student);
          const cheaper = allowed.filter(({ cost }) => cost < explanation.cost - 1e-9);
          if (locked) expect(explanation.reason.kind).toBe('locked');
          else if (!cheaper.length) expect(explanation.reason.kind).toBe('cheapest');
          else {
            if (explanation.reason.kind !== 'full') throw new Error(`${explanation.student} should be explained as full`);
            expect(explanation.reason.cheaper.map(({ site }) => site).sort()).toEqual(cheaper.map(({ site }) => site).sort());
            for (const { site, increase, free } of explanation.reason.cheaper) {
              if (free) heldBackBySpreading++;
              const forced = bruteForceDistribution({ ...instance, locked: [...instance.locked, { student: explanation.student, site }] });
              if (forced === null) expect(increase).toBeNull();
              else expect(increase).toBeCloseTo(forced.total - optimum.total, 6);
            }
          }
          expect(explanation.text.nb).toContain(explanation.site);
          expect(explanation.text.en).toContain(explanation.site);
        }
      }),
      { numRuns: 400, seed: 7 },
    );
    expect([...kinds].sort()).toEqual(['cheapest', 'full', 'locked']);
    // A cheaper site with a free place is passed over only for its spreading cost.
    expect(heldBackBySpreading).toBeGreaterThan(0);
  });

  it('says why in plain words, in bokmål and English', () => {
    const instance = distributionInstanceSchema.parse({
      students: ['s1', 's2', 's3', 's5', 's6', 's7'].map((id) => ({ id })),
      sites: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, capacity: id === 'b' || id === 'c' ? 2 : 1 })),
      supervisors: ['a', 'b', 'c', 'd', 'e'].map((site) => ({ id: `v-${site}`, site, limit: 2 })),
      costs: [
        { student: 's1', site: 'a', cost: 0 },
        { student: 's1', site: 'c', cost: 5 },
        { student: 's2', site: 'a', cost: 1 },
        { student: 's2', site: 'b', cost: 5 },
        { student: 's3', site: 'a', cost: 2 },
        { student: 's3', site: 'b', cost: 3 },
        { student: 's5', site: 'd', cost: 0 },
        { student: 's5', site: 'b', cost: 2.5 },
        { student: 's6', site: 'd', cost: 0 },
        { student: 's7', site: 'c', cost: 1 },
        { student: 's7', site: 'e', cost: 1 },
      ],
      locked: [
        { student: 's1', site: 'c' },
        { student: 's6', site: 'd' },
      ],
    });
    const siteOf = new Map(Object.entries({ s1: 'c', s2: 'a', s3: 'b', s5: 'b', s6: 'd', s7: 'e' }));
    const byStudent = new Map(explainDistribution(instance, siteOf).map((explanation) => [explanation.student, explanation]));
    expect(byStudent.get('s1')).toMatchObject({ site: 'c', cost: 5, cheapestCost: 0, reason: { kind: 'locked' } });
    expect(byStudent.get('s1')!.text).toEqual({ nb: 'Låst til c for hånd (kostnad 5).', en: 'Locked to c by hand (cost 5).' });
    expect(byStudent.get('s2')!.text.en).toBe("a is the student's cheapest allowed site (cost 1).");
    expect(byStudent.get('s7')!.text.nb).toBe('e er ett av de billigste tillatte stedene for studenten (kostnad 1).');
    // s3 at a would push s2 to b: +4 for s2, 1 saved for s3, so the total rises by 3.
    expect(byStudent.get('s3')).toEqual({
      student: 's3',
      site: 'b',
      cost: 3,
      cheapestCost: 2,
      reason: { kind: 'full', cheaper: [{ site: 'a', cost: 2, increase: 3 }] },
      text: {
        nb: 'Plassert på b (kostnad 3). Hvert billigere sted er fullt: a (kostnad 2) ville økt totalkostnaden med 3: å frigjøre en plass der koster de andre 4, mer enn de 1 studenten ville spart.',
        en: 'Placed at b (cost 3). Each cheaper site is full: a (cost 2) would raise the total by 3: freeing a place there costs the others 4, more than the 1 the student would save.',
      },
    });
    // d's one place is locked to s6.
    expect(byStudent.get('s5')!.reason).toEqual({ kind: 'full', cheaper: [{ site: 'd', cost: 0, increase: null }] });
    expect(byStudent.get('s5')!.text.en).toContain('d (cost 0) has no place that can be freed without breaking a hard rule');
    expect(byStudent.get('s5')!.text.nb).toMatch(/^Plassert på b \(kostnad 2,5\)\. .*d \(kostnad 0\) har ingen plass som kan frigjøres/);
  });

  it('refuses an assignment that is not optimal', () => {
    const instance = distributionInstanceSchema.parse({
      students: [{ id: 's1' }],
      sites: [
        { id: 'a', capacity: 1 },
        { id: 'b', capacity: 1 },
      ],
      supervisors: [
        { id: 'va', site: 'a', limit: 1 },
        { id: 'vb', site: 'b', limit: 1 },
      ],
      costs: [
        { student: 's1', site: 'a', cost: 1 },
        { student: 's1', site: 'b', cost: 2 },
      ],
    });
    expect(() => explainDistribution(instance, new Map([['s1', 'b']]))).toThrow(/not optimal/);
  });
});
