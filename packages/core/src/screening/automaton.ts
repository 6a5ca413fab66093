/**
 * Aho–Corasick keyword automaton over UTF-16 code units (PRODUCT.md §6: "all keywords of all rules
 * compile into one automaton; one pass over a case's text yields the hits").
 *
 * Layout, chosen for speed in plain JS (see docs/benchmarks.md):
 * - a 64K-entry `Uint16Array` maps every code unit to a dense alphabet index (0 = the unit occurs
 *   in no keyword, so the scan drops straight back to the root without touching the trie);
 * - the trie is a double array: the child of state `s` on alphabet index `c` is `t = base[s] + c`
 *   when `check[t] === s`;
 * - failure links and the output sets are flat `Int32Array`s. Every state's output slice already
 *   includes the outputs of its whole failure chain, so nested and overlapping keywords cost one
 *   contiguous read per position.
 *
 * Matching folds ASCII letters to lower case and full-width ASCII (U+FF01–U+FF5E) to half-width,
 * one code unit to one code unit, so offsets in the folded text equal offsets in the original.
 */

/** Called once per occurrence; `end` is exclusive, both offsets are UTF-16 code-unit indices. */
export type KeywordMatchHandler = (keywordId: number, start: number, end: number) => void;

export interface KeywordAutomaton {
  /** Number of keywords the automaton was built from (ids are `0 … keywordCount − 1`). */
  readonly keywordCount: number;
  /** Number of trie states, root included. */
  readonly stateCount: number;
  /**
   * Reports every occurrence of every keyword in `text`, overlapping and nested ones included, in
   * order of their end offset (occurrences ending at the same offset: longest first). A keyword
   * given several times under different ids is reported once per id.
   */
  scan(text: string, onMatch: KeywordMatchHandler): void;
}

const FULLWIDTH_FIRST = 0xff01;
const FULLWIDTH_LAST = 0xff5e;
const FULLWIDTH_OFFSET = 0xfee0;

/** Case and width folding applied to keywords and text alike: `Ａ`/`A` → `a`, `１` → `1`. */
export function foldCodeUnit(unit: number): number {
  const halfWidth = unit >= FULLWIDTH_FIRST && unit <= FULLWIDTH_LAST ? unit - FULLWIDTH_OFFSET : unit;
  return halfWidth >= 0x41 && halfWidth <= 0x5a ? halfWidth + 0x20 : halfWidth;
}

/** `foldCodeUnit` over a whole string; the result has the same length as the input. */
export function foldText(text: string): string {
  let folded = '';
  for (let i = 0; i < text.length; i++) folded += String.fromCharCode(foldCodeUnit(text.charCodeAt(i)));
  return folded;
}

interface TrieNode {
  readonly children: Map<number, TrieNode>;
  /** Keyword ids that end exactly here. */
  readonly keywordIds: number[];
  /** Position in the double array, assigned breadth-first. */
  slot: number;
  fail: TrieNode | null;
}

function newTrieNode(): TrieNode {
  return { children: new Map(), keywordIds: [], slot: 0, fail: null };
}

/** Dense alphabet: index 0 is "no keyword uses this code unit"; the rest are numbered from 1. */
function buildAlphabet(foldedKeywords: readonly string[]): Uint16Array {
  const used = new Uint8Array(0x10000);
  for (const keyword of foldedKeywords) {
    for (let i = 0; i < keyword.length; i++) used[keyword.charCodeAt(i)] = 1;
  }
  const indexOfFolded = new Uint16Array(0x10000);
  let next = 1;
  for (let unit = 0; unit < 0x10000; unit++) if (used[unit] === 1) indexOfFolded[unit] = next++;
  const indexOfRaw = new Uint16Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) indexOfRaw[unit] = indexOfFolded[foldCodeUnit(unit)]!;
  return indexOfRaw;
}

function buildTrie(foldedKeywords: readonly string[], alphabet: Uint16Array): TrieNode {
  const root = newTrieNode();
  foldedKeywords.forEach((keyword, id) => {
    let node = root;
    for (let i = 0; i < keyword.length; i++) {
      const symbol = alphabet[keyword.charCodeAt(i)]!;
      let child = node.children.get(symbol);
      if (!child) {
        child = newTrieNode();
        node.children.set(symbol, child);
      }
      node = child;
    }
    node.keywordIds.push(id);
  });
  return root;
}

/** Growable pair of `base`/`check` arrays; `check = -1` marks a free slot. */
class DoubleArray {
  base = new Int32Array(1024);
  check = new Int32Array(1024).fill(-1);
  /** Lowest slot that may still be free (everything below it is taken). */
  private firstFree = 1;
  /** Highest slot in use, so the arrays can be trimmed. */
  highestUsed = 0;

  constructor() {
    this.check[0] = 0; // the root occupies slot 0 and is its own parent
  }

  ensureCapacity(size: number): void {
    if (size <= this.base.length) return;
    let capacity = this.base.length;
    while (capacity < size) capacity *= 2;
    const base = new Int32Array(capacity);
    base.set(this.base);
    const check = new Int32Array(capacity).fill(-1);
    check.set(this.check);
    this.base = base;
    this.check = check;
  }

  /** First-fit search for a base at which every symbol of `symbols` (ascending) lands on a free slot. */
  findBase(symbols: readonly number[]): number {
    const first = symbols[0]!;
    while (this.firstFree < this.check.length && this.check[this.firstFree] !== -1) this.firstFree++;
    for (let candidate = Math.max(1, this.firstFree - first); ; candidate++) {
      this.ensureCapacity(candidate + symbols[symbols.length - 1]! + 1);
      if (symbols.every((symbol) => this.check[candidate + symbol] === -1)) return candidate;
    }
  }

  place(parentSlot: number, base: number, symbols: readonly number[]): void {
    this.base[parentSlot] = base;
    for (const symbol of symbols) {
      this.check[base + symbol] = parentSlot;
      this.highestUsed = Math.max(this.highestUsed, base + symbol);
    }
  }
}

/** Breadth-first: gives every node its double-array slot and returns the nodes in BFS order. */
function layOutDoubleArray(root: TrieNode, doubleArray: DoubleArray): TrieNode[] {
  const order: TrieNode[] = [root];
  for (let head = 0; head < order.length; head++) {
    const node = order[head]!;
    if (node.children.size === 0) continue;
    const symbols = [...node.children.keys()].sort((a, b) => a - b);
    const base = doubleArray.findBase(symbols);
    doubleArray.place(node.slot, base, symbols);
    for (const symbol of symbols) {
      const child = node.children.get(symbol)!;
      child.slot = base + symbol;
      order.push(child);
    }
  }
  return order;
}

/** Classic BFS failure links; `bfsOrder` guarantees a node's fail target is done before it. */
function linkFailures(root: TrieNode, bfsOrder: readonly TrieNode[]): void {
  root.fail = root;
  for (const node of bfsOrder) {
    for (const [symbol, child] of node.children) {
      if (node === root) {
        child.fail = root;
        continue;
      }
      let fallback = node.fail!;
      while (fallback !== root && !fallback.children.has(symbol)) fallback = fallback.fail!;
      child.fail = fallback.children.get(symbol) ?? root;
    }
  }
}

class DoubleArrayAutomaton implements KeywordAutomaton {
  constructor(
    readonly keywordCount: number,
    readonly stateCount: number,
    private readonly alphabet: Uint16Array,
    /** Root transition for every code unit (0 = stay at the root): the hot path needs one load. */
    private readonly rootNext: Int32Array,
    private readonly base: Int32Array,
    private readonly check: Int32Array,
    private readonly fail: Int32Array,
    /** Number of outputs of each state (0 for most), then their position in `outputIds`. */
    private readonly outputCount: Int32Array,
    private readonly outputStart: Int32Array,
    private readonly outputIds: Int32Array,
    private readonly keywordLength: Int32Array,
  ) {}

  scan(text: string, onMatch: KeywordMatchHandler): void {
    const { alphabet, rootNext, base, check, fail, outputCount, outputStart, outputIds, keywordLength } = this;
    let state = 0;
    for (let i = 0, length = text.length; i < length; i++) {
      const unit = text.charCodeAt(i);
      if (state === 0) {
        state = rootNext[unit]!;
        if (state === 0) continue;
      } else {
        const symbol = alphabet[unit]!;
        if (symbol === 0) {
          state = 0;
          continue;
        }
        let next = base[state]! + symbol;
        while (check[next] !== state) {
          state = fail[state]!;
          if (state === 0) {
            next = rootNext[unit]!;
            break;
          }
          next = base[state]! + symbol;
        }
        state = next;
        if (state === 0) continue;
      }
      const count = outputCount[state]!;
      if (count === 0) continue;
      for (let o = outputStart[state]!, end = o + count; o < end; o++) {
        const keywordId = outputIds[o]!;
        onMatch(keywordId, i + 1 - keywordLength[keywordId]!, i + 1);
      }
    }
  }
}

/**
 * Builds the automaton once from every keyword of every rule; keyword `i` is reported as id `i`.
 * Edge cases: duplicate keywords keep their own ids and are all reported; keywords that differ only
 * in ASCII case or width fold together; an empty keyword is a programmer error (rule packs reject
 * it at validation) and throws `RangeError`. Surrogate pairs need no special handling: a keyword
 * containing one is matched unit by unit like any other.
 */
export function buildKeywordAutomaton(keywords: readonly string[]): KeywordAutomaton {
  keywords.forEach((keyword, id) => {
    if (keyword.length === 0) throw new RangeError(`关键词 #${id} 为空`);
  });
  const folded = keywords.map(foldText);
  const alphabet = buildAlphabet(folded);
  const alphabetSize = alphabet.reduce((max, symbol) => Math.max(max, symbol), 0) + 1;
  const root = buildTrie(folded, alphabet);

  const doubleArray = new DoubleArray();
  const bfsOrder = layOutDoubleArray(root, doubleArray);
  linkFailures(root, bfsOrder);

  // Every lookup `base[s] + symbol` must stay inside the arrays (an out-of-range typed-array read
  // would deoptimise the scan loop), hence the alphabet-sized tail after the highest used slot.
  const size = bfsOrder.reduce((max, node) => Math.max(max, node.slot + alphabetSize), doubleArray.highestUsed) + 1;
  doubleArray.ensureCapacity(size);
  const base = doubleArray.base.slice(0, size);
  const check = doubleArray.check.slice(0, size);
  const fail = new Int32Array(size);
  for (const node of bfsOrder) fail[node.slot] = node.fail!.slot;

  // Output sets including the failure chain; BFS order means the fail target's set is final.
  const outputsOf = new Map<TrieNode, number[]>();
  for (const node of bfsOrder) {
    const inherited = node === root ? [] : (outputsOf.get(node.fail!) ?? []);
    outputsOf.set(node, node.keywordIds.length === 0 ? inherited : [...node.keywordIds, ...inherited]);
  }
  const outputCount = new Int32Array(size);
  const outputStart = new Int32Array(size);
  const outputIdList: number[] = [];
  for (const node of bfsOrder) {
    const outputs = outputsOf.get(node)!;
    outputCount[node.slot] = outputs.length;
    outputStart[node.slot] = outputIdList.length;
    outputIdList.push(...outputs);
  }

  const rootNext = new Int32Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) {
    const symbol = alphabet[unit]!;
    const child = base[0]! + symbol;
    if (symbol !== 0 && check[child] === 0 && child !== 0) rootNext[unit] = child;
  }

  return new DoubleArrayAutomaton(
    keywords.length,
    bfsOrder.length,
    alphabet,
    rootNext,
    base,
    check,
    fail,
    outputCount,
    outputStart,
    Int32Array.from(outputIdList),
    Int32Array.from(keywords, (keyword) => keyword.length),
  );
}
