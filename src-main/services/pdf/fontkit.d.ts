/** The part of fontkit 2 (no bundled typings) that Saksflyt uses: parse a font file once, reuse it. */
declare module 'fontkit' {
  export interface Font {
    readonly postscriptName: string;
    layout(text: string, features?: unknown): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
