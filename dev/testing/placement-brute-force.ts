import type { DistributionInstance } from '../../src-shared/domain/placement/distribution';

/**
 * Test support: the placement distribution by trying every assignment — each student on an allowed
 * site within the site's places (the lesser of its capacity and its supervisors' limits) and its
 * locks (a student locked to two sites has no way), with each site's spreading cost beyond its
 * `free` students — the cheapest total and one assignment reaching
 * it, or null when none exists. An oracle independent of the solver, for small instances.
 */
export function bruteForceDistribution(instance: DistributionInstance): { total: number; siteOf: Map<string, string> } | null {
  const places = new Map(
    instance.sites.map(({ id, capacity }) => [
      id,
      Math.min(
        capacity,
        instance.supervisors.filter((v) => v.site === id).reduce((sum, v) => sum + v.limit, 0),
      ),
    ]),
  );
  const options = instance.students.map(({ id }) => {
    const locks = new Set(instance.locked.filter((lock) => lock.student === id).map((lock) => lock.site));
    return instance.costs.filter((pair) => pair.student === id && locks.size <= 1 && (locks.size === 0 || locks.has(pair.site)));
  });
  // Spreading: each student beyond a site's `free` adds its `cost`.
  const spreading = (used: Map<string, number>) =>
    instance.sites.reduce((sum, { id, spread }) => sum + (spread ? Math.max(0, (used.get(id) ?? 0) - spread.free) * spread.cost : 0), 0);
  let best: { total: number; siteOf: Map<string, string> } | null = null;
  const chosen: string[] = [];
  const used = new Map<string, number>();
  const visit = (student: number, total: number): void => {
    if (student === options.length) {
      total += spreading(used);
      if (!best || total < best.total) best = { total, siteOf: new Map(chosen.map((site, i) => [instance.students[i]!.id, site])) };
      return;
    }
    for (const { site, cost } of options[student]!) {
      if ((used.get(site) ?? 0) >= places.get(site)!) continue;
      used.set(site, (used.get(site) ?? 0) + 1);
      chosen[student] = site;
      visit(student + 1, total + cost);
      used.set(site, used.get(site)! - 1);
    }
  };
  visit(0, 0);
  return best;
}
