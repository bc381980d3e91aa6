/**
 * nomination.rank-5000.ms: rank 5,000 applications with 1–3 prioritised choices over 40 offers
 * (under 20 agreements, about a third of the demand in places) and assign offers; the median of
 * five runs after one warm-up, input parsing included. Goal ≤ 200.
 */
import type { Emit } from '../../scripts/bench';
import { mulberry32, Rng } from '../../dev/demo-data/prng';
import { rankApplications, type RankingInput } from '../../src-shared/domain/nomination';

const APPLICATIONS = 5_000;
const OFFERS = 40;
const fields = ['0521', '0531', '0611', '0613', '0713', '0714', '0732', '0311', '0413', '0223'];

function admission(): RankingInput {
  const rng = new Rng(mulberry32(11));
  const offers = Array.from({ length: OFFERS }, (_, i) => ({
    code: `OFFER-${String(i).padStart(2, '0')}`,
    agreementId: `agreement-${i % 20}`,
    capacity: rng.int(10, 75),
    requirements: { isced: [rng.pick(fields).slice(0, rng.int(2, 4))], eqf: rng.chance(0.5) ? [6, 7] : [7] },
  }));
  const agreements = Array.from({ length: 20 }, (_, i) => ({
    id: `agreement-${i}`,
    places: offers.filter((offer) => offer.agreementId === `agreement-${i}`).reduce((sum, offer) => sum + offer.capacity, 0),
  }));
  const score = () => (rng.chance(0.9) ? rng.int(0, 20) * 5 : undefined);
  const applications = Array.from({ length: APPLICATIONS }, (_, i) => {
    const choices = new Set(Array.from({ length: rng.int(1, 3) }, () => offers[rng.int(0, OFFERS - 1)]!.code));
    const values = {
      isced: rng.pick(fields),
      eqf: rng.pick([6, 7]),
      gradeAverage: score(),
      committeeScore: score(),
      motivationScore: score(),
      progress: score(),
    };
    return {
      id: `application-${String(i).padStart(5, '0')}`,
      submittedAt: new Date(Date.UTC(2027, 2, 1) + rng.int(0, 30 * 24) * 3_600_000).toISOString(),
      choices: [...choices],
      ...Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)),
    };
  });
  return {
    config: {
      criteria: [
        { kind: 'fieldMatch', weight: 2 },
        { kind: 'levelMatch', weight: 1 },
        { kind: 'gradeAverage', weight: 3 },
        { kind: 'committeeScore', weight: 1, whenMissing: 'lowest' },
        { kind: 'motivationScore', weight: 1 },
        { kind: 'progress', weight: 0 },
      ],
    },
    agreements,
    offers,
    applications,
  };
}

export async function benchRanking(emit: Emit): Promise<void> {
  const input = admission();
  const times: number[] = [];
  for (let run = 0; run < 6; run++) {
    const start = performance.now();
    const result = rankApplications(input);
    const elapsed = performance.now() - start;
    if (!result.ok) throw new Error(result.error);
    if (result.offers.some((offer) => offer.offered.length > offer.capacity)) throw new Error('an offer went beyond its capacity');
    if (run > 0) times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  emit('nomination.rank-5000.ms', times[Math.floor(times.length / 2)]!, 'ms');
}
