/** Types for the `ahocorasick` npm package (1.0.2), which ships none. */
declare module 'ahocorasick' {
  export default class AhoCorasick {
    constructor(keywords: readonly string[]);
    /** Each entry: [index of the last character of the matches, the keywords ending there]. */
    search(text: string): [number, string[]][];
  }
}
