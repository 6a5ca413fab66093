import type { AmountBounds, Citation, CountBounds, PartyFilter, RiskDomain, RiskLevel, TextField } from './rule-schema.js';

/** Why a rule fired: one entry per satisfied leaf condition (PRODUCT.md §2 "every warning says why"). */
export type Evidence =
  | {
      readonly kind: 'keyword';
      /** The keyword as written in the rule. */
      readonly keyword: string;
      readonly field: TextField;
      /** First non-negated occurrence, UTF-16 offsets into the field's text (`end` exclusive). */
      readonly start: number;
      readonly end: number;
      /** Non-negated occurrences in this field. */
      readonly occurrences: number;
      /** Up to 30 code units either side of the hit (never splitting a surrogate pair). */
      readonly snippet: string;
      /** Offset of `snippet` in the field's text, so a UI can highlight `start − snippetStart`. */
      readonly snippetStart: number;
      /** For a proximity condition: the neighbouring keyword occurrence that made this hit count. */
      readonly near?: { readonly keyword: string; readonly start: number; readonly end: number } | undefined;
    }
  | { readonly kind: 'cause'; readonly cause: string; readonly within: string }
  | { readonly kind: 'caseType' | 'procedure'; readonly value: string }
  | { readonly kind: 'amount'; readonly amount: string; readonly bounds: AmountBounds }
  | { readonly kind: 'partyCount'; readonly count: number; readonly bounds: CountBounds; readonly filter: PartyFilter }
  | { readonly kind: 'watchList'; readonly list: string; readonly partyName: string; readonly role: string }
  | { readonly kind: 'filedOn'; readonly filedOn: string; readonly from?: string | undefined; readonly to?: string | undefined };

/** One fired rule. */
export interface ScreeningFinding {
  readonly ruleId: string;
  readonly ruleVersion: number;
  readonly pack: string;
  readonly packVersion: number;
  readonly domain: RiskDomain;
  readonly subtype: string;
  readonly title: string;
  /** Given by the rule, or derived from `score` through the score bands. */
  readonly level: RiskLevel;
  readonly likelihood?: number;
  readonly impact?: number;
  /** likelihood × impact, 1–25. */
  readonly score?: number;
  readonly evidence: readonly Evidence[];
  readonly suggestedAction: string;
  readonly source: readonly Citation[];
}

/** Lowest score of each level; anything below `yellow` is blue. */
export interface ScoreBands {
  readonly red: number;
  readonly orange: number;
  readonly yellow: number;
}

/** PRODUCT.md §4 default matrix: ≥20 红, 12–19 橙, 6–11 黄, 1–5 蓝 (a court's admin may change it). */
export const DEFAULT_SCORE_BANDS: ScoreBands = { red: 20, orange: 12, yellow: 6 };

/**
 * Level for a likelihood × impact score under `bands` (PRODUCT.md §4). Band edges are inclusive
 * lower bounds: with the defaults 20 is red, 19 orange, 12 orange, 11 yellow, 6 yellow, 5 blue.
 */
export function levelForScore(score: number, bands: ScoreBands = DEFAULT_SCORE_BANDS): RiskLevel {
  if (score >= bands.red) return 'red';
  if (score >= bands.orange) return 'orange';
  if (score >= bands.yellow) return 'yellow';
  return 'blue';
}
