/**
 * Backtest of the default rule packs on a labelled JSONL file of criminal case facts
 * (shared/data/dev.jsonl and its held-out twin; format in shared/data/README.md).
 *
 *   npm run eval -- <file.jsonl> [--rules <dir>] [--list]
 *   node --import tsx scripts/eval.ts ../shared/data/dev.jsonl
 *
 * Scoring (README "How to score"): each record's `fact` is screened as the facts of a criminal case;
 * a domain is predicted when at least one finding of that domain fires. Precision, recall and F1 per
 * domain over the positive + negative strata; ambiguous-only records are reported separately (how
 * many were flagged, with which domain, and whether that matches the label's suggested category),
 * never counted as errors. `--list` also prints the ids (never the text) of false positives and
 * false negatives per domain, for rule authors. When the file's folder holds mapping.json (as
 * shared/data does), a label audit counts the false positives whose fact itself names one of that
 * domain's charges — multi-count facts whose label lists only one charge.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileRulePacks, listReferencedWatchLists, parseRulePackFiles, RISK_DOMAINS, type RiskDomain, type RulePack, type Screener } from '@courtrisk/core';

/** Default packs shipped with core. */
export const DEFAULT_RULES_DIR = fileURLToPath(new URL('../packages/core/rules/', import.meta.url));

/** Reads and validates every `*.yaml` pack in `dir` (alphabetical order); throws with all errors. */
export function loadRulePacks(dir: string = DEFAULT_RULES_DIR): RulePack[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
  const parsed = parseRulePackFiles(files);
  if (!parsed.ok) throw new Error(parsed.errors.map((error) => error.message).join('\n'));
  return parsed.packs;
}

/**
 * Compiles the packs with every referenced watch-list empty and exact-match causes: the labelled
 * files carry neither party names nor a cause hierarchy.
 */
export function compileOrThrow(packs: readonly RulePack[]): Screener {
  const watchLists = Object.fromEntries(listReferencedWatchLists(packs).map((name) => [name, []]));
  const compiled = compileRulePacks(packs, { watchLists });
  if (!compiled.ok) throw new Error(compiled.errors.map((error) => error.message).join('\n'));
  return compiled.screener;
}

interface LabelledRecord {
  id: string;
  fact: string;
  expected: RiskDomain[];
  ambiguous: { charge: string; suggested: RiskDomain[] }[];
  stratum: 'positive' | 'negative' | 'ambiguous';
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  falsePositives: LabelledRecord[];
  falseNegatives: LabelledRecord[];
}

/** Charge names per domain from mapping.json beside the data file, or null when there is none. */
function loadChargeNames(dataFile: string): Map<RiskDomain, string[]> | null {
  const mappingFile = join(dirname(dataFile), 'mapping.json');
  if (!existsSync(mappingFile)) return null;
  const mapping = JSON.parse(readFileSync(mappingFile, 'utf8')) as { categories: Record<string, { core: string[] }> };
  return new Map(RISK_DOMAINS.map((domain) => [domain, mapping.categories[domain]?.core ?? []]));
}

function flaggedDomains(screener: Screener, fact: string): Set<RiskDomain> {
  const findings = screener.screen({ caseType: '刑事', causes: [], facts: fact, claims: '', parties: [] });
  return new Set(findings.map((finding) => finding.domain));
}

const ratio = (numerator: number, denominator: number) => (denominator === 0 ? 'n/a' : (numerator / denominator).toFixed(2));

function formatTally(domain: RiskDomain, { tp, fp, fn }: Tally): string {
  const precision = tp + fp === 0 ? undefined : tp / (tp + fp);
  const recall = tp + fn === 0 ? undefined : tp / (tp + fn);
  const f1 = precision === undefined || recall === undefined || precision + recall === 0 ? 'n/a' : ((2 * precision * recall) / (precision + recall)).toFixed(2);
  return `${domain} P=${ratio(tp, tp + fp)} R=${ratio(tp, tp + fn)} F1=${f1} tp=${tp} fp=${fp} fn=${fn}`;
}

function main(argv: readonly string[]): void {
  const file = argv.find((arg, index) => !arg.startsWith('--') && argv[index - 1] !== '--rules');
  if (!file) {
    console.error('用法：npm run eval -- <file.jsonl> [--rules <dir>] [--list]');
    process.exitCode = 2;
    return;
  }
  const rulesIndex = argv.indexOf('--rules');
  const screener = compileOrThrow(loadRulePacks(rulesIndex >= 0 ? argv[rulesIndex + 1] : undefined));
  const records = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledRecord);

  const tallies = new Map<RiskDomain, Tally>(RISK_DOMAINS.map((domain) => [domain, { tp: 0, fp: 0, fn: 0, falsePositives: [], falseNegatives: [] }]));
  const ambiguousFlags = new Map<RiskDomain, { flagged: number; suggested: number }>();
  let scored = 0;
  let ambiguousTotal = 0;
  let ambiguousFlagged = 0;

  for (const record of records) {
    const flagged = flaggedDomains(screener, record.fact);
    if (record.stratum === 'ambiguous') {
      ambiguousTotal++;
      if (flagged.size > 0) ambiguousFlagged++;
      const suggested = new Set(record.ambiguous.flatMap((entry) => entry.suggested));
      for (const domain of flagged) {
        const counts = ambiguousFlags.get(domain) ?? { flagged: 0, suggested: 0 };
        counts.flagged++;
        if (suggested.has(domain)) counts.suggested++;
        ambiguousFlags.set(domain, counts);
      }
      continue;
    }
    scored++;
    for (const [domain, tally] of tallies) {
      const expected = record.expected.includes(domain);
      const predicted = flagged.has(domain);
      if (expected && predicted) tally.tp++;
      else if (predicted) {
        tally.fp++;
        tally.falsePositives.push(record);
      } else if (expected) {
        tally.fn++;
        tally.falseNegatives.push(record);
      }
    }
  }

  console.log(`# ${file}: ${records.length} records, ${screener.ruleCount} rules, ${screener.keywordCount} keywords`);
  console.log(`# scoring: per-domain P/R/F1 over the positive + negative strata (${scored} records); a domain counts as predicted when any of its rules fires on the fact`);
  for (const [domain, tally] of tallies) console.log(formatTally(domain, tally));
  const byDomain = [...ambiguousFlags].map(([domain, counts]) => `${domain} ${counts.flagged} (of which suggested ${counts.suggested})`).join(', ');
  console.log(`# ambiguous-only (not scored): ${ambiguousTotal} records, ${ambiguousFlagged} flagged${byDomain ? `: ${byDomain}` : ''}`);
  const chargeNames = loadChargeNames(file);
  for (const [domain, tally] of tallies) {
    const charges = chargeNames?.get(domain) ?? [];
    if (tally.fp === 0 || charges.length === 0) continue;
    const naming = tally.falsePositives.filter((record) => charges.some((charge) => record.fact.includes(charge))).length;
    console.log(`# label audit: ${naming} of the ${tally.fp} ${domain} false positives name a ${domain} charge of mapping.json in the fact itself`);
  }
  if (argv.includes('--list')) {
    const ids = (records: LabelledRecord[]) => records.map((record) => record.id).join(' ');
    for (const [domain, tally] of tallies) {
      if (tally.falsePositives.length) console.log(`# ${domain} false positives: ${ids(tally.falsePositives)}`);
      if (tally.falseNegatives.length) console.log(`# ${domain} false negatives: ${ids(tally.falseNegatives)}`);
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
