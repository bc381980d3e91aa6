import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_CASES, demoCaseCountFrom, MAX_DEMO_CASES, MIN_DEMO_CASES } from './demo-options';

describe('?demoCases', () => {
  it('sets the size of the first-start demo data', () => {
    expect(demoCaseCountFrom('?demoCases=10000')).toBe(10_000);
    expect(demoCaseCountFrom('?x=1&demoCases=120')).toBe(120);
  });

  it('falls back to the default when absent or not a whole number', () => {
    expect(demoCaseCountFrom('')).toBe(DEFAULT_DEMO_CASES);
    expect(demoCaseCountFrom('?demoCases=many')).toBe(DEFAULT_DEMO_CASES);
    expect(demoCaseCountFrom('?demoCases=12.5')).toBe(DEFAULT_DEMO_CASES);
  });

  it('stays within what the generator supports', () => {
    expect(demoCaseCountFrom('?demoCases=1')).toBe(MIN_DEMO_CASES);
    expect(demoCaseCountFrom('?demoCases=5000000')).toBe(MAX_DEMO_CASES);
  });
});
