import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readEnv } from './config';
import { DEFAULT_HEAP_GROWING_PERCENT, limitHeapGrowth } from './heap-growth';

describe('limitHeapGrowth', () => {
  it('refuses a percent that is not a whole number of at least 0', () => {
    expect(() => limitHeapGrowth(-1)).toThrow(/Invalid heap growing percent/);
    expect(() => limitHeapGrowth(1.5)).toThrow(/Invalid heap growing percent/);
  });

  it('is 50 unless HEAP_GROWING_PERCENT says otherwise (0: V8 decides)', () => {
    expect(readEnv({}).HEAP_GROWING_PERCENT).toBe(DEFAULT_HEAP_GROWING_PERCENT);
    expect(readEnv({ HEAP_GROWING_PERCENT: '0' }).HEAP_GROWING_PERCENT).toBe(0);
    expect(() => readEnv({ HEAP_GROWING_PERCENT: '-5' })).toThrow();
  });

  it('takes effect in a running process: the old generation is collected before it grows far past the live heap', () => {
    // 20 MB live, then 400 MB of garbage that survives the young generation; the largest heap seen.
    const script = `
      const { setFlagsFromString } = require('node:v8');
      if (process.argv.at(-1) !== '0') setFlagsFromString('--heap-growing-percent=' + process.argv.at(-1));
      const live = Array.from({ length: 200 }, () => new Array(12500).fill(0).map((_, i) => ({ i })));
      let peak = 0, held = [];
      for (let round = 0; round < 400; round++) {
        held.push(Array.from({ length: 10000 }, (_, i) => ({ i, s: 'x' + i })));
        if (held.length > 4) held.shift();
        peak = Math.max(peak, process.memoryUsage().heapTotal);
      }
      process.stdout.write(String(Math.round(peak / 1048576) + live.length * 0));`;
    const peakMb = (percent: number) => Number(execFileSync(process.execPath, ['-e', script, String(percent)], { encoding: 'utf8' }));
    expect(peakMb(DEFAULT_HEAP_GROWING_PERCENT)).toBeLessThan(peakMb(0));
  });
});
