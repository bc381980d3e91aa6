import type { Highs } from 'highs';
import { findBlocking } from './blocking';
import { buildModel, distributionLp, lockedPairs, spreadPenalty, type DistributionModel } from './distribution-model';
import type { DistributionInstance, DistributionResult } from './distribution.schema';
import { explainDistribution } from './explain';
import { assignSupervisors, byCodeUnits } from './supervisors';

/**
 * The part of HiGHS the solver uses (one-shot `solve` of CPLEX LP text). The caller injects it: the
 * server and the main process each load the WebAssembly once (their `highs()` loader), so this
 * module stays pure and both share one solver.
 */
export type LpSolver = Pick<Highs, 'solve'>;

/** Exact optimum: no relative or absolute gap allowed. */
const OPTIONS = { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0 } as const;
const INTEGRALITY = 1e-6;

/**
 * Distributes students to sites and supervisors at minimum total cost (issue 12). Feasibility is
 * decided exactly first (`findBlocking`), so an infeasible instance says which constraint blocks
 * whom; a feasible one is solved as a MIP by HiGHS with zero gap. The answer is checked (integral,
 * every student once, places, locks) before it is returned, and the total is summed from the
 * input costs. Same input, same result. With `explain`, the result also says why each student got
 * their site (`explainDistribution`).
 */
export async function solveDistribution(solver: LpSolver, instance: DistributionInstance, { explain = false } = {}): Promise<DistributionResult> {
  const model = buildModel(instance);
  const blocking = findBlocking(model);
  if (blocking.length) {
    return { status: 'infeasible', totalCost: null, assignments: [], blocking: blocking.map(({ message }) => message).join(' '), blockingDetail: blocking };
  }
  const chosen = solveModel(solver, model);
  const siteOf = new Map(chosen.map((pair) => [model.students[model.pairs[pair]!.student]!, model.sites[model.pairs[pair]!.site]!.id]));
  const costs = chosen.map((pair) => model.pairs[pair]!).sort((a, b) => byCodeUnits(model.students[a.student]!, model.students[b.student]!));
  const used = new Array<number>(model.sites.length).fill(0);
  for (const { site } of costs) used[site]!++;
  const result = {
    status: 'optimal' as const,
    totalCost: costs.reduce((sum, { cost }) => sum + cost, 0) + spreadPenalty(model.sites, used),
    assignments: assignSupervisors(instance, siteOf),
    blocking: null,
  };
  return explain ? { ...result, explanations: explainDistribution(instance, siteOf) } : result;
}

/** The LP relaxation's optimum of a feasible instance: the lower bound the optimality gap is measured against. */
export function relaxationBound(solver: LpSolver, instance: DistributionInstance): number {
  const solution = solver.solve(distributionLp(buildModel(instance), { integer: false }), OPTIONS);
  if (solution.Status !== 'Optimal') throw new Error(`HiGHS ended the LP relaxation with "${solution.Status}"`);
  return solution.ObjectiveValue;
}

/** Solves the MIP of a model that passed `findBlocking`; returns the chosen pair per student. */
function solveModel(solver: LpSolver, model: DistributionModel): number[] {
  if (!model.students.length) return []; // HiGHS calls an empty model "Empty", not optimal
  const solution = solver.solve(distributionLp(model, { integer: true }), OPTIONS);
  if (solution.Status !== 'Optimal') throw new Error(`HiGHS ended with "${solution.Status}" on an instance that has a feasible assignment`);
  const value = (pair: number) => solution.Columns[`x${pair}`]?.Primal ?? 0;
  const chosen = model.pairsOfStudent.map((pairs, student) => {
    const taken = pairs.filter((pair) => value(pair) > 0.5);
    if (taken.length !== 1 || pairs.some((pair) => Math.abs(value(pair) - Math.round(value(pair))) > INTEGRALITY)) {
      throw new Error(`HiGHS returned no integral assignment for student ${model.students[student]}`);
    }
    return taken[0]!;
  });
  const used = new Array<number>(model.sites.length).fill(0);
  for (const pair of chosen) used[model.pairs[pair]!.site]!++;
  const overfull = model.sites.findIndex((site, index) => used[index]! > site.places);
  if (overfull >= 0) throw new Error(`HiGHS placed more students than site ${model.sites[overfull]!.id} has places`);
  if (lockedPairs(model).some((pair) => chosen[model.pairs[pair]!.student] !== pair)) throw new Error('HiGHS moved a locked student');
  return chosen;
}
