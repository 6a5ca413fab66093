import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildKeywordAutomaton, foldText } from './automaton.js';

type Match = [keywordId: number, start: number, end: number];

function scanAll(keywords: readonly string[], text: string): Match[] {
  const matches: Match[] = [];
  buildKeywordAutomaton(keywords).scan(text, (id, start, end) => matches.push([id, start, end]));
  return matches;
}

/** Reference enumeration: every start position of every keyword, by `startsWith` on folded text. */
function bruteForce(keywords: readonly string[], text: string): Match[] {
  const foldedText = foldText(text);
  const matches: Match[] = [];
  keywords.forEach((keyword, id) => {
    const folded = foldText(keyword);
    for (let start = foldedText.indexOf(folded); start !== -1; start = foldedText.indexOf(folded, start + 1)) {
      matches.push([id, start, start + folded.length]);
    }
  });
  return matches;
}

const byPosition = (a: Match, b: Match) => a[1] - b[1] || a[2] - b[2] || a[0] - b[0];

// A small alphabet makes overlaps and nesting frequent; it mixes ASCII (case-folded), full-width
// letters, common CJK, a CJK Extension B character (surrogate pair) and an emoji (surrogate pair).
const pieces = ['a', 'A', 'ａ', 'b', '借', '款', '借款', '𠀀', '😀', '\uD83D', '\uDE00', '，'];
const textArbitrary = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));
const keywordArbitrary = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));

describe('buildKeywordAutomaton', () => {
  it('finds exactly the occurrences a brute-force indexOf enumeration finds', () => {
    fc.assert(
      fc.property(fc.array(keywordArbitrary, { minLength: 1, maxLength: 12 }), textArbitrary, (keywords, text) => {
        expect(scanAll(keywords, text).sort(byPosition)).toEqual(bruteForce(keywords, text).sort(byPosition));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with brute force on arbitrary full-Unicode strings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        (keywords, text) => {
          expect(scanAll(keywords, text).sort(byPosition)).toEqual(bruteForce(keywords, text).sort(byPosition));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports matches in order of end offset, longest first at the same end', () => {
    fc.assert(
      fc.property(fc.array(keywordArbitrary, { minLength: 1, maxLength: 12 }), textArbitrary, (keywords, text) => {
        const matches = scanAll(keywords, text);
        for (let i = 1; i < matches.length; i++) {
          const [, previousStart, previousEnd] = matches[i - 1]!;
          const [, start, end] = matches[i]!;
          expect(end > previousEnd || (end === previousEnd && start >= previousStart)).toBe(true);
        }
      }),
    );
  });

  it('reports overlapping and nested keywords', () => {
    const keywords = ['非法吸收公众存款', '吸收公众存款', '公众存款', '存款', '款项'];
    expect(scanAll(keywords, '非法吸收公众存款项目')).toEqual([
      [0, 0, 8],
      [1, 2, 8],
      [2, 4, 8],
      [3, 6, 8],
      [4, 7, 9],
    ]);
  });

  it('matches keywords that contain surrogate pairs at code-unit offsets', () => {
    expect(scanAll(['𠮷野', '😀'], '在𠮷野家😀')).toEqual([
      [0, 1, 4],
      [1, 5, 7],
    ]);
  });

  it('reports every id of a duplicated keyword', () => {
    expect(scanAll(['殴打', '殴打'], '随意殴打')).toEqual([
      [0, 2, 4],
      [1, 2, 4],
    ]);
  });

  it('folds ASCII case and full-width forms without shifting offsets', () => {
    expect(scanAll(['ktv', 'POS机'], '在ＫＴＶ内用pos机')).toEqual([
      [0, 1, 4],
      [1, 6, 10],
    ]);
  });

  it('finds nothing in empty text or with no keywords', () => {
    expect(scanAll(['殴打'], '')).toEqual([]);
    expect(scanAll([], '随意殴打')).toEqual([]);
  });

  it('rejects an empty keyword', () => {
    expect(() => buildKeywordAutomaton(['殴打', ''])).toThrow(RangeError);
  });

  it('counts trie states once per distinct prefix', () => {
    expect(buildKeywordAutomaton(['ab', 'abc', 'b']).stateCount).toBe(5);
  });
});
