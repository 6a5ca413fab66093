/**
 * Screening benchmark (issue 3, "Performance"): on one deterministic synthetic corpus, in one run,
 * (1) keyword scanning throughput of our automaton vs mint-filter and the `ahocorasick` package on
 * the same ≥ 2,000 keywords, with the number of matches each reports; (2) whole-rule screening
 * with the default packs vs json-rules-engine running the same rules (bench/json-rules-engine-peer.ts),
 * with a check that both fire the same rules on every case they both screened.
 * Single-threaded throughout: the figures are per core.
 */
import AhoCorasick from 'ahocorasick';
import { Mint } from 'mint-filter';
import { buildKeywordAutomaton, compileRulePacks, listReferencedWatchLists, type Condition, type RulePack, type ScreeningInput } from '@courtrisk/core';
import { loadRulePacks } from '../scripts/eval.js';
import { generateCases, syntheticKeywords } from './corpus.js';
import { caseFactsOf, createJsonRulesEngine } from './json-rules-engine-peer.js';
import { measure, measureAsync, type BenchSuite, type Timing } from './suite.js';

const CORPUS = { seed: 20240601, cases: 20_000, minLength: 600, maxLength: 1_500, riskSentenceRate: 0.03 } as const;
/** json-rules-engine is timed on the first cases only: at its speed the full corpus would take minutes. */
const PEER_CASES = 2_000;
const REPETITIONS = 5;

function keywordsOf(packs: readonly RulePack[]): string[] {
  const keywords = new Set<string>();
  const visit = (condition: Condition): void => {
    if (condition.kind === 'keywords') {
      condition.keywords.forEach((keyword) => keywords.add(keyword));
      condition.near?.keywords.forEach((keyword) => keywords.add(keyword));
    } else if (condition.kind === 'not') visit(condition.condition);
    else if (condition.kind === 'all' || condition.kind === 'any' || condition.kind === 'atLeast') condition.conditions.forEach(visit);
  };
  for (const rule of packs.flatMap((pack) => pack.rules)) {
    visit(rule.when);
    rule.exclusions?.keywords.forEach((keyword) => keywords.add(keyword));
  }
  return [...keywords];
}

const megabytes = (texts: readonly string[]) => texts.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0) / 1e6;
const characters = (texts: readonly string[]) => texts.reduce((sum, text) => sum + text.length, 0);
const format = (value: number, digits = 1) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

interface ScanResult {
  readonly name: string;
  readonly timing: Timing;
  readonly matches: number;
}

/** "`value` per wall-clock second (per CPU-second)". */
function rates(amount: number, timing: Timing, digits: number): string {
  return `${format(amount / (timing.wallMilliseconds / 1000), digits)} (cpu ${format(amount / (timing.cpuMilliseconds / 1000), digits)})`;
}

function measureScanning(keywords: readonly string[], texts: readonly string[]): ScanResult[] {
  const automaton = buildKeywordAutomaton(keywords);
  const mint = new Mint([...keywords]);
  const ahoCorasick = new AhoCorasick(keywords);
  let matches = 0;
  const countMatch = () => {
    matches++;
  };
  const scanners: { name: string; scan: (text: string) => void; repetitions: number }[] = [
    { name: 'CourtRisk automaton (double-array Aho–Corasick)', scan: (text) => automaton.scan(text, countMatch), repetitions: REPETITIONS },
    { name: 'mint-filter 4.0.3', scan: (text) => (matches += mint.filter(text, { replace: false }).words.length), repetitions: 3 },
    { name: 'ahocorasick 1.0.2', scan: (text) => (matches += ahoCorasick.search(text).reduce((sum, [, found]) => sum + found.length, 0)), repetitions: 3 },
  ];
  return scanners.map(({ name, scan, repetitions }) => {
    const timing = measure(() => {
      matches = 0;
      for (const text of texts) scan(text);
    }, repetitions);
    return { name, timing, matches };
  });
}

async function measurePeerScreening(packs: readonly RulePack[], watchLists: Record<string, readonly string[]>, cases: readonly ScreeningInput[]) {
  const engine = createJsonRulesEngine(packs, watchLists);
  const fired: string[][] = [];
  const timing = await measureAsync(async () => {
    fired.length = 0;
    for (const input of cases) {
      const { events } = await engine.run(caseFactsOf(input));
      fired.push(events.map((event) => event.type).sort());
    }
  }, 1);
  return { timing, fired };
}

export const screeningSuite: BenchSuite = {
  name: 'screening',
  description: 'keyword scanning (vs mint-filter, ahocorasick) and rule screening (vs json-rules-engine)',
  async run() {
    const packs = loadRulePacks();
    const packKeywords = keywordsOf(packs);
    const keywords = [...new Set([...packKeywords, ...syntheticKeywords()])];
    const cases = generateCases({ ...CORPUS, riskKeywords: packKeywords });
    const texts = cases.map((input) => input.facts);
    const lines: string[] = [];
    const corpusMegabytes = megabytes(texts);
    lines.push(
      `corpus: ${cases.length} cases (seed ${CORPUS.seed}), facts ${CORPUS.minLength}–${CORPUS.maxLength} chars, ` +
        `${format(characters(texts) / 1e6, 2)} M chars = ${format(corpusMegabytes, 2)} MB UTF-8; ${keywords.length} keywords (${packKeywords.length} from the default packs)`,
    );

    lines.push('', 'keyword scanning, one core; median of repeated full passes; per wall-clock second (per CPU-second):');
    const scanning = measureScanning(keywords, texts);
    const ours = scanning[0]!;
    for (const result of scanning) {
      lines.push(
        `  ${result.name.padEnd(48)} MB/s ${rates(corpusMegabytes, result.timing, 1).padEnd(18)} M chars/s ${rates(characters(texts) / 1e6, result.timing, 1).padEnd(16)} ` +
          `${result.matches.toLocaleString('en-US').padStart(9)} matches  ${result === ours ? '(reference)' : `ours is ${format(result.timing.wallMilliseconds / ours.timing.wallMilliseconds, 1)}× faster`}`,
      );
    }

    lines.push('', 'whole-rule screening with the default packs, one core; cases per wall-clock second (per CPU-second):');
    // Names the corpus generator produces, so that watch-list rules fire on some cases.
    const watchLists = Object.fromEntries(listReferencedWatchLists(packs).map((name) => [name, ['王某', '李某甲']]));
    const compiled = compileRulePacks(packs, { watchLists });
    if (!compiled.ok) throw new Error(compiled.errors.map((error) => error.message).join('\n'));
    const screener = compiled.screener;
    let flaggedCases = 0;
    const ourTiming = measure(() => {
      flaggedCases = 0;
      for (const input of cases) if (screener.screen(input).length > 0) flaggedCases++;
    }, REPETITIONS);
    const peerCases = cases.slice(0, PEER_CASES);
    const peer = await measurePeerScreening(packs, watchLists, peerCases);
    const speedUp = (cases.length / ourTiming.wallMilliseconds) / (peerCases.length / peer.timing.wallMilliseconds);
    const agreeing = peerCases.filter((input, index) => screener.screen(input).map((finding) => finding.ruleId).sort().join() === peer.fired[index]!.join()).length;
    lines.push(
      `  CourtRisk screener (${screener.ruleCount} rules, ${screener.keywordCount} keywords)  ${rates(cases.length, ourTiming, 0)} cases/s over ${cases.length} cases; ${flaggedCases} (${format((100 * flaggedCases) / cases.length)} %) with findings`,
      `  json-rules-engine 7.3.1, same rules              ${rates(peerCases.length, peer.timing, 0)} cases/s over the first ${peerCases.length} cases`,
      `  speed-up ${format(speedUp, 0)}× (wall-clock); identical rule sets fired on ${agreeing} of ${peerCases.length} cases`,
    );
    return lines;
  },
};
