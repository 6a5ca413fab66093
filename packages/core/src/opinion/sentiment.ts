import { z } from 'zod';
import lexiconJson from '../../data/opinion/sentiment-lexicon.json' with { type: 'json' };
import { buildKeywordAutomaton } from '../screening/automaton.js';

/**
 * Lexicon-based sentiment of Chinese public-opinion text (issue 6), explained word by word. No
 * segmenter: every lexicon entry goes into one Aho–Corasick automaton and the text is read as the
 * leftmost-longest sequence of entries, so 不满意 is one negative word (not 不 + 满意), 非常 a degree
 * word (not 非 + 常) and 真相 a neutral word that keeps 真 from acting as "really".
 *
 * A sentiment word's value is its weight (positive or negative), changed by the modifiers that
 * stand before it in the same clause, after the previous sentiment word and at most `window` code
 * units away:
 * - each negator (不、没、未、无、非、别…) flips the sign: 不满意 … 不是不好 (two flips) is positive;
 * - degree words multiply: 非常满意 = 2 × 1.8; 有点失望 = −2 × 0.6;
 * - a negator before a degree word hedges instead of flipping fully: 不太满意 = −0.5 × 2 (mildly
 *   negative), while 太不满意 is degree × negation.
 * The item's score is the sum; the label is negative at or below −threshold, positive at or above it.
 */

export const SentimentLexicon = z
  .strictObject({
    name: z.string().min(1),
    version: z.number().int().min(1),
    /** Where the words come from and who wrote them. */
    source: z.string().min(1),
    positive: z.record(z.string().min(1), z.number().positive({ error: '情感词权重应为正数' })),
    negative: z.record(z.string().min(1), z.number().positive({ error: '情感词权重应为正数（方向由所在类别决定）' })),
    negators: z.array(z.string().min(1)),
    degree: z.record(z.string().min(1), z.number().positive({ error: '程度词倍数应为正数' })),
    /** Words that contain a negator or degree word but are neither (不断、未来、真相…). */
    neutral: z.array(z.string().min(1)),
  })
  .superRefine((lexicon, ctx) => {
    const seen = new Map<string, string>();
    const categories: [string, readonly string[]][] = [
      ['positive', Object.keys(lexicon.positive)],
      ['negative', Object.keys(lexicon.negative)],
      ['negators', lexicon.negators],
      ['degree', Object.keys(lexicon.degree)],
      ['neutral', lexicon.neutral],
    ];
    for (const [category, words] of categories) {
      for (const word of words) {
        const first = seen.get(word);
        if (first !== undefined) ctx.addIssue({ code: 'custom', path: [category], message: `“${word}”同时出现在 ${first} 和 ${category} 中` });
        seen.set(word, category);
      }
    }
  });
export type SentimentLexicon = z.infer<typeof SentimentLexicon>;

/** The lexicon shipped in packages/core/data/opinion/sentiment-lexicon.json (see its `source`). */
export const DEFAULT_SENTIMENT_LEXICON: SentimentLexicon = SentimentLexicon.parse(lexiconJson);

export interface SentimentOptions {
  /** Code units before a sentiment word in which a modifier may start. Default 8. */
  readonly window?: number;
  /** |score| at which an item stops being neutral. Default 1 (one mild word). */
  readonly threshold?: number;
}

export type SentimentLabel = 'positive' | 'neutral' | 'negative';
export const sentimentLabelText: Record<SentimentLabel, string> = { positive: '正面', neutral: '中性', negative: '负面' };

export interface SentimentModifier {
  readonly word: string;
  readonly start: number;
  readonly kind: 'negator' | 'degree';
  /** Degree multiplier; absent for negators. */
  readonly factor?: number;
}

/** One sentiment word and what happened to it: the "why" of the score. */
export interface SentimentContribution {
  readonly word: string;
  /** UTF-16 offsets into the text, `end` exclusive. */
  readonly start: number;
  readonly end: number;
  /** Lexicon weight with its sign (+ positive, − negative). */
  readonly base: number;
  readonly modifiers: readonly SentimentModifier[];
  /** Value after the modifiers, rounded to 2 decimals. */
  readonly value: number;
  /** Chinese, e.g. `“不”否定、“太”减弱“满意”（+2）→ −1`. */
  readonly explanation: string;
}

export interface SentimentResult {
  readonly score: number;
  readonly label: SentimentLabel;
  readonly positive: number;
  readonly negative: number;
  readonly contributions: readonly SentimentContribution[];
}

export interface SentimentScorer {
  score(text: string): SentimentResult;
}

type Entry = { word: string } & ({ kind: 'sentiment'; weight: number } | { kind: 'negator' } | { kind: 'degree'; factor: number } | { kind: 'neutral' });

const CLAUSE_BOUNDARY = /[，,。.！!？?；;：:\n\r…]/;
const HEDGE = -0.5;

const round = (value: number) => Math.round(value * 100) / 100;
const signed = (value: number) => (value > 0 ? `+${round(value)}` : `${round(value)}`);

/** Compiles a lexicon once; `score` then reads a text in one automaton pass. */
export function createSentimentScorer(lexicon: SentimentLexicon = DEFAULT_SENTIMENT_LEXICON, options: SentimentOptions = {}): SentimentScorer {
  const window = options.window ?? 8;
  const threshold = options.threshold ?? 1;
  const entries: Entry[] = [
    ...Object.entries(lexicon.positive).map(([word, weight]): Entry => ({ word, kind: 'sentiment', weight })),
    ...Object.entries(lexicon.negative).map(([word, weight]): Entry => ({ word, kind: 'sentiment', weight: -weight })),
    ...lexicon.negators.map((word): Entry => ({ word, kind: 'negator' })),
    ...Object.entries(lexicon.degree).map(([word, factor]): Entry => ({ word, kind: 'degree', factor })),
    ...lexicon.neutral.map((word): Entry => ({ word, kind: 'neutral' })),
  ];
  const automaton = buildKeywordAutomaton(entries.map((entry) => entry.word));

  return {
    score(text) {
      const tokens = leftmostLongest(text, (onMatch) => automaton.scan(text, onMatch));
      const contributions: SentimentContribution[] = [];
      let pending: { entry: Entry; start: number }[] = [];
      let lastEnd = 0;
      for (const token of tokens) {
        const entry = entries[token.id]!;
        // A clause boundary between the previous token and this one drops pending modifiers.
        if (CLAUSE_BOUNDARY.test(text.slice(lastEnd, token.start))) pending = [];
        lastEnd = token.end;
        if (entry.kind === 'neutral') continue;
        if (entry.kind !== 'sentiment') {
          pending.push({ entry, start: token.start });
          continue;
        }
        const modifiers = pending.filter((modifier) => token.start - modifier.start <= window);
        pending = [];
        contributions.push(contributionOf(entry.word, token.start, token.end, entry.weight, modifiers));
      }
      const positive = round(contributions.filter((c) => c.value > 0).reduce((sum, c) => sum + c.value, 0));
      const negative = round(contributions.filter((c) => c.value < 0).reduce((sum, c) => sum + c.value, 0));
      const score = round(positive + negative);
      const label: SentimentLabel = score <= -threshold ? 'negative' : score >= threshold ? 'positive' : 'neutral';
      return { score, label, positive, negative, contributions };
    },
  };
}

function contributionOf(word: string, start: number, end: number, base: number, pending: readonly { entry: Entry; start: number }[]): SentimentContribution {
  const modifiers: SentimentModifier[] = pending.map(({ entry, start: at }) =>
    entry.kind === 'degree' ? { word: entry.word, start: at, kind: 'degree', factor: entry.factor } : { word: entry.word, start: at, kind: 'negator' },
  );
  const negators = modifiers.filter((modifier) => modifier.kind === 'negator').length;
  const factor = modifiers.reduce((product, modifier) => product * (modifier.factor ?? 1), 1);
  const firstNegator = modifiers.findIndex((modifier) => modifier.kind === 'negator');
  const firstDegree = modifiers.findIndex((modifier) => modifier.kind === 'degree');
  const hedged = firstNegator !== -1 && firstDegree !== -1 && firstNegator < firstDegree;
  const value = round(hedged ? base * HEDGE * (negators % 2 === 1 ? 1 : -1) : base * factor * (negators % 2 === 1 ? -1 : 1));
  const how = modifiers.map((modifier) =>
    modifier.kind === 'negator' ? `“${modifier.word}”否定` : hedged ? `“${modifier.word}”减弱` : `“${modifier.word}”×${modifier.factor}`,
  );
  const explanation = how.length === 0 ? `“${word}”${signed(base)}` : `${how.join('、')}“${word}”（${signed(base)}）→ ${signed(value)}`;
  return { word, start, end, base, modifiers, value, explanation };
}

/** All matches, then left to right the longest one starting at or after the previous end. */
function leftmostLongest(text: string, scan: (onMatch: (id: number, start: number, end: number) => void) => void) {
  const matches: { id: number; start: number; end: number }[] = [];
  scan((id, start, end) => matches.push({ id, start, end }));
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const tokens: typeof matches = [];
  let end = 0;
  for (const match of matches) {
    if (match.start < end) continue;
    tokens.push(match);
    end = match.end;
  }
  return tokens;
}
