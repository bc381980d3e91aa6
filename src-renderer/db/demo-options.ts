/** Demo data on first start: a fixed seed, so tests and benchmarks can compute what to expect. */
export const DEMO_SEED = 20_260_101;
export const DEFAULT_DEMO_CASES = 300;
export const MIN_DEMO_CASES = 10;
export const MAX_DEMO_CASES = 100_000;

/** `?demoCases=N` (tests, benchmarks) overrides the default size of the first-start demo data. */
export function demoCaseCountFrom(search: string): number {
  const raw = new URLSearchParams(search).get('demoCases');
  const count = raw === null || raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isInteger(count)) return DEFAULT_DEMO_CASES;
  return Math.min(MAX_DEMO_CASES, Math.max(MIN_DEMO_CASES, count));
}
