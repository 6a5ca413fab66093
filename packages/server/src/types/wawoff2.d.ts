/** wawoff2 (Google's woff2 in WebAssembly) ships no types; the one function CourtRisk uses. */
declare module 'wawoff2' {
  /** WOFF2 → TrueType/OpenType bytes. */
  export function decompress(woff2: Uint8Array): Promise<Uint8Array>;
}
