/**
 * The json-rules-engine peer for the screening benchmark: every enabled rule of the given packs,
 * translated condition by condition into json-rules-engine rules with the same semantics.
 *
 * - all / any / not → json-rules-engine's own `all` / `any` / `not`;
 * - atLeast n of m → `any` over every n-subset, each an `all` (exact, and native);
 * - caseType / procedure → the built-in `in` operator on a fact;
 * - keywords (any / all / atLeast, per-field, negation, near) → custom operator `keywords`, written
 *   the way a json-rules-engine user would: `indexOf` per keyword per field, then the same negation
 *   matcher and the same same-sentence proximity test as our engine;
 * - exclusions → `not` of a keyword condition;
 * - cause, amount, parties, watchList, filedOn → one custom operator each.
 * Texts are case/width-folded once per case before `run`, as our automaton folds while scanning.
 */
import { Engine, type NestedCondition, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import {
  compareDecimalYuan,
  compileNegation,
  DEFAULT_NEGATION,
  foldText,
  type AmountBounds,
  type Condition,
  type CountBounds,
  type NegationMatcher,
  type PartyFilter,
  type RulePack,
  type ScreeningInput,
  type ScreeningParty,
  type TextField,
} from '@courtrisk/core';

/** What one `engine.run` sees: the case and its folded texts. */
interface CaseFacts {
  readonly input: ScreeningInput;
  readonly texts: Readonly<Record<TextField, string>>;
}

/** The facts object for `engine.run`: the case plus its texts folded once, as our automaton folds while scanning. */
export function caseFactsOf(input: ScreeningInput): { screening: CaseFacts } {
  return {
    screening: {
      input,
      texts: {
        facts: foldText(input.facts),
        claims: foldText(input.claims),
        causes: foldText(input.causes.join('\n')),
        partyNames: foldText(input.parties.map((party) => party.name).join('\n')),
      },
    },
  };
}

interface KeywordSpec {
  readonly fields: readonly TextField[];
  /** How many distinct keywords must count: 1 for any, all of them for all, n for atLeast. */
  readonly count: number;
  readonly keywords: readonly string[];
  readonly negation: NegationMatcher | null;
  readonly near: { readonly keywords: readonly string[]; readonly within: number } | null;
}

const SENTENCE_END = /[。；;！!？?\n\r]/;

function occurrences(text: string, keyword: string): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf(keyword); at !== -1; at = text.indexOf(keyword, at + 1)) starts.push(at);
  return starts;
}

function hasNeighbour(text: string, start: number, end: number, near: NonNullable<KeywordSpec['near']>): boolean {
  return near.keywords.some((keyword) =>
    occurrences(text, keyword).some((otherStart) => {
      const otherEnd = otherStart + keyword.length;
      const gap = otherStart >= end ? otherStart - end : start >= otherEnd ? start - otherEnd : 0;
      return gap <= near.within && !SENTENCE_END.test(text.slice(Math.min(end, otherEnd), Math.max(start, otherStart)));
    }),
  );
}

function keywordCounts(facts: CaseFacts, spec: KeywordSpec, keyword: string): boolean {
  return spec.fields.some((field) => {
    const text = facts.texts[field];
    return occurrences(text, keyword).some(
      (start) => !spec.negation?.isNegated(text, start) && (!spec.near || hasNeighbour(text, start, start + keyword.length, spec.near)),
    );
  });
}

function partyMatches(party: ScreeningParty, filter: PartyFilter): boolean {
  return (
    (!filter.roles || filter.roles.includes(party.role)) &&
    (!filter.kinds || filter.kinds.includes(party.kind)) &&
    (!filter.flags || party.flags.some((flag) => filter.flags!.includes(flag)))
  );
}

function withinBounds<T>(value: T, bounds: Partial<Record<'gte' | 'gt' | 'lte' | 'lt', T>>, compare: (a: T, b: T) => number): boolean {
  const order = (bound: T) => compare(value, bound);
  return (
    (bounds.gte === undefined || order(bounds.gte) >= 0) &&
    (bounds.gt === undefined || order(bounds.gt) > 0) &&
    (bounds.lte === undefined || order(bounds.lte) <= 0) &&
    (bounds.lt === undefined || order(bounds.lt) < 0)
  );
}

function addOperators(engine: Engine, watchLists: Readonly<Record<string, readonly string[]>>): void {
  engine.addOperator<CaseFacts, KeywordSpec>('keywords', (facts, spec) => {
    const present = spec.keywords.filter((keyword) => keywordCounts(facts, spec, keyword)).length;
    return present >= spec.count;
  });
  engine.addOperator<CaseFacts, readonly string[]>('cause', (facts, causes) => facts.input.causes.some((cause) => causes.includes(cause)));
  engine.addOperator<CaseFacts, AmountBounds>('amount', (facts, bounds) => facts.input.amount !== undefined && withinBounds(facts.input.amount, bounds, compareDecimalYuan));
  engine.addOperator<CaseFacts, { filter: PartyFilter; bounds: CountBounds }>('parties', (facts, { filter, bounds }) =>
    withinBounds(facts.input.parties.filter((party) => partyMatches(party, filter)).length, bounds, (a, b) => a - b),
  );
  engine.addOperator<CaseFacts, { list: string; filter: PartyFilter }>('watchList', (facts, { list, filter }) =>
    facts.input.parties.some((party) => partyMatches(party, filter) && (watchLists[list] ?? []).some((name) => name.trim() === party.name.trim())),
  );
  engine.addOperator<CaseFacts, { from?: string; to?: string }>(
    'filedOn',
    (facts, { from, to }) => facts.input.filedOn !== undefined && (from === undefined || facts.input.filedOn >= from) && (to === undefined || facts.input.filedOn <= to),
  );
}

function subsets<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  if (items.length < size) return [];
  const [first, ...rest] = items as [T, ...T[]];
  return [...subsets(rest, size - 1).map((subset) => [first, ...subset]), ...subsets(rest, size)];
}

function translate(condition: Condition, negation: NegationMatcher): NestedCondition {
  const onCase = (operator: string, value: unknown): NestedCondition => ({ fact: 'screening', operator, value });
  switch (condition.kind) {
    case 'all':
      return { all: condition.conditions.map((part) => translate(part, negation)) };
    case 'any':
      return { any: condition.conditions.map((part) => translate(part, negation)) };
    case 'not':
      return { not: translate(condition.condition, negation) };
    case 'atLeast': {
      const combinations = subsets(condition.conditions, condition.count);
      if (combinations.length > 200) throw new Error(`atLeast ${condition.count} of ${condition.conditions.length} expands to too many combinations`);
      return { any: combinations.map((combination) => ({ all: combination.map((part) => translate(part, negation)) })) };
    }
    case 'keywords':
      return onCase('keywords', {
        fields: condition.fields,
        count: condition.count,
        keywords: condition.keywords.map(foldText),
        negation: condition.negation ? negation : null,
        near: condition.near ? { keywords: condition.near.keywords.map(foldText), within: condition.near.within } : null,
      } satisfies KeywordSpec);
    case 'cause':
      return onCase('cause', condition.causes);
    case 'caseType':
    case 'procedure':
      return { fact: 'screening', path: `$.input.${condition.kind}`, operator: 'in', value: condition.values };
    case 'amount':
      return onCase('amount', condition.bounds);
    case 'parties':
      return onCase('parties', { filter: condition.filter, bounds: condition.bounds });
    case 'watchList':
      return onCase('watchList', { list: condition.list, filter: condition.filter });
    case 'filedOn':
      return onCase('filedOn', { from: condition.from, to: condition.to });
  }
}

/** The translated rules of every enabled rule; each rule's event type is its id. */
export function translateRulePacks(packs: readonly RulePack[]): RuleProperties[] {
  return packs.flatMap((pack) => {
    const negation = compileNegation(pack.negation ?? DEFAULT_NEGATION);
    return pack.rules
      .filter((rule) => rule.enabled)
      .map((rule) => {
        const when = translate(rule.when, negation);
        const veto = rule.exclusions && translate({ kind: 'keywords', fields: rule.exclusions.fields, match: 'any', count: 1, keywords: rule.exclusions.keywords, negation: rule.exclusions.negation }, negation);
        const conditions: TopLevelCondition = veto ? { all: [{ not: veto }, when] } : { all: [when] };
        return { name: rule.id, conditions, event: { type: rule.id } };
      });
  });
}

/** A json-rules-engine instance loaded with the translated packs and their custom operators. */
export function createJsonRulesEngine(packs: readonly RulePack[], watchLists: Readonly<Record<string, readonly string[]>>): Engine {
  const engine = new Engine(translateRulePacks(packs), { allowUndefinedFacts: true });
  addOperators(engine, watchLists);
  return engine;
}
