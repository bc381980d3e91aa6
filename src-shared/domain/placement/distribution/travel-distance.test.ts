import { describe, expect, it } from 'vitest';
import { kilometresBetween, travelUnits } from './travel-distance';

const bergen = { latitude: 60.3913, longitude: 5.3221 };
const oslo = { latitude: 59.9139, longitude: 10.7522 };
const centres = new Map([
  ['bergen', bergen],
  ['oslo', oslo],
]);

describe('travel distance', () => {
  it('measures as the crow flies between centres (Bergen–Oslo about 305 km)', () => {
    expect(kilometresBetween(bergen, oslo)).toBeCloseTo(305, -1);
    expect(kilometresBetween(bergen, bergen)).toBe(0);
  });

  it('prices tens of km between the home and the site municipality, names compared loosely', () => {
    expect(travelUnits(' bergen ', 'Oslo', centres)).toBeCloseTo(30.5, 0);
    expect(travelUnits('Bergen', 'BERGEN', centres)).toBe(0);
  });

  it('falls back to 1 for another known municipality without a centre, and 0 for a site with none', () => {
    expect(travelUnits('Bergen', 'Voss', centres)).toBe(1);
    expect(travelUnits('Bergen', undefined, centres)).toBe(0);
    expect(travelUnits('Bergen', ' ', centres)).toBe(0);
  });
});
