import fs from 'node:fs';
import path from 'node:path';
import {
  CaseInput,
  formatCitations,
  inferPartyKind,
  parseCaseNumber,
  parseRulePackFiles,
  riskDomainLabel,
  riskLevelLabel,
  validateCaseDraft,
  type ScreeningFinding,
} from '@courtrisk/core';
import { buildXlsx } from '../export/xlsx.js';
import { formatOfFileName, openRowSource } from '../imports/file-rows.js';
import { compilePacks, type WatchLists } from './compile-packs.js';
import { DEFAULT_RULES_DIR } from './default-rule-packs.js';
import { toScreeningInput } from './case-screening.js';

export interface ScreenFileResult {
  rows: number;
  screened: number;
  invalid: { row: number; column: string; message: string }[];
  findings: { row: number; caseNumber: string; finding: ScreeningFinding }[];
  byDomain: Record<string, number>;
}

/**
 * Compiles the YAML packs of a directory, or throws with every problem at its file and line.
 * Watch-lists the rules name and `watchLists` lacks compile empty (there is no register here).
 */
export function compileRulesDir(dir: string, watchLists: WatchLists = {}) {
  const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  if (files.length === 0) throw new Error(`目录 ${dir} 中没有 .yaml 规则文件`);
  const parsed = parseRulePackFiles(files.map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') })));
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  const compiled = compilePacks(parsed.packs, watchLists);
  if (!compiled.ok) throw new Error(compiled.errors.map((e) => e.message).join('\n'));
  return compiled.screener;
}

/**
 * Screens a CSV/XLSX/JSONL file of cases with a rule directory, without a server or database
 * (`courtrisk screen`). Rows are validated as on import, except that the 案号's own court code
 * is accepted, since no court is chosen. Without a database there is no 关注名单 register: the
 * lists come from `watchLists` (the CLI reads them from files) or are empty.
 */
export async function screenFile(file: string, rulesDir = DEFAULT_RULES_DIR, today: string, watchLists: WatchLists = {}): Promise<ScreenFileResult> {
  const screener = compileRulesDir(rulesDir, watchLists);
  const result: ScreenFileResult = { rows: 0, screened: 0, invalid: [], findings: [], byDomain: {} };
  const source = openRowSource(file, formatOfFileName(file), { fromRow: 0, onBytes: () => {} });
  for await (const item of source.rows) {
    result.rows++;
    if ('problems' in item) {
      for (const p of item.problems) result.invalid.push({ row: item.row, ...p });
      continue;
    }
    const parsed = CaseInput.safeParse(item.input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) result.invalid.push({ row: item.row, column: issue.path.join('.'), message: issue.message });
      continue;
    }
    const number = parseCaseNumber(parsed.data.caseNumber);
    const checked = validateCaseDraft(parsed.data, { courtCode: number.ok ? number.value.courtCode : '', today, inferPartyKind });
    if (!checked.ok) {
      for (const p of checked.problems) result.invalid.push({ row: item.row, column: p.field, message: p.message });
      continue;
    }
    result.screened++;
    for (const finding of screener.screen(toScreeningInput(checked.draft))) {
      result.findings.push({ row: item.row, caseNumber: checked.draft.caseNumber, finding });
      result.byDomain[finding.domain] = (result.byDomain[finding.domain] ?? 0) + 1;
    }
  }
  return result;
}

function describeEvidence(finding: ScreeningFinding): string {
  return finding.evidence
    .map((e) => {
      switch (e.kind) {
        case 'keyword':
          return `“${e.keyword}”：…${e.snippet}…`;
        case 'amount':
          return `标的额 ${e.amount} 元`;
        case 'partyCount':
          return `当事人 ${e.count} 人`;
        case 'cause':
          return `案由 ${e.cause}`;
        case 'watchList':
          return `${e.role} ${e.partyName} 在${e.list}中`;
        default:
          return e.kind;
      }
    })
    .join('；');
}

/** Writes the findings as XLSX (one row per finding) or JSONL (one line per finding). */
export async function writeScreenReport(result: ScreenFileResult, out: string) {
  if (out.toLowerCase().endsWith('.jsonl')) {
    const lines = result.findings.map((f) => JSON.stringify({ row: f.row, caseNumber: f.caseNumber, ...f.finding }));
    fs.writeFileSync(out, lines.join('\n') + (lines.length ? '\n' : ''));
    return;
  }
  const xlsx = await buildXlsx('筛查结果', [
    { header: '行号', width: 8, value: (f: ScreenFileResult['findings'][number]) => f.row },
    { header: '案号', width: 26, value: (f) => f.caseNumber },
    { header: '风险类别', value: (f) => riskDomainLabel[f.finding.domain] },
    { header: '等级', value: (f) => riskLevelLabel[f.finding.level] },
    { header: '规则', width: 20, value: (f) => `${f.finding.ruleId} v${f.finding.ruleVersion}` },
    { header: '预警', width: 30, value: (f) => f.finding.title },
    { header: '证据', width: 80, value: (f) => describeEvidence(f.finding) },
    { header: '处置建议', width: 50, value: (f) => f.finding.suggestedAction },
    { header: '依据', width: 60, value: (f) => formatCitations(f.finding.source) },
  ], result.findings);
  fs.writeFileSync(out, xlsx);
}
