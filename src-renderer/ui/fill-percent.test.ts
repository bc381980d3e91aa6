import { describe, expect, it } from 'vitest';
import { fillPercent } from './fill-percent';

describe('fillPercent', () => {
  it('draws used of places, at most full; no capacity known is empty, none at all is full once used', () => {
    expect(fillPercent(9, 10)).toBe(90);
    expect(fillPercent(1, 2)).toBe(50);
    expect(fillPercent(14, 10)).toBe(100);
    expect(fillPercent(0, 0)).toBe(0);
    expect(fillPercent(1, 0)).toBe(100);
    expect(fillPercent(20, undefined)).toBe(0);
  });
});
