import { buildKeywordAutomaton, foldText } from './automaton.js';
import { compareDecimalYuan } from './decimal-yuan.js';
import {
  createScreener,
  FIELD_INDEX,
  NO_NEGATION,
  snippetAround,
  type CompiledCondition,
  type CompiledRule,
  type ScreeningContext,
  type Screener,
} from './evaluate.js';
import { DEFAULT_SCORE_BANDS, levelForScore, type Evidence, type ScoreBands } from './finding.js';
import { compileNegation, DEFAULT_NEGATION, type NegationMatcher, type NegationSettings } from './negation.js';
import { normalizePartyName } from './party-name.js';
import { TEXT_FIELDS, type ComparisonOperator, type Condition, type KeywordCondition, type PartyFilter, type RulePack, type RuleSpec, type TextField } from './rule-schema.js';
import type { ScreeningParty } from './screening-input.js';

export interface CompileOptions {
  /**
   * 案由 hierarchy: true when `cause` is `ancestor` or lies below it in the cause list (民事案件案由
   * 规定, 2020 revision: a parent covers its children). Injected so that core holds no cause data.
   * Default: exact equality.
   */
  readonly isCauseWithin?: (cause: string, ancestor: string) => boolean;
  /**
   * Named lists (e.g. 职业放贷人名单, 重点关注当事人) that `watchList` conditions refer to; names are
   * compared in the form of `normalizePartyName` (width, ASCII case, spacing and middle dots aside).
   */
  readonly watchLists?: Readonly<Record<string, readonly string[]>>;
  /** Score-to-level bands for likelihood × impact rules; default PRODUCT.md §4. */
  readonly scoreBands?: ScoreBands;
}

/** A rule pack that validated but cannot be compiled against these options. */
export interface CompileError {
  readonly pack: string;
  readonly ruleId?: string;
  /** Chinese, for the rules editor. */
  readonly message: string;
}

export type CompileResult = { ok: true; screener: Screener } | { ok: false; errors: CompileError[] };

/**
 * Compiles every enabled rule of every pack once (PRODUCT.md §6): all keywords (conditions and
 * exclusions) go into one automaton, every condition becomes a pair of closures. Disabled rules are
 * skipped entirely, so their keywords cost nothing. Errors (reported all at once): a rule id used
 * by two packs, and a `watchList` naming a list absent from `options.watchLists`.
 */
export function compileRulePacks(packs: readonly RulePack[], options: CompileOptions = {}): CompileResult {
  const patterns = new PatternRegistry();
  const negations = new NegationRegistry();
  const scannedFields = new Set<TextField>();
  const errors: CompileError[] = [];
  const rules: CompiledRule[] = [];
  const packOfRule = new Map<string, string>();
  const registrationCallbacks: ((patternCount: number) => void)[] = [];

  for (const pack of packs) {
    const negation = negations.indexOf(pack.negation ?? DEFAULT_NEGATION);
    for (const rule of pack.rules) {
      const owner = packOfRule.get(rule.id);
      if (owner !== undefined) {
        errors.push({ pack: pack.pack, ruleId: rule.id, message: `规则编号 ${rule.id} 已在规则包 ${owner} 中使用` });
        continue;
      }
      packOfRule.set(rule.id, pack.pack);
      if (!rule.enabled) continue;
      const environment: ConditionEnvironment = {
        patterns,
        afterRegistration: (callback) => registrationCallbacks.push(callback),
        scannedFields,
        negation,
        isCauseWithin: options.isCauseWithin,
        watchLists: options.watchLists ?? {},
        reportMissingList: (list) => errors.push({ pack: pack.pack, ruleId: rule.id, message: `规则 ${rule.id} 引用的关注名单“${list}”不存在` }),
      };
      rules.push({
        finding: findingTemplate(pack, rule, options.scoreBands ?? DEFAULT_SCORE_BANDS),
        isExcluded: rule.exclusions ? compileExclusions(rule.exclusions, environment) : null,
        condition: compileCondition(rule.when, environment),
        triggers: triggerKeywords(rule.when)?.map((keyword) => patterns.idOf(keyword)) ?? null,
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  for (const callback of registrationCallbacks) callback(patterns.keywords.length);
  return { ok: true, screener: createScreener(buildKeywordAutomaton(patterns.keywords), rules, scannedFields, negations.matchers) };
}

/**
 * Keywords of which at least one must occur for `condition` to hold, or null when it can hold
 * without any: a keyword condition needs one of its keywords (even `all` and `atLeast` need one);
 * `all` needs what its most selective child needs; `any` and `atLeast` need what some child
 * needs, so the union, unless a child needs nothing; `not` and non-text conditions need nothing.
 */
function triggerKeywords(condition: Condition): readonly string[] | null {
  switch (condition.kind) {
    case 'keywords':
      return condition.keywords;
    case 'all': {
      const needs = condition.conditions.map(triggerKeywords).filter((keywords) => keywords !== null);
      return needs.length === 0 ? null : needs.reduce((smallest, keywords) => (keywords.length < smallest.length ? keywords : smallest));
    }
    case 'any':
    case 'atLeast': {
      const needs = condition.conditions.map(triggerKeywords);
      return needs.some((keywords) => keywords === null) ? null : needs.flatMap((keywords) => keywords!);
    }
    default:
      return null;
  }
}

function findingTemplate(pack: RulePack, rule: RuleSpec, bands: ScoreBands): CompiledRule['finding'] {
  const common = {
    ruleId: rule.id,
    ruleVersion: rule.version,
    pack: pack.pack,
    packVersion: pack.version,
    domain: pack.domain,
    subtype: rule.subtype,
    title: rule.title,
    suggestedAction: rule.suggestedAction,
    source: rule.source,
  };
  if (rule.level !== undefined) return { ...common, level: rule.level };
  const likelihood = rule.likelihood!;
  const impact = rule.impact!;
  const score = likelihood * impact;
  return { ...common, level: levelForScore(score, bands), likelihood, impact, score };
}

/** Distinct keywords (after folding) get one automaton id each, however many rules use them. */
class PatternRegistry {
  readonly keywords: string[] = [];
  private readonly idOfFolded = new Map<string, number>();

  /** Length of pattern `id` in code units (folding keeps lengths). */
  lengthOf(id: number): number {
    return this.keywords[id]!.length;
  }

  idOf(keyword: string): number {
    const folded = foldText(keyword);
    let id = this.idOfFolded.get(folded);
    if (id === undefined) {
      id = this.keywords.length;
      this.keywords.push(folded);
      this.idOfFolded.set(folded, id);
    }
    return id;
  }
}

/** Packs with identical negation settings share one matcher (and one verdict cache). */
class NegationRegistry {
  readonly matchers: NegationMatcher[] = [];
  private readonly indexOfSettings = new Map<string, number>();

  indexOf(settings: NegationSettings): number {
    const key = JSON.stringify([settings.cues, settings.ignore, settings.window]);
    let index = this.indexOfSettings.get(key);
    if (index === undefined) {
      index = this.matchers.length;
      this.matchers.push(compileNegation(settings));
      this.indexOfSettings.set(key, index);
    }
    return index;
  }
}

interface ConditionEnvironment {
  readonly patterns: PatternRegistry;
  /** Runs `callback` with the final number of patterns once every rule is compiled. */
  readonly afterRegistration: (callback: (patternCount: number) => void) => void;
  readonly scannedFields: Set<TextField>;
  /** The pack's negation matcher index. */
  readonly negation: number;
  readonly isCauseWithin: ((cause: string, ancestor: string) => boolean) | undefined;
  readonly watchLists: Readonly<Record<string, readonly string[]>>;
  readonly reportMissingList: (list: string) => void;
}

function compileCondition(condition: Condition, environment: ConditionEnvironment): CompiledCondition {
  switch (condition.kind) {
    case 'all':
    case 'any':
    case 'atLeast': {
      const parts = condition.conditions.map((part) => compileCondition(part, environment));
      const needed = condition.kind === 'atLeast' ? condition.count : condition.kind === 'all' ? parts.length : 1;
      return compileCountOf(parts, needed);
    }
    case 'not': {
      const inner = compileCondition(condition.condition, environment);
      return { test: (context) => !inner.test(context), explain: () => {} };
    }
    case 'keywords':
      return compileKeywords(condition, environment);
    case 'cause':
      return compileCause(condition.causes, environment.isCauseWithin);
    case 'caseType':
    case 'procedure': {
      const values = new Set(condition.values);
      const kind = condition.kind;
      const valueOf = (context: ScreeningContext) => context.input[kind];
      return {
        test: (context) => {
          const value = valueOf(context);
          return value !== undefined && values.has(value);
        },
        explain: (context, evidence) => evidence.push({ kind, value: valueOf(context)! }),
      };
    }
    case 'amount': {
      const { bounds } = condition;
      return {
        test: (context) => context.input.amount !== undefined && withinBounds(context.input.amount, bounds, compareDecimalYuan),
        explain: (context, evidence) => evidence.push({ kind: 'amount', amount: context.input.amount!, bounds }),
      };
    }
    case 'parties': {
      const { filter, bounds } = condition;
      const matches = partyMatcher(filter);
      const countOf = (context: ScreeningContext) => {
        let count = 0;
        for (const party of context.input.parties) if (matches(party)) count++;
        return count;
      };
      return {
        test: (context) => withinBounds(countOf(context), bounds, compareNumbers),
        explain: (context, evidence) => evidence.push({ kind: 'partyCount', count: countOf(context), bounds, filter }),
      };
    }
    case 'watchList':
      return compileWatchList(condition.list, condition.filter, environment);
    case 'filedOn': {
      const { from, to } = condition;
      // YYYY-MM-DD strings order like the dates they denote.
      const within = (filedOn: string | undefined) => filedOn !== undefined && (from === undefined || filedOn >= from) && (to === undefined || filedOn <= to);
      return {
        test: (context) => within(context.input.filedOn),
        explain: (context, evidence) => evidence.push({ kind: 'filedOn', filedOn: context.input.filedOn!, from, to }),
      };
    }
  }
}

/** all / any / at-least-N over sub-conditions; explains only the parts that hold. */
function compileCountOf(parts: readonly CompiledCondition[], needed: number): CompiledCondition {
  return {
    test: (context) => {
      let satisfied = 0;
      for (let i = 0; i < parts.length; i++) {
        if (parts[i]!.test(context) && ++satisfied >= needed) return true;
        if (satisfied + (parts.length - i - 1) < needed) return false;
      }
      return satisfied >= needed;
    },
    explain: (context, evidence) => {
      for (const part of parts) if (part.test(context)) part.explain(context, evidence);
    },
  };
}

/**
 * Keyword any / all / at-least-N over one or more fields. A keyword counts when it has a
 * non-negated occurrence in any of the fields (and, with `near`, one close to a neighbouring
 * keyword). Keywords are compared after case/width folding, so two spellings that fold together
 * count once. `test` walks the keywords hit in the case, not the condition's own list.
 */
function compileKeywords(condition: KeywordCondition, environment: ConditionEnvironment): CompiledCondition {
  for (const field of condition.fields) environment.scannedFields.add(field);
  const fieldMask = condition.fields.reduce((mask, field) => mask | (1 << FIELD_INDEX[field]), 0);
  const negation = condition.negation ? environment.negation : NO_NEGATION;
  const near = condition.near && compileNear(condition.near, environment);
  // One entry per distinct pattern, keeping the first spelling for the evidence.
  const distinct = new Map<number, string>();
  for (const keyword of condition.keywords) {
    const pattern = environment.patterns.idOf(keyword);
    if (!distinct.has(pattern)) distinct.set(pattern, keyword);
  }
  const needed = Math.min(condition.count, distinct.size);
  let isMember = new Uint8Array(0);
  environment.afterRegistration((patternCount) => {
    isMember = new Uint8Array(patternCount);
    for (const pattern of distinct.keys()) isMember[pattern] = 1;
  });
  const counts = (context: ScreeningContext, field: number, pattern: number, length: number) =>
    (near ? firstHitNear(context, field, pattern, length, negation, near) : context.firstValidHit(field, pattern, negation)) >= 0;

  return {
    test: (context) => {
      if (needed > 1) context.beginCounting();
      let present = 0;
      for (let t = 0, touched = context.touchedCountInCase; t < touched; t++) {
        const pattern = context.touchedPattern(t);
        if (isMember[pattern] === 0) continue;
        const field = context.touchedField(t);
        if ((fieldMask & (1 << field)) === 0 || (needed > 1 && context.isCounted(pattern))) continue;
        if (!counts(context, field, pattern, environment.patterns.lengthOf(pattern))) continue;
        if (++present >= needed) return true;
        context.markCounted(pattern);
      }
      return false;
    },
    // Like `test`, walks the keywords hit in the case, so evidence follows the order of first
    // occurrence (facts before claims) and costs nothing for the many keywords that did not occur.
    explain: (context, evidence) => {
      for (let t = 0, touched = context.touchedCountInCase; t < touched; t++) {
        const pattern = context.touchedPattern(t);
        const field = context.touchedField(t);
        if (isMember[pattern] === 0 || (fieldMask & (1 << field)) === 0) continue;
        const keyword = distinct.get(pattern)!;
        const start = near ? firstHitNear(context, field, pattern, keyword.length, negation, near) : context.firstValidHit(field, pattern, negation);
        if (start < 0) continue;
        const occurrences = countCountingHits(context, field, pattern, keyword.length, negation, near);
        const partner = near ? nearPartner(context, field, start, start + keyword.length, near) : null;
        evidence.push(keywordEvidence(context, keyword, TEXT_FIELDS[field]!, start, occurrences, partner));
      }
    },
  };
}

interface CompiledNear {
  readonly keywords: readonly string[];
  readonly patternIds: readonly number[];
  readonly within: number;
}

function compileNear(near: NonNullable<KeywordCondition['near']>, environment: ConditionEnvironment): CompiledNear {
  return { keywords: near.keywords, patternIds: near.keywords.map((keyword) => environment.patterns.idOf(keyword)), within: near.within };
}

/** Gap in code units between [start, end) and [otherStart, otherEnd); 0 when they overlap. */
function gapBetween(start: number, end: number, otherStart: number, otherEnd: number): number {
  return otherStart >= end ? otherStart - end : start >= otherEnd ? start - otherEnd : 0;
}

/** Sentence ends: a neighbour in another sentence is not "near", however few characters away. */
const SENTENCE_BOUNDARIES = new Set(['。', '；', ';', '！', '!', '？', '?', '\n', '\r']);

function crossesSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (SENTENCE_BOUNDARIES.has(text[i]!)) return true;
  return false;
}

/** The first neighbouring occurrence within `near.within` of [start, end) in the same sentence, or null. */
function nearPartner(context: ScreeningContext, field: number, start: number, end: number, near: CompiledNear): { keyword: string; start: number; end: number } | null {
  const text = context.texts[field]!;
  for (let k = 0; k < near.patternIds.length; k++) {
    const length = near.keywords[k]!.length;
    for (let hit = context.firstHit(field, near.patternIds[k]!); hit !== -1; hit = context.nextHit(hit)) {
      const otherStart = context.hitStart(hit);
      const otherEnd = otherStart + length;
      if (otherStart - end > near.within) break; // hits come in order of end offset
      if (gapBetween(start, end, otherStart, otherEnd) > near.within) continue;
      if (!crossesSentence(text, Math.min(end, otherEnd), Math.max(start, otherStart))) return { keyword: near.keywords[k]!, start: otherStart, end: otherEnd };
    }
  }
  return null;
}

function firstHitNear(context: ScreeningContext, field: number, pattern: number, length: number, negation: number, near: CompiledNear): number {
  for (let hit = context.firstHit(field, pattern); hit !== -1; hit = context.nextHit(hit)) {
    const start = context.hitStart(hit);
    if (!context.isNegated(field, start, negation) && nearPartner(context, field, start, start + length, near)) return start;
  }
  return -1;
}

/** Occurrences that count (not negated and, with `near`, close to a neighbour), for evidence. */
function countCountingHits(context: ScreeningContext, field: number, pattern: number, length: number, negation: number, near: CompiledNear | undefined): number {
  let count = 0;
  for (let hit = context.firstHit(field, pattern); hit !== -1; hit = context.nextHit(hit)) {
    const start = context.hitStart(hit);
    if (!context.isNegated(field, start, negation) && (!near || nearPartner(context, field, start, start + length, near))) count++;
  }
  return count;
}

function keywordEvidence(
  context: ScreeningContext,
  keyword: string,
  field: TextField,
  start: number,
  occurrences: number,
  near: { keyword: string; start: number; end: number } | null,
): Evidence {
  const end = start + keyword.length;
  const { snippet, snippetStart } = snippetAround(context.texts[FIELD_INDEX[field]]!, start, end);
  return near
    ? { kind: 'keyword', keyword, field, start, end, occurrences, snippet, snippetStart, near }
    : { kind: 'keyword', keyword, field, start, end, occurrences, snippet, snippetStart };
}

/**
 * A rule's exclusions: any occurrence of any listed word in the listed fields vetoes the rule —
 * unless the exclusions opt into negation and the occurrence stands in a negation context.
 */
function compileExclusions(exclusions: NonNullable<RuleSpec['exclusions']>, environment: ConditionEnvironment): (context: ScreeningContext) => boolean {
  const veto = compileKeywords(
    { kind: 'keywords', fields: exclusions.fields, match: 'any', count: 1, keywords: exclusions.keywords, negation: exclusions.negation },
    environment,
  );
  return veto.test;
}

function compileCause(causes: readonly string[], isCauseWithin: ConditionEnvironment['isCauseWithin']): CompiledCondition {
  const exact = new Set(causes);
  const ancestorOf = (cause: string): string | undefined =>
    isCauseWithin === undefined ? (exact.has(cause) ? cause : undefined) : causes.find((ancestor) => isCauseWithin(cause, ancestor));
  return {
    test: (context) => context.input.causes.some((cause) => ancestorOf(cause) !== undefined),
    explain: (context, evidence) => {
      for (const cause of context.input.causes) {
        const within = ancestorOf(cause);
        if (within !== undefined) evidence.push({ kind: 'cause', cause, within });
      }
    },
  };
}

function compileWatchList(list: string, filter: PartyFilter, environment: ConditionEnvironment): CompiledCondition {
  const names = environment.watchLists[list];
  if (names === undefined) environment.reportMissingList(list);
  // Both sides in the register's form (party-name.ts): width, case, spacing and middle dots do not count.
  const listed = new Set((names ?? []).map(normalizePartyName));
  const matches = partyMatcher(filter);
  const isListed = (party: ScreeningParty) => matches(party) && listed.has(normalizePartyName(party.name));
  return {
    test: (context) => context.input.parties.some(isListed),
    explain: (context, evidence) => {
      for (const party of context.input.parties.filter(isListed)) evidence.push({ kind: 'watchList', list, partyName: party.name, role: party.role });
    },
  };
}

/** A party passes when its role, kind and (any one of its) flags are among those listed; an omitted list allows all. */
function partyMatcher(filter: PartyFilter): (party: ScreeningParty) => boolean {
  const roles = filter.roles && new Set(filter.roles);
  const kinds = filter.kinds && new Set<string>(filter.kinds);
  const flags = filter.flags && new Set(filter.flags);
  return (party) =>
    (roles === undefined || roles.has(party.role)) &&
    (kinds === undefined || kinds.has(party.kind)) &&
    (flags === undefined || party.flags.some((flag) => flags.has(flag)));
}

const OPERATOR_HOLDS: Record<ComparisonOperator, (order: number) => boolean> = {
  gte: (order) => order >= 0,
  gt: (order) => order > 0,
  lte: (order) => order <= 0,
  lt: (order) => order < 0,
};
const OPERATORS = Object.keys(OPERATOR_HOLDS) as ComparisonOperator[];

function withinBounds<T>(value: T, bounds: Partial<Record<ComparisonOperator, T>>, compare: (a: T, b: T) => number): boolean {
  for (const operator of OPERATORS) {
    const bound = bounds[operator];
    if (bound !== undefined && !OPERATOR_HOLDS[operator](compare(value, bound))) return false;
  }
  return true;
}

function compareNumbers(a: number, b: number): number {
  return a - b;
}

/**
 * Names of the watch-lists that the enabled rules of `packs` refer to, sorted, so a caller can load
 * exactly those lists before `compileRulePacks` (which rejects a reference to a missing list).
 */
export function listReferencedWatchLists(packs: readonly RulePack[]): string[] {
  const names = new Set<string>();
  const visit = (condition: Condition): void => {
    switch (condition.kind) {
      case 'all':
      case 'any':
      case 'atLeast':
        condition.conditions.forEach(visit);
        return;
      case 'not':
        visit(condition.condition);
        return;
      case 'watchList':
        names.add(condition.list);
        return;
      default:
        return;
    }
  };
  for (const pack of packs) for (const rule of pack.rules) if (rule.enabled) visit(rule.when);
  return [...names].sort();
}
