/**
 * placement.distribute-2000-on-300.ms: a seeded instance of 2,000 students, 300 sites (capacity
 * 6–12) with 1–5 supervisors each (limits 2–5, about 900 in all) and 10–20 allowed sites per
 * student (cost: wish rank and travel), up to a tenth of the students locked to their first wish; solved by
 * solveDistribution (validation, feasibility check, MIP, supervisor split), the median of three
 * runs after one warm-up. placement.optimality-gap.pct: (optimum − LP relaxation bound) / optimum
 * of the same instance, in percent.
 */
import type { Emit } from '../../scripts/bench';
import { mulberry32, Rng } from '../../dev/demo-data/prng';
import { distributionInstanceSchema, relaxationBound, solveDistribution, type DistributionInstance } from '../../src-shared/domain/placement/distribution';
import { highs } from '../../src-server/case-types/placement/distribution/highs';

const STUDENTS = 2_000;
const SITES = 300;

function instance(): unknown {
  const rng = new Rng(mulberry32(12));
  const sites = Array.from({ length: SITES }, (_, i) => ({ id: `site-${String(i).padStart(3, '0')}`, capacity: rng.int(6, 12), x: rng.next(), y: rng.next() }));
  const supervisors = sites.flatMap((site) =>
    Array.from({ length: rng.int(1, 5) }, (_, i) => ({ id: `${site.id}-v${i}`, site: site.id, limit: rng.int(2, 5) })),
  );
  const students = Array.from({ length: STUDENTS }, (_, i) => ({ id: `student-${String(i).padStart(4, '0')}`, x: rng.next(), y: rng.next() }));
  const costs = students.flatMap((student) => {
    const allowed = new Set<(typeof sites)[number]>();
    for (let wanted = rng.int(10, 20); allowed.size < wanted;) allowed.add(rng.pick(sites));
    return [...allowed].map((site, rank) => ({
      student: student.id,
      site: site.id,
      cost: (rank < 3 ? rank : 10) + Math.round(100 * Math.hypot(site.x - student.x, site.y - student.y)),
    }));
  });
  // Every tenth student locked to their first wish while that site has more than half its places left.
  const placesLeft = new Map(
    sites.map(({ id, capacity }) => [
      id,
      Math.min(
        capacity,
        supervisors.filter((v) => v.site === id).reduce((sum, v) => sum + v.limit, 0),
      ) / 2,
    ]),
  );
  const locked = students
    .filter((_, i) => i % 10 === 0)
    .map((student) => costs.find((pair) => pair.student === student.id)!)
    .filter(({ site }) => placesLeft.get(site)! >= 1 && placesLeft.set(site, placesLeft.get(site)! - 1))
    .map(({ student, site }) => ({ student, site }));
  return { students, sites, supervisors, costs, locked };
}

export async function benchDistribution(emit: Emit): Promise<void> {
  const raw = instance();
  const times: number[] = [];
  let solved: { parsed: DistributionInstance; totalCost: number } | undefined;
  for (let run = 0; run < 4; run++) {
    const start = performance.now();
    const parsed = distributionInstanceSchema.parse(raw);
    const result = await solveDistribution(await highs(), parsed);
    const elapsed = performance.now() - start;
    if (result.status !== 'optimal') throw new Error(`the bench instance is infeasible: ${result.blocking}`);
    if (run > 0) times.push(elapsed);
    solved = { parsed, totalCost: result.totalCost };
  }
  times.sort((a, b) => a - b);
  const engine = `HiGHS ${(await highs()).version.string} WebAssembly, Node ${process.versions.node}`;
  const { parsed, totalCost } = solved!;
  emit('placement.distribute-2000-on-300.ms', times[1]!, `ms (${engine}, ${parsed.supervisors.length} supervisors, ${parsed.costs.length} allowed pairs)`);
  const bound = relaxationBound(await highs(), parsed);
  emit('placement.optimality-gap.pct', (100 * (totalCost - bound)) / Math.abs(totalCost), `% (optimum ${totalCost}, LP bound ${bound})`);
}
