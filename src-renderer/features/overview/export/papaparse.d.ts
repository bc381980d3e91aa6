/** The part of papaparse 5 (no bundled typings) that Saksflyt uses: writing CSV. */
declare module 'papaparse' {
  export interface UnparseConfig {
    delimiter?: string;
    newline?: string;
    header?: boolean;
    /** A field matching this gets a leading ' (and quotes). */
    escapeFormulae?: boolean | RegExp;
  }
  export function unparse(data: readonly (readonly string[])[], config?: UnparseConfig): string;
}
