import type { DistributionAssignment, DistributionInstance } from './distribution.schema';

/**
 * Gives each placed student a supervisor of their site within the supervisor's limit: per site,
 * students in id order go round the site's supervisors in input order, skipping those at their
 * limit, so the load is spread and the same input gives the same split. The sites' places never
 * exceed the sum of limits, so everyone gets one. Returns the assignments sorted by student id.
 */
export function assignSupervisors(instance: DistributionInstance, siteOf: Map<string, string>): DistributionAssignment[] {
  const placed = [...siteOf.keys()].sort(byCodeUnits);
  const supervisorsOf = new Map<string, { id: string; left: number }[]>();
  for (const { id, site, limit } of instance.supervisors) {
    if (limit > 0) supervisorsOf.set(site, (supervisorsOf.get(site) ?? []).concat({ id, left: limit }));
  }
  const turn = new Map<string, number>();
  return placed.map((student) => {
    const site = siteOf.get(student)!;
    const supervisors = supervisorsOf.get(site) ?? [];
    for (let tried = 0, at = turn.get(site) ?? 0; tried < supervisors.length; tried++, at = (at + 1) % supervisors.length) {
      const supervisor = supervisors[at]!;
      if (supervisor.left === 0) continue;
      supervisor.left--;
      turn.set(site, (at + 1) % supervisors.length);
      return { student, site, supervisor: supervisor.id };
    }
    throw new Error(`No supervisor left at site ${site} for ${student}`);
  });
}

/** Plain code-unit order, the same on every machine and locale. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
