import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

/** Where benchmarks leave their traces (git-ignored). */
export const benchOutputDir = resolve(import.meta.dirname, '../../.tmp/bench');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Seconds of a CPU profile's self time, per script (file name) or V8 category ("(idle)", "(garbage collector)", "(program)"). */
export function selfSecondsByScript(profile: CpuProfile): Record<string, number> {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const seconds: Record<string, number> = {};
  profile.samples.forEach((id, index) => {
    const frame = byNode.get(id)!.callFrame;
    const group = frame.url ? frame.url.split('/').at(-1)!.split('?')[0]! : frame.functionName.startsWith('(') ? frame.functionName : '(native)';
    // A sample's time is the delta to the next sample.
    seconds[group] = (seconds[group] ?? 0) + (profile.timeDeltas[index + 1] ?? 0) / 1e6;
  });
  return Object.fromEntries(Object.entries(seconds).sort(([, a], [, b]) => b - a));
}

/**
 * Records the page's main-thread CPU profile while `work` runs; writes `<name>.cpuprofile` (open it
 * in Chromium's DevTools, Performance tab) and `<name>.self-seconds.json` to `benchOutputDir`.
 */
export async function withCpuProfile<T>(page: Page, name: string, work: () => Promise<T>): Promise<{ result: T; selfSeconds: Record<string, number> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.detach();
  const selfSeconds = selfSecondsByScript(profile);
  mkdirSync(benchOutputDir, { recursive: true });
  writeFileSync(join(benchOutputDir, `${name}.cpuprofile`), JSON.stringify(profile));
  writeFileSync(join(benchOutputDir, `${name}.self-seconds.json`), JSON.stringify(selfSeconds, null, 2));
  return { result, selfSeconds };
}
