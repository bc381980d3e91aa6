import type { DistributionInstance } from './distribution.schema';

export interface ModelSite {
  id: string;
  capacity: number;
  /** Sum of the limits of the site's supervisors. */
  supervisorLimit: number;
  /** Students the site can take: the lesser of capacity and supervisors' limits. */
  places: number;
  /** Spreading: each student beyond `free` costs `cost` (absent: no such cost). */
  spread?: { free: number; cost: number };
}

/** What one more student at a site holding `used` adds to the total through spreading. */
export const spreadCostOfAdding = (site: ModelSite, used: number): number => (site.spread && used >= site.spread.free ? site.spread.cost : 0);

/** What the sites' spreading adds to the total, for the students each holds. */
export function spreadPenalty(sites: readonly ModelSite[], used: readonly number[]): number {
  return sites.reduce((sum, site, index) => sum + (site.spread ? Math.max(0, used[index]! - site.spread.free) * site.spread.cost : 0), 0);
}

/** The instance with ids mapped to indices (input order), the form the solver and checks use. */
export interface DistributionModel {
  students: string[];
  sites: ModelSite[];
  /** Allowed pairs (one per cost entry), in input order. */
  pairs: { student: number; site: number; cost: number }[];
  /** Indices into `pairs` per student. */
  pairsOfStudent: number[][];
  /** Locked sites per student (a set: the same lock twice is one lock). */
  lockedSites: Map<number, Set<number>>;
  /** pairKey(student, site) → index into `pairs`. */
  pairIndex: Map<number, number>;
}

export function pairKey(model: Pick<DistributionModel, 'sites'>, student: number, site: number): number {
  return student * model.sites.length + site;
}

export function buildModel(instance: DistributionInstance): DistributionModel {
  const studentIndex = new Map(instance.students.map(({ id }, index) => [id, index]));
  const siteIndex = new Map(instance.sites.map(({ id }, index) => [id, index]));
  const supervisorLimit = new Array<number>(instance.sites.length).fill(0);
  for (const { site, limit } of instance.supervisors) supervisorLimit[siteIndex.get(site)!]! += limit;
  const sites = instance.sites.map(({ id, capacity, spread }, index) => ({
    id,
    capacity,
    supervisorLimit: supervisorLimit[index]!,
    places: Math.min(capacity, supervisorLimit[index]!),
    ...(spread && spread.cost > 0 ? { spread } : {}),
  }));
  const model: DistributionModel = {
    students: instance.students.map(({ id }) => id),
    sites,
    pairs: [],
    pairsOfStudent: instance.students.map(() => []),
    lockedSites: new Map(),
    pairIndex: new Map(),
  };
  for (const { student, site, cost } of instance.costs) {
    const pair = { student: studentIndex.get(student)!, site: siteIndex.get(site)!, cost };
    model.pairIndex.set(pairKey(model, pair.student, pair.site), model.pairs.length);
    model.pairsOfStudent[pair.student]!.push(model.pairs.length);
    model.pairs.push(pair);
  }
  for (const { student, site } of instance.locked) {
    const index = studentIndex.get(student)!;
    const locked = model.lockedSites.get(index) ?? new Set<number>();
    model.lockedSites.set(index, locked.add(siteIndex.get(site)!));
  }
  return model;
}

/** The locked pairs as indices into `pairs`; only for a model whose locks passed `findBlocking`. */
export function lockedPairs(model: DistributionModel): number[] {
  return [...model.lockedSites].map(([student, sites]) => model.pairIndex.get(pairKey(model, student, [...sites][0]!))!);
}

/**
 * The model as CPLEX LP text: x_k ∈ {0,1} per allowed pair k, minimise Σ cost·x + Σ spread·o; each
 * student on exactly one allowed site; each site at most its places; a spreading site's overflow
 * o_s ≥ its students − free; locked pairs fixed to 1. It stays a min-cost flow (the overflow is a
 * second, dearer arc from the site), so the LP relaxation is integral. With `integer: false` it is
 * the LP relaxation (the bound for the optimality gap). Names are indices (x7, s3, c2, o2), so no
 * id reaches the LP text.
 */
export function distributionLp(model: DistributionModel, { integer }: { integer: boolean }): string {
  const lines: string[] = [];
  // Ten terms a line; no spread of a list into push (large models would overflow the call stack).
  const wrap = (terms: string[]) => {
    for (let i = 0; i < terms.length; i += 10) lines.push(`  ${terms.slice(i, i + 10).join(' ')}`);
  };
  lines.push('Minimize', ' cost:');
  wrap(model.pairs.map(({ cost }, pair) => `${cost < 0 ? '-' : '+'} ${Math.abs(cost)} x${pair}`));
  const pairsOfSite = model.sites.map((): number[] => []);
  model.pairs.forEach(({ site }, pair) => pairsOfSite[site]!.push(pair));
  const spreading = model.sites.flatMap((site, index) => (site.spread && pairsOfSite[index]!.length ? [index] : []));
  wrap(spreading.map((site) => `+ ${model.sites[site]!.spread!.cost} o${site}`));
  lines.push('Subject To');
  model.pairsOfStudent.forEach((pairs, student) => {
    lines.push(` s${student}:`);
    wrap(pairs.map((pair) => `+ x${pair}`));
    lines.push('  = 1');
  });
  pairsOfSite.forEach((pairs, site) => {
    if (!pairs.length) return;
    lines.push(` c${site}:`);
    wrap(pairs.map((pair) => `+ x${pair}`));
    lines.push(`  <= ${model.sites[site]!.places}`);
  });
  for (const site of spreading) {
    lines.push(` o${site}row:`);
    wrap([...pairsOfSite[site]!.map((pair) => `+ x${pair}`), `- o${site}`]);
    lines.push(`  <= ${model.sites[site]!.spread!.free}`);
  }
  const locked = new Set(lockedPairs(model));
  lines.push('Bounds');
  model.pairs.forEach((_, pair) => lines.push(locked.has(pair) ? ` x${pair} = 1` : ` 0 <= x${pair} <= 1`));
  for (const site of spreading) lines.push(` 0 <= o${site}`);
  if (integer) {
    lines.push('Generals');
    wrap(model.pairs.map((_, pair) => `x${pair}`));
  }
  lines.push('End');
  return lines.join('\n');
}
