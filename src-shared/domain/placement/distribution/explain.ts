import { buildModel, pairKey, spreadCostOfAdding, type DistributionModel } from './distribution-model';
import type { DistributionInstance } from './distribution.schema';
import { byCodeUnits } from './supervisors';
import { explanationText } from './explain-text';

/** A cheaper allowed site than the student's, and what forcing the student there would add to the optimal total (null: impossible). */
export interface CheaperSite {
  site: string;
  cost: number;
  increase: number | null;
  /** The site has a free place: what holds the student back is spreading, not a full site. */
  free?: boolean;
}

export type ExplanationReason = { kind: 'locked' } | { kind: 'cheapest' } | { kind: 'full'; cheaper: CheaperSite[] };

/** Why a student got their site: the result's `explanations` (an extra field), one per student, sorted by student id. */
export interface DistributionExplanation {
  student: string;
  site: string;
  cost: number;
  /** The least cost among the student's allowed sites. */
  cheapestCost: number;
  reason: ExplanationReason;
  text: { nb: string; en: string };
}

/** Below this share of the largest cost, float sums count as equal (costs may be decimals). */
const RELATIVE_EPSILON = 1e-9;

/**
 * Explains an optimal assignment (student id → site id) of a feasible instance: a locked student is
 * `locked`; one on a site no dearer than any allowed one is `cheapest`; otherwise each cheaper site
 * is full, and `full` gives per cheaper site s the exact least increase of the optimal total if the
 * student were forced to s. That is cost(s) − cost(here) + the shortest path from s back to here in
 * the residual graph of the assignment (a chain of other students moving on, ending in a free place
 * or the place this student leaves); the difference of the two optima is one such cycle plus cycles
 * that cannot gain (the assignment is optimal). Shortest paths to each site run once (SPFA on the
 * reversed graph), so the cost is O(sites × edges) at worst. Throws if the assignment is not optimal.
 */
export function explainDistribution(instance: DistributionInstance, siteOf: Map<string, string>): DistributionExplanation[] {
  const model = buildModel(instance);
  const siteIndex = new Map(model.sites.map(({ id }, index) => [id, index]));
  const assigned = model.students.map((id) => siteIndex.get(siteOf.get(id)!)!);
  const epsilon = RELATIVE_EPSILON * model.pairs.reduce((largest, { cost }) => Math.max(largest, Math.abs(cost)), 1);
  const graph = residualGraph(model, assigned, epsilon);
  const used = new Array<number>(model.sites.length).fill(0);
  for (const site of assigned) used[site]!++;
  const distancesTo = new Map<number, Float64Array>();
  const explanations = model.students.map((student, index): DistributionExplanation => {
    const here = assigned[index]!;
    const cost = model.pairs[model.pairIndex.get(pairKey(model, index, here))!]!.cost;
    const options = model.pairsOfStudent[index]!.map((pair) => model.pairs[pair]!);
    const cheapestCost = options.reduce((least, pair) => Math.min(least, pair.cost), Infinity);
    const cheaper = options.filter((pair) => pair.cost < cost - epsilon).sort((a, b) => a.cost - b.cost || a.site - b.site);
    const reason: ExplanationReason = model.lockedSites.has(index)
      ? { kind: 'locked' }
      : !cheaper.length
        ? { kind: 'cheapest' }
        : {
            kind: 'full',
            cheaper: cheaper.map((pair) => {
              if (!distancesTo.has(here)) distancesTo.set(here, graph.distancesTo(here));
              const path = distancesTo.get(here)![graph.siteNode(pair.site)]!;
              const increase = path === Infinity ? null : pair.cost - cost + path;
              if (increase !== null && increase < -epsilon)
                throw new Error(`The assignment is not optimal: ${student} would be cheaper at ${model.sites[pair.site]!.id}`);
              const free = used[pair.site]! < model.sites[pair.site]!.places;
              return {
                site: model.sites[pair.site]!.id,
                cost: pair.cost,
                increase: increase === null ? null : increase <= epsilon ? 0 : increase,
                ...(free ? { free } : {}),
              };
            }),
          };
    const explanation = { student, site: model.sites[here]!.id, cost, cheapestCost, reason };
    const tied = options.filter((pair) => Math.abs(pair.cost - cheapestCost) <= epsilon).length > 1;
    return { ...explanation, text: explanationText(explanation, tied) };
  });
  return explanations.sort((a, b) => byCodeUnits(a.student, b.student));
}

/**
 * The residual graph of an assignment as a min-cost flow (students → sites → sink): a movable
 * student may leave their site (site → student, −cost) for another allowed site (student → site,
 * +cost); a site with a free place passes to the sink, the sink back to any site with a student
 * (that site keeps a place free). Locked students have no edges: they never move.
 * Nodes: students 0…n−1, sites n…n+m−1, sink n+m.
 */
function residualGraph(model: DistributionModel, assigned: number[], epsilon: number) {
  const students = model.students.length;
  const sink = students + model.sites.length;
  const nodes = sink + 1;
  // Reversed adjacency (edges into each node), as the searches run towards one target.
  const into: { from: number; cost: number }[][] = Array.from({ length: nodes }, () => []);
  const edge = (from: number, to: number, cost: number) => into[to]!.push({ from, cost });
  const used = new Array<number>(model.sites.length).fill(0);
  assigned.forEach((site) => used[site]!++);
  model.pairs.forEach(({ student, site, cost }) => {
    if (model.lockedSites.has(student)) return;
    if (assigned[student] === site) edge(students + site, student, -cost);
    else edge(student, students + site, cost);
  });
  // One more student at a site costs its spreading on top; one fewer saves it.
  model.sites.forEach((site, index) => {
    if (used[index]! < site.places) edge(students + index, sink, spreadCostOfAdding(site, used[index]!));
    if (used[index]! > 0) edge(sink, students + index, -spreadCostOfAdding(site, used[index]! - 1));
  });

  return {
    siteNode: (site: number) => students + site,
    /** Shortest path length from every node to the site's node (SPFA; Infinity when unreachable). */
    distancesTo(site: number): Float64Array {
      const distance = new Float64Array(nodes).fill(Infinity);
      const queued = new Uint8Array(nodes);
      const relaxed = new Uint32Array(nodes);
      const target = students + site;
      distance[target] = 0;
      const queue = [target];
      for (let head = 0; head < queue.length; head++) {
        const node = queue[head]!;
        queued[node] = 0;
        for (const { from, cost } of into[node]!) {
          const candidate = distance[node]! + cost;
          if (candidate >= distance[from]! - epsilon) continue;
          distance[from] = candidate;
          if (++relaxed[from]! > nodes) throw new Error('The assignment is not optimal: its residual graph has a negative cycle');
          if (!queued[from]) {
            queued[from] = 1;
            queue.push(from);
          }
        }
      }
      return distance;
    },
  };
}
