/**
 * Domain figures (pure TypeScript, Node):
 *   domain.demo-data-100k.ms   generateDemoData for 100,000 cases (+ people, notes, tasks, documents).
 *   domain.demo-data-10k.ms    the same for 10,000 cases (the size the UI and sync benchmarks use).
 */
import type { Emit } from '../scripts/bench';
import { generateDemoData } from '../dev/demo-data';

function time(caseCount: number): number {
  const start = performance.now();
  generateDemoData({ caseCount, seed: 1, now: new Date() });
  return performance.now() - start;
}

export async function run(emit: Emit): Promise<void> {
  emit('domain.demo-data-10k.ms', time(10_000), 'ms');
  emit('domain.demo-data-100k.ms', time(100_000), 'ms');
}
