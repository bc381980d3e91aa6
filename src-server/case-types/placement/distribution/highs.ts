import loadHighs, { type Highs } from 'highs';

let loading: Promise<Highs> | undefined;

/** The HiGHS solver (WebAssembly), loaded once per process. */
export function highs(): Promise<Highs> {
  return (loading ??= loadHighs());
}
