import { caseTypeLabel, instanceLabel, type CaseType, type Instance } from './case-number.js';
import { caseStatusLabel, procedureLabel, type CaseInput, type CaseStatus, type Procedure } from './court-case.js';
import { parsePartyList } from './parties.js';

/** Columns of the CSV/XLSX template, in order; `*` marks required ones in the header row. */
export const CASE_COLUMNS = [
  { header: '案号', field: 'caseNumber', required: true, example: '(2024)示0101民初1号', note: '（年度）法院代字 + 类型代字 + 编号 + 号' },
  { header: '案件类型', field: 'caseType', required: false, example: '民事', note: '民事/刑事/行政/执行/国家赔偿/其他；不填时按案号类型代字判断' },
  { header: '审级', field: 'instance', required: false, example: '一审', note: '一审/二审/再审/再审审查/执行/特别程序/其他' },
  { header: '审理程序', field: 'procedure', required: false, example: '普通程序', note: '普通程序/简易程序/小额诉讼程序/速裁程序/特别程序/其他' },
  { header: '案由', field: 'causes', required: false, example: '民间借贷纠纷', note: '多个案由以“；”分隔' },
  { header: '立案日期', field: 'filedOn', required: true, example: '2024-01-05', note: '如 2024-01-05、2024/1/5、2024年1月5日' },
  { header: '结案日期', field: 'closedOn', required: false, example: '', note: '已结案件必填' },
  { header: '案件状态', field: 'status', required: false, example: '在审', note: '在审/中止/已结；默认在审' },
  { header: '承办法官', field: 'judgeName', required: false, example: '王法官', note: '' },
  { header: '承办部门', field: 'departmentName', required: false, example: '民事审判第一庭', note: '' },
  { header: '标的额（元）', field: 'amount', required: false, example: '150000', note: '精确到分；可写 15万' },
  { header: '当事人', field: 'parties', required: false, example: '原告：张三；被告：某某房地产开发有限公司（法人）', note: '“角色：名称（类型、标记）”，以“；”分隔' },
  { header: '代理律师', field: 'lawyers', required: false, example: '李律师（某某律师事务所）', note: '“姓名（律所）”，以“；”分隔' },
  { header: '诉讼请求', field: 'claims', required: false, example: '判令被告归还借款 15 万元', note: '' },
  { header: '事实与理由', field: 'facts', required: false, example: '原告与被告系朋友关系……', note: '' },
] as const;

export type CaseColumnField = (typeof CASE_COLUMNS)[number]['field'];

export const caseFieldHeader: Record<string, string> = Object.fromEntries(CASE_COLUMNS.map((c) => [c.field, c.header]));

function reverse<T extends string>(labels: Record<T, string>): Map<string, T> {
  return new Map(Object.entries(labels).map(([k, v]) => [v as string, k as T]));
}
const caseTypeByLabel = reverse<CaseType>(caseTypeLabel);
const instanceByLabel = reverse<Instance>(instanceLabel);
const procedureByLabel = reverse<Procedure>(procedureLabel);
const statusByLabel = reverse<CaseStatus>(caseStatusLabel);

/** 2024-1-5, 2024/01/05, 2024.1.5, 2024年1月5日 → 2024-01-05; undefined when not a date shape. */
export function normaliseDateCell(text: string): string | undefined {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text.trim());
  if (!match) return undefined;
  return `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
}

export interface ColumnProblem {
  column: string;
  message: string;
}

export type CaseRowResult = { ok: true; input: CaseInput } | { ok: false; problems: ColumnProblem[] };

/** Finds each template column in a header row; headers may carry a trailing * and spaces. */
export function matchCaseHeader(headerRow: readonly string[]): { indexes: Map<CaseColumnField, number>; missing: string[] } {
  const clean = headerRow.map((h) => h.replace(/^\uFEFF/, '').replace(/[*＊\s]/g, ''));
  const indexes = new Map<CaseColumnField, number>();
  for (const column of CASE_COLUMNS) {
    const at = clean.indexOf(column.header.replace(/\s/g, ''));
    if (at >= 0) indexes.set(column.field, at);
  }
  const missing = CASE_COLUMNS.filter((c) => c.required && !indexes.has(c.field)).map((c) => c.header);
  return { indexes, missing };
}

/**
 * Maps one flat-file row (cells by field) to the API's CaseInput, translating Chinese labels and
 * parsing the 当事人 and 代理律师 cells. Every problem names its column.
 */
export function mapCaseRow(cell: (field: CaseColumnField) => string): CaseRowResult {
  const problems: ColumnProblem[] = [];
  const text = (field: CaseColumnField) => cell(field).trim();
  const label = <T extends string>(field: CaseColumnField, map: Map<string, T>): T | undefined => {
    const value = text(field);
    if (!value) return undefined;
    const found = map.get(value) ?? ([...map.values()] as string[]).find((v) => v === value) as T | undefined;
    if (!found) problems.push({ column: caseFieldHeader[field]!, message: `“${value}”不在可选范围内（${[...map.keys()].join('/')}）` });
    return found;
  };
  const date = (field: CaseColumnField) => {
    const value = text(field);
    if (!value) return undefined;
    const normalised = normaliseDateCell(value);
    if (!normalised) problems.push({ column: caseFieldHeader[field]!, message: `“${value}”不是日期（如 2024-01-05）` });
    return normalised;
  };

  const parties = text('parties') ? parsePartyList(text('parties')) : { ok: true as const, parties: [] };
  if (!parties.ok) problems.push({ column: '当事人', message: parties.message });
  const lawyers = text('lawyers')
    .split(/[；;\n]/)
    .map((e) => e.trim())
    .filter(Boolean)
    .map((entry) => {
      const m = /^(.+?)\s*(?:[（(]([^（）()]*)[）)])?$/.exec(entry)!;
      return { name: m[1]!.trim(), firm: (m[2] ?? '').trim(), represents: '' };
    });

  const input: CaseInput = {
    caseNumber: text('caseNumber'),
    caseType: label('caseType', caseTypeByLabel),
    instance: label('instance', instanceByLabel),
    procedure: label('procedure', procedureByLabel),
    causes: text('causes').split(/[；;、\n]/).map((c) => c.trim()).filter(Boolean),
    filedOn: date('filedOn') ?? text('filedOn'),
    closedOn: date('closedOn') ?? null,
    status: label('status', statusByLabel),
    judgeName: text('judgeName') || null,
    departmentName: text('departmentName') || null,
    amount: text('amount') || null,
    facts: cell('facts'),
    claims: cell('claims'),
    parties: parties.ok ? parties.parties : [],
    lawyers,
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, input };
}
