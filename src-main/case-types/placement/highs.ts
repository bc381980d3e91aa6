import loadHighs, { type Highs } from 'highs';

let loading: Promise<Highs> | undefined;

/** The HiGHS solver (WebAssembly), loaded once per process on first use. */
export function highs(): Promise<Highs> {
  return (loading ??= loadHighs());
}
