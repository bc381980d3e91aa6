/**
 * Placement distribution figures (HiGHS WebAssembly in Node):
 *   placement.distribute-2000-on-300.ms   2,000 students on 300 sites, ~900 supervisors. Goal ≤ 2,000.
 *   placement.optimality-gap.pct          the same run's optimum against its LP relaxation bound. Goal 0.
 */
import type { Emit } from '../scripts/bench';
import { benchDistribution } from './placement/distribute';

export async function run(emit: Emit): Promise<void> {
  await benchDistribution(emit);
}
