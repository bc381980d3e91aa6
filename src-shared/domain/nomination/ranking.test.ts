import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../dev/demo-data/prng';
import { rankingSeedExample as seedExample } from '../../../dev/testing/ranking-examples';
import { rankApplications, type RankedApplication } from './ranking';
import { rankingReasonText } from './ranking-reasons';
import type { RankingInput } from './ranking.schema';

type Application = RankingInput['applications'][number];

const at = (day: number, hour = 10) => `2027-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;

function ranked(input: RankingInput) {
  const result = rankApplications(input);
  if (!result.ok) throw new Error(result.error);
  return result;
}

const byId = (applications: RankedApplication[], id: string) => applications.find((application) => application.id === id)!;
const texts = (application: RankedApplication, language: 'nb' | 'en' = 'en') => application.reasons.map((reason) => rankingReasonText(reason, language));

describe('ranking the seed example', () => {
  const result = ranked(seedExample);

  it('ranks each offer by the configured criteria and offers places within capacity', () => {
    expect(result.offers).toEqual([
      { code: 'BIP-ARCTIC', capacity: 1, ranking: ['carla', 'ana', 'duarte'], offered: ['carla'] },
      { code: 'EXCH-ENG', capacity: 2, ranking: ['bruno', 'eva', 'carla', 'ana', 'duarte'], offered: ['bruno', 'eva'] },
    ]);
    expect(result.applications.map((application) => [application.id, application.offered])).toEqual([
      ['ana', null],
      ['bruno', 'EXCH-ENG'],
      ['carla', 'BIP-ARCTIC'],
      ['duarte', null],
      ['eva', 'EXCH-ENG'],
    ]);
  });

  it('explains every position and outcome', () => {
    // ana at BIP: (2·1 + 1·1 + 3·0.82 + 1·0.70) / 7 = 88.0 against carla's 93.4; motivation gave carla 0.20 weighted points, grade 0.18.
    expect(texts(byId(result.applications, 'ana'))).toEqual([
      'BIP-ARCTIC (choice 1): position 2 of 3, after carla: lower score 88.0 against 93.4, mostly from motivation letter.',
      'Not reached at BIP-ARCTIC (choice 1): its places (1) went to applicants ranked higher (last offer at position 1).',
      'EXCH-ENG (choice 2): position 4 of 5, after carla: lower score 59.4 against 64.9, mostly from motivation letter.',
      'Not reached at EXCH-ENG (choice 2): its places (2) went to applicants ranked higher (last offer at position 2).',
    ]);
    expect(texts(byId(result.applications, 'carla'))).toEqual([
      'BIP-ARCTIC (choice 1): position 1 of 3.',
      'Offered BIP-ARCTIC (choice 1).',
      'EXCH-ENG (choice 2): position 3 of 5, after eva: lower score 64.9 against 90.0, mostly from study field (ISCED).',
      'EXCH-ENG (choice 2): not needed, a better choice was offered.',
    ]);
    // Without a motivation letter duarte ranks after everyone who has one, although his field matches.
    expect(texts(byId(result.applications, 'duarte'))[0]).toBe(
      'EXCH-ENG (choice 1): position 5 of 5, after ana: lacks motivation letter, so ranks after applications that have it.',
    );
    // bruno and eva are alike in every value: the earlier submission goes first.
    expect(texts(byId(result.applications, 'eva'))[0]).toBe(
      'EXCH-ENG (choice 1): position 2 of 5, after bruno: tie broken by submission time: the other was submitted first (2027-03-02T10:00:00Z against 2027-03-05T10:00:00Z).',
    );
    expect(texts(byId(result.applications, 'eva'), 'nb')[0]).toBe(
      'EXCH-ENG (valg 1): plass 2 av 5, etter bruno: helt likt, avgjort ved at den andre søknaden kom først (2027-03-02T10:00:00Z mot 2027-03-05T10:00:00Z).',
    );
  });
});

describe('ranking rules', () => {
  const oneOffer = (applications: Application[], criteria: RankingInput['config']['criteria'], capacity = 1): RankingInput => ({
    config: { criteria },
    agreements: [{ id: 'a', places: 10 }],
    offers: [{ code: 'X', agreementId: 'a', capacity, requirements: { isced: [], eqf: [] } }],
    applications,
  });
  const app = (id: string, values: Partial<Application> = {}): Application => ({ id, submittedAt: at(1), choices: ['X'], ...values });

  it('breaks an equal score by the first criterion in the listed order, then by application id', () => {
    const input = oneOffer(
      [
        app('p3', { gradeAverage: 80, committeeScore: 60 }),
        app('p2', { gradeAverage: 60, committeeScore: 80 }),
        app('p1', { gradeAverage: 60, committeeScore: 80 }),
      ],
      [
        { kind: 'committeeScore', weight: 1 },
        { kind: 'gradeAverage', weight: 1 },
      ],
    );
    const result = ranked(input);
    expect(result.offers[0]!.ranking).toEqual(['p1', 'p2', 'p3']);
    expect(texts(byId(result.applications, 'p2'))[0]).toBe(
      'X (choice 1): position 2 of 3, after p1: tie broken by application id (same score, values and submission time).',
    );
    expect(texts(byId(result.applications, 'p3'))[0]).toBe('X (choice 1): position 3 of 3, after p2: equal score, decided by committee score.');
  });

  it('ranks a missing value last with rankAfter, and as the worst value with lowest', () => {
    const applications = [app('has', { gradeAverage: 10, motivationScore: 0 }), app('lacks', { gradeAverage: 90 })];
    const after = ranked(
      oneOffer(applications, [
        { kind: 'gradeAverage', weight: 1 },
        { kind: 'motivationScore', weight: 1 },
      ]),
    );
    expect(after.offers[0]!.ranking).toEqual(['has', 'lacks']);
    const lowest = ranked(
      oneOffer(applications, [
        { kind: 'gradeAverage', weight: 1 },
        { kind: 'motivationScore', weight: 1, whenMissing: 'lowest' },
      ]),
    );
    expect(lowest.offers[0]!.ranking).toEqual(['lacks', 'has']);
  });

  it('ranks low values first where the criterion prefers lower', () => {
    const input = oneOffer([app('late', { progress: 80 }), app('early', { progress: 20 })], [{ kind: 'progress', weight: 1, prefer: 'lower' }]);
    expect(ranked(input).offers[0]!.ranking).toEqual(['early', 'late']);
  });

  it('offers an applicant with two choices the better one they are within', () => {
    const input: RankingInput = {
      config: { criteria: [{ kind: 'gradeAverage', weight: 1 }] },
      agreements: [{ id: 'a', places: 2 }],
      offers: [
        { code: 'FIRST', agreementId: 'a', capacity: 1, requirements: { isced: [], eqf: [] } },
        { code: 'SECOND', agreementId: 'a', capacity: 1, requirements: { isced: [], eqf: [] } },
      ],
      applications: [
        app('top', { choices: ['FIRST', 'SECOND'], gradeAverage: 95 }),
        app('middle', { choices: ['FIRST', 'SECOND'], gradeAverage: 80 }),
        app('bottom', { choices: ['SECOND', 'FIRST'], gradeAverage: 70 }),
      ],
    };
    const result = ranked(input);
    expect(result.applications.map((application) => [application.id, application.offered])).toEqual([
      ['bottom', null],
      ['middle', 'SECOND'],
      ['top', 'FIRST'],
    ]);
    expect(byId(result.applications, 'top').reasons.map((reason) => reason.kind)).toEqual(['position', 'offered', 'position', 'betterChoiceOffered']);
    expect(byId(result.applications, 'middle').positions).toEqual([
      { offer: 'FIRST', priority: 1, position: 2 },
      { offer: 'SECOND', priority: 2, position: 2 },
    ]);
    // middle is second at SECOND too, but top holds FIRST, so middle's second choice is within its one place;
    // a choice's priority does not count in the offer's ranking, so bottom's first choice does not beat middle.
    expect(texts(byId(result.applications, 'bottom'))[1]).toBe(
      'Not reached at SECOND (choice 1): its places (1) went to applicants ranked higher (last offer at position 2).',
    );
  });

  it('refuses input that breaks the agreement or names unknown offers, with a clear error', () => {
    const input = oneOffer([app('p', { choices: ['X', 'NOPE'] })], [{ kind: 'gradeAverage', weight: 1 }], 11);
    const result = rankApplications(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain('The offers under agreement a have 11 places, the agreement 10');
    expect(!result.ok && result.error).toContain('Application p chose unknown offer NOPE');
    expect(rankApplications({ ...input, config: { criteria: [] } }).ok).toBe(false);
    // An agreement that names no places leaves the offers' capacities as they are.
    expect(rankApplications({ ...input, agreements: [{ id: 'a' }], applications: [app('p')] }).ok).toBe(true);
    expect(rankApplications(null as unknown as RankingInput).ok).toBe(false);
  });
});

/** Small admissions with many ties: 1–4 offers under 1–2 agreements, up to 25 applications. */
const admission = fc
  .record({
    capacities: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 4 }),
    criteria: fc.uniqueArray(
      fc.record({
        kind: fc.constantFrom('fieldMatch', 'levelMatch', 'gradeAverage', 'committeeScore', 'motivationScore', 'progress'),
        weight: fc.integer({ min: 0, max: 3 }),
        prefer: fc.constantFrom('higher', 'lower'),
        whenMissing: fc.constantFrom('rankAfter', 'lowest'),
      }),
      { minLength: 1, maxLength: 4, selector: (criterion) => criterion.kind },
    ),
    applications: fc.array(
      fc.record({
        choices: fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }),
        day: fc.integer({ min: 1, max: 3 }),
        isced: fc.option(fc.constantFrom('0521', '0713', '07', '0732'), { nil: undefined }),
        eqf: fc.option(fc.constantFrom(6, 7), { nil: undefined }),
        gradeAverage: fc.option(fc.constantFrom(60, 80), { nil: undefined }),
        committeeScore: fc.option(fc.constantFrom(50, 100), { nil: undefined }),
        motivationScore: fc.option(fc.constantFrom(50, 100), { nil: undefined }),
        progress: fc.option(fc.constantFrom(25, 75), { nil: undefined }),
      }),
      { maxLength: 25 },
    ),
  })
  .map(({ capacities, criteria, applications }): RankingInput => {
    const offers = capacities.map((capacity, i) => ({
      code: `O${i}`,
      agreementId: `A${i % 2}`,
      capacity,
      requirements: { isced: i % 2 ? ['07'] : ['0521'], eqf: i === 0 ? [] : [7] },
    }));
    const places = (id: string) => offers.filter((offer) => offer.agreementId === id).reduce((sum, offer) => sum + offer.capacity, 0);
    return {
      config: { criteria },
      agreements: [
        { id: 'A0', places: places('A0') },
        { id: 'A1', places: places('A1') },
      ],
      offers,
      applications: applications.map(({ choices, day, ...values }, i) => ({
        id: `app-${i}`,
        submittedAt: at(day),
        choices: [...new Set(choices.map((choice) => `O${choice % offers.length}`))],
        ...Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)),
      })),
    };
  });

describe('ranking properties', () => {
  it('gives the same result however the applications and offers are ordered', () => {
    fc.assert(
      fc.property(admission, fc.integer(), (input, seed) => {
        const shuffled = { ...input, applications: shuffle(input.applications, seed), offers: shuffle(input.offers, seed + 1) };
        expect(ranked(shuffled)).toEqual(ranked(input));
      }),
      { seed: 1103, numRuns: 300 },
    );
  });

  it('never offers beyond capacity, offers only chosen offers, and is stable', () => {
    fc.assert(
      fc.property(admission, (input) => {
        const result = ranked(input);
        for (const offer of result.offers) expect(offer.offered.length).toBeLessThanOrEqual(offer.capacity);
        for (const application of result.applications) {
          const chosen = input.applications.find((candidate) => candidate.id === application.id)!.choices;
          if (application.offered) expect(chosen).toContain(application.offered);
          // Stability: at every choice better than the one offered, the offer is full with applicants ranked higher.
          const better = application.offered === null ? chosen : chosen.slice(0, chosen.indexOf(application.offered));
          for (const code of better) {
            const offer = result.offers.find((candidate) => candidate.code === code)!;
            expect(offer.offered.length).toBe(offer.capacity);
            const position = offer.ranking.indexOf(application.id);
            for (const holder of offer.offered) expect(offer.ranking.indexOf(holder)).toBeLessThan(position);
          }
        }
        // Every position after the first names the neighbour above it.
        for (const application of result.applications) {
          for (const reason of application.reasons) {
            if (reason.kind !== 'position') continue;
            const offer = result.offers.find((candidate) => candidate.code === reason.offer)!;
            expect(reason.above?.id).toBe(reason.position === 1 ? undefined : offer.ranking[reason.position - 2]);
          }
        }
      }),
      { seed: 1104, numRuns: 300 },
    );
  });
});

/** Fisher–Yates with the demo data's seeded generator. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const next = mulberry32(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
