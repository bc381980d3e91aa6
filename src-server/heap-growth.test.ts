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

  it('takes effect in a running process: V8 sets each old-generation limit at the given factor of what survived', () => {
    // Set at run time as limitHeapGrowth does, then ~400 MB of garbage that outlives the young
    // generation. V8's own trace names the factor of every limit it sets (its choice is up to 4×);
    // the heap's peak size is not compared: under load it varies from run to run.
    const script = `
      require('node:v8').setFlagsFromString('--heap-growing-percent=' + process.argv.at(-1));
      const live = Array.from({ length: 200 }, () => new Array(12500).fill(0).map((_, i) => ({ i })));
      const held = [];
      for (let round = 0; round < 400; round++) {
        held.push(Array.from({ length: 10000 }, (_, i) => ({ i, s: 'x' + i })));
        if (held.length > 4) held.shift();
      }
      process.stdout.write(String(live.length));`;
    const factors = (percent: number) => {
      const trace = execFileSync(process.execPath, ['--trace-gc-verbose', '-e', script, String(percent)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      return [...trace.matchAll(/\[HeapController\] Limit: old size: \d+ KB, new limit: \d+ KB \(([\d.]+)\)/g)].map((match) => Number(match[1]));
    };
    const atDefault = factors(DEFAULT_HEAP_GROWING_PERCENT);
    expect(atDefault.length).toBeGreaterThan(1);
    expect(new Set(atDefault)).toEqual(new Set([1.5]));
    const at80 = factors(80);
    expect(at80.length).toBeGreaterThan(1);
    expect(new Set(at80)).toEqual(new Set([1.8]));
  });
});
