import type { KeywordAutomaton } from './automaton.js';
import type { Evidence, ScreeningFinding } from './finding.js';
import type { NegationMatcher } from './negation.js';
import { RISK_LEVELS, TEXT_FIELDS, type TextField } from './rule-schema.js';
import type { ScreeningInput } from './screening-input.js';

/** Index of each text field in the hit table. */
export const FIELD_INDEX: Readonly<Record<TextField, number>> = { facts: 0, claims: 1, causes: 2, partyNames: 3 };

/** Snippet radius around a keyword hit (issue 3: "±30-character snippet"). */
const SNIPPET_RADIUS = 30;

/** "No negation applies": the hit counts wherever it stands. */
export const NO_NEGATION = -1;

/**
 * Keyword hits of the case being screened, per (field, keyword), plus the case itself.
 *
 * One context is reused for every case a screener sees, so nothing is allocated per case except
 * the hit list when it outgrows its buffer. Slots are stamped with the case's epoch instead of
 * being cleared, and negation is checked lazily: only for hits a rule actually asks about, and the
 * answer is cached for the rest of the case.
 */
export class ScreeningContext {
  input!: ScreeningInput;
  readonly texts: string[] = TEXT_FIELDS.map(() => '');
  private epoch = 0;
  private currentField = 0;
  private readonly slotEpoch: Int32Array;
  private readonly firstHitOfSlot: Int32Array;
  private readonly lastHit: Int32Array;
  private hitStartOf = new Int32Array(1024);
  private hitNext = new Int32Array(1024);
  private hitCount = 0;
  private readonly verdictEpoch: Int32Array;
  private readonly verdict: Int32Array;
  /** Keywords hit in this case, each listed once per field it occurs in, with that field. */
  private readonly touchedPatterns: Int32Array;
  private readonly touchedFields: Uint8Array;
  private touchedCount = 0;
  /** Scratch for counting distinct keywords (see `beginCounting`). */
  private readonly countedStamp: Float64Array;
  private countingStamp = 0;

  constructor(
    private readonly patternCount: number,
    private readonly negations: readonly NegationMatcher[],
  ) {
    const slots = TEXT_FIELDS.length * patternCount;
    this.slotEpoch = new Int32Array(slots);
    this.firstHitOfSlot = new Int32Array(slots);
    this.lastHit = new Int32Array(slots);
    this.touchedPatterns = new Int32Array(slots);
    this.touchedFields = new Uint8Array(slots);
    this.countedStamp = new Float64Array(patternCount);
    this.verdictEpoch = new Int32Array(slots * Math.max(1, negations.length));
    this.verdict = new Int32Array(slots * Math.max(1, negations.length));
  }

  /** Starts a new case: all previous hits become invisible without touching the tables. */
  begin(input: ScreeningInput): void {
    this.input = input;
    this.hitCount = 0;
    this.touchedCount = 0;
    if (this.epoch === 0x7fffffff) {
      this.epoch = 0;
      this.slotEpoch.fill(0);
      this.verdictEpoch.fill(0);
    }
    this.epoch++;
  }

  /** Runs the automaton over one field's text, recording every occurrence. */
  scanField(automaton: KeywordAutomaton, field: number, text: string): void {
    this.texts[field] = text;
    if (text.length === 0) return;
    this.currentField = field;
    automaton.scan(text, this.recordHit);
  }

  private readonly recordHit = (pattern: number, start: number): void => {
    const slot = this.currentField * this.patternCount + pattern;
    if (this.hitCount === this.hitStartOf.length) this.growHitBuffer();
    const hit = this.hitCount++;
    this.hitStartOf[hit] = start;
    this.hitNext[hit] = -1;
    if (this.slotEpoch[slot] !== this.epoch) {
      this.slotEpoch[slot] = this.epoch;
      this.firstHitOfSlot[slot] = hit;
      this.touchedFields[this.touchedCount] = this.currentField;
      this.touchedPatterns[this.touchedCount++] = pattern;
    } else {
      this.hitNext[this.lastHit[slot]!] = hit;
    }
    this.lastHit[slot] = hit;
  };

  private growHitBuffer(): void {
    const start = new Int32Array(this.hitStartOf.length * 2);
    start.set(this.hitStartOf);
    const next = new Int32Array(this.hitNext.length * 2);
    next.set(this.hitNext);
    this.hitStartOf = start;
    this.hitNext = next;
  }

  /**
   * How many (field, keyword) pairs have hits in this case. Conditions iterate these (typically a
   * few dozen) instead of their own keyword lists (often hundreds).
   */
  get touchedCountInCase(): number {
    return this.touchedCount;
  }

  /** The keyword of the `index`-th (field, keyword) pair hit in this case. */
  touchedPattern(index: number): number {
    return this.touchedPatterns[index]!;
  }

  /** The field of the `index`-th (field, keyword) pair hit in this case. */
  touchedField(index: number): number {
    return this.touchedFields[index]!;
  }

  /** Starts counting distinct keywords; `isCounted`/`markCounted` then refer to this count. */
  beginCounting(): void {
    this.countingStamp++;
  }

  isCounted(pattern: number): boolean {
    return this.countedStamp[pattern] === this.countingStamp;
  }

  markCounted(pattern: number): void {
    this.countedStamp[pattern] = this.countingStamp;
  }

  /** Index of the first recorded occurrence of `pattern` in `field` (in order of end offset), or −1. */
  firstHit(field: number, pattern: number): number {
    const slot = field * this.patternCount + pattern;
    return this.slotEpoch[slot] === this.epoch ? this.firstHitOfSlot[slot]! : -1;
  }

  /** The occurrence after `hit` of the same keyword in the same field, or −1. */
  nextHit(hit: number): number {
    return this.hitNext[hit]!;
  }

  /** Start offset of occurrence `hit`. */
  hitStart(hit: number): number {
    return this.hitStartOf[hit]!;
  }

  /** Whether negation setting `negation` voids a hit starting at `start` in `field`. */
  isNegated(field: number, start: number, negation: number): boolean {
    return negation !== NO_NEGATION && this.negations[negation]!.isNegated(this.texts[field]!, start);
  }

  /**
   * Start offset of the first occurrence of `pattern` in `field` that negation setting `negation`
   * (an index, or `NO_NEGATION`) does not void; −1 when there is none. Cached per case.
   */
  firstValidHit(field: number, pattern: number, negation: number): number {
    const first = this.firstHit(field, pattern);
    if (first === -1 || negation === NO_NEGATION) return first === -1 ? -1 : this.hitStartOf[first]!;
    const cached = (field * this.patternCount + pattern) * this.negations.length + negation;
    if (this.verdictEpoch[cached] === this.epoch) return this.verdict[cached]!;
    let found = -1;
    for (let hit = first; hit !== -1; hit = this.hitNext[hit]!) {
      if (!this.isNegated(field, this.hitStartOf[hit]!, negation)) {
        found = this.hitStartOf[hit]!;
        break;
      }
    }
    this.verdictEpoch[cached] = this.epoch;
    this.verdict[cached] = found;
    return found;
  }
}

/** A condition compiled to closures: a fast yes/no, and an explanation run only for fired rules. */
export interface CompiledCondition {
  test(context: ScreeningContext): boolean;
  /** Appends evidence for the parts of the condition that hold; call only when `test` is true. */
  explain(context: ScreeningContext, evidence: Evidence[]): void;
}

export interface CompiledRule {
  /** The finding this rule produces, without its evidence. */
  readonly finding: Omit<ScreeningFinding, 'evidence'>;
  /** Vetoes the rule when true (the rule's `exclusions`); null when it has none. */
  readonly isExcluded: ((context: ScreeningContext) => boolean) | null;
  readonly condition: CompiledCondition;
  /**
   * Keywords of which at least one must occur for the condition to hold (a necessary condition
   * derived at compile time), so a case without any of them skips the rule; null when the rule
   * can fire without any keyword (e.g. a party-count rule).
   */
  readonly triggers: readonly number[] | null;
}

/** A compiled set of rule packs; see `compileRulePacks`. */
export interface Screener {
  /** Enabled rules compiled in. */
  readonly ruleCount: number;
  /** The enabled rules, pack order (a backtest lists rules that hit nothing too). */
  readonly rules: readonly { readonly ruleId: string; readonly pack: string; readonly title: string }[];
  /** Distinct keywords (after case/width folding) in the automaton. */
  readonly keywordCount: number;
  /**
   * Screens one case: one automaton pass per text field any rule looks at, then every rule's
   * closures. Findings come most severe first, rule-pack order within a level. Synchronous and
   * not re-entrant (a screener reuses its scratch tables); use one screener per worker.
   */
  screen(input: ScreeningInput): ScreeningFinding[];
}

const SEVERITY = new Map(RISK_LEVELS.map((level, index) => [level, index]));

/** Wires compiled rules, the shared automaton and a scratch context into a `Screener`. */
export function createScreener(
  automaton: KeywordAutomaton,
  rules: readonly CompiledRule[],
  scannedFields: ReadonlySet<TextField>,
  negations: readonly NegationMatcher[],
): Screener {
  const context = new ScreeningContext(automaton.keywordCount, negations);
  const [facts, claims, causes, partyNames] = TEXT_FIELDS.map((field) => scannedFields.has(field));
  const { rulesOfPattern, rulesOfPatternStart } = indexRulesByTrigger(rules, automaton.keywordCount);
  const alwaysEvaluated = Uint8Array.from(rules, (rule) => (rule.triggers === null ? 1 : 0));
  const candidateStamp = new Float64Array(rules.length);
  let stamp = 0;
  return {
    ruleCount: rules.length,
    rules: rules.map(({ finding }) => ({ ruleId: finding.ruleId, pack: finding.pack, title: finding.title })),
    keywordCount: automaton.keywordCount,
    screen(input) {
      context.begin(input);
      // Causes and party names are scanned one per line; keywords cannot contain a newline, so no
      // hit spans two causes or two names.
      if (facts) context.scanField(automaton, FIELD_INDEX.facts, input.facts);
      if (claims) context.scanField(automaton, FIELD_INDEX.claims, input.claims);
      if (causes) context.scanField(automaton, FIELD_INDEX.causes, input.causes.join('\n'));
      if (partyNames) context.scanField(automaton, FIELD_INDEX.partyNames, input.parties.map((party) => party.name).join('\n'));

      stamp++;
      for (let t = 0, touched = context.touchedCountInCase; t < touched; t++) {
        const pattern = context.touchedPattern(t);
        for (let r = rulesOfPatternStart[pattern]!, end = rulesOfPatternStart[pattern + 1]!; r < end; r++) candidateStamp[rulesOfPattern[r]!] = stamp;
      }

      const findings: ScreeningFinding[] = [];
      for (let r = 0; r < rules.length; r++) {
        if (alwaysEvaluated[r] === 0 && candidateStamp[r] !== stamp) continue;
        const rule = rules[r]!;
        if (!rule.condition.test(context) || rule.isExcluded?.(context)) continue;
        const evidence: Evidence[] = [];
        rule.condition.explain(context, evidence);
        findings.push({ ...rule.finding, evidence });
      }
      return findings.length > 1 ? findings.sort((a, b) => SEVERITY.get(a.level)! - SEVERITY.get(b.level)!) : findings;
    },
  };
}

/** For each keyword, the rules it can trigger, as one flat array with per-keyword offsets. */
function indexRulesByTrigger(rules: readonly CompiledRule[], patternCount: number) {
  const lists: number[][] = Array.from({ length: patternCount }, () => []);
  rules.forEach((rule, index) => new Set(rule.triggers ?? []).forEach((pattern) => lists[pattern]!.push(index)));
  const rulesOfPatternStart = new Int32Array(patternCount + 1);
  lists.forEach((list, pattern) => (rulesOfPatternStart[pattern + 1] = rulesOfPatternStart[pattern]! + list.length));
  return { rulesOfPattern: Int32Array.from(lists.flat()), rulesOfPatternStart };
}

/**
 * The text around [start, end) with `SNIPPET_RADIUS` code units either side, widened by one unit
 * where a cut would split a surrogate pair (an emoji or a CJK Extension B character).
 */
export function snippetAround(text: string, start: number, end: number): { snippet: string; snippetStart: number } {
  let from = Math.max(0, start - SNIPPET_RADIUS);
  let to = Math.min(text.length, end + SNIPPET_RADIUS);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from--;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to++;
  return { snippet: text.slice(from, to), snippetStart: from };
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
