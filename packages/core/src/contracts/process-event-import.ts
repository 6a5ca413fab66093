import { z } from 'zod';
import { normaliseDateCell, type ColumnProblem } from '../cases/case-row.js';
import { CLOCK_RESTART_REASONS, clockRestartReasonLabel, EXCLUDED_PERIOD_KINDS, EXCLUDED_PERIOD_RULES, EXTENSION_APPROVERS, extensionApproverLabel } from '../deadlines/procedures.js';
import { Id } from './common.js';
import { TrialLimitEventInput } from './trial-limit.js';

/**
 * 审限事项导入 (issue 5): one row per recorded event, keyed by 案号 + the event's identity
 * (processEventKey), so importing the same file twice changes nothing. The columns and the
 * API batch share the engine's event schema (TrialLimitEventInput).
 */
export const PROCESS_EVENT_COLUMNS = [
  { header: '案号', field: 'caseNumber', required: true, example: '(2025)示0101民初101号', note: '须为本院已有案件' },
  { header: '事项', field: 'type', required: true, example: '扣除审限', note: '延长审限/扣除审限/中止/恢复/重新计算审限/结案' },
  { header: '日期', field: 'date', required: true, example: '2025-10-01', note: '延长审限填批准日期；扣除审限填起始日（含）；其余填事项发生日' },
  { header: '结束日期', field: 'end', required: false, example: '2025-10-10', note: '扣除审限的终止日（含）；尚未结束可不填，结束后再导入同一行补填' },
  { header: '扣除事由', field: 'kind', required: false, example: '鉴定期间', note: `扣除审限必填：${EXCLUDED_PERIOD_KINDS.map((k) => EXCLUDED_PERIOD_RULES[k].label).join('/')}` },
  { header: '批准主体', field: 'approver', required: false, example: '', note: `延长审限必填：${EXTENSION_APPROVERS.map((a) => extensionApproverLabel[a]).join('/')}` },
  { header: '延长期限', field: 'length', required: false, example: '', note: '延长审限必填，如 6个月、15日、1个月15日' },
  { header: '申请日期', field: 'requestedOn', required: false, example: '', note: '延长审限的申请日期（执行案件须在期限届满五日前申请）' },
  { header: '重新计算事由', field: 'reason', required: false, example: '', note: `重新计算审限必填：${CLOCK_RESTART_REASONS.map((r) => clockRestartReasonLabel[r]).join('/')}` },
] as const;
export type ProcessEventColumnField = (typeof PROCESS_EVENT_COLUMNS)[number]['field'];

const header: Record<ProcessEventColumnField, string> = Object.fromEntries(PROCESS_EVENT_COLUMNS.map((c) => [c.field, c.header])) as Record<ProcessEventColumnField, string>;

const TYPE_BY_LABEL: Record<string, TrialLimitEventInput['type']> = {
  延长审限: 'extension',
  延长: 'extension',
  扣除审限: 'excludedPeriod',
  扣除: 'excludedPeriod',
  中止: 'suspension',
  中止审理: 'suspension',
  恢复: 'resumption',
  恢复审理: 'resumption',
  重新计算审限: 'clockRestart',
  重新计算: 'clockRestart',
  结案: 'closing',
};

/** 公告期间 / 公告 / publicNotice all name the same kind (labels without the trailing 期间 too). */
function lookup<T extends string>(codes: readonly T[], label: (code: T) => string, text: string): T | undefined {
  const wanted = text.replace(/\s/g, '');
  return codes.find((code) => code === wanted || label(code) === wanted || label(code).replace(/期间$/, '') === wanted || label(code).startsWith(wanted + '（'));
}

/** Short names staff write for the approvers. */
const APPROVER_ALIASES: Record<string, (typeof EXTENSION_APPROVERS)[number]> = {
  院长: 'courtPresident',
  上级法院: 'higherCourt',
  上一级法院: 'higherCourt',
  上一级人民法院: 'higherCourt',
  高院: 'highCourt',
  高级法院: 'highCourt',
  最高法: 'supremeCourt',
  最高法院: 'supremeCourt',
};

/** 6个月, 15日, 1个月15日, 一个半月 is not accepted (write 1个月15日). */
function parseLength(text: string): { months: number; days: number } | undefined {
  const match = /^(?:(\d+)\s*个?月)?\s*(?:(\d+)\s*[日天])?$/.exec(text.replace(/\s/g, ''));
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  return { months: Number(match[1] ?? 0), days: Number(match[2] ?? 0) };
}

export type ProcessEventRowResult =
  | { ok: true; caseNumber: string; input: TrialLimitEventInput }
  | { ok: false; caseNumber: string | undefined; problems: ColumnProblem[] };

/**
 * One template row (cells by field) → an event for the case 案号, or every problem with the column
 * header and a Chinese reason. The engine schema decides what each event needs; its messages are
 * mapped back to the columns.
 */
export function mapProcessEventRow(cell: (field: ProcessEventColumnField) => string): ProcessEventRowResult {
  const caseNumber = cell('caseNumber').trim() || undefined;
  const problems: ColumnProblem[] = [];
  if (!caseNumber) problems.push({ column: header.caseNumber, message: '案号不能为空' });
  const typeText = cell('type').trim();
  const type = TYPE_BY_LABEL[typeText.replace(/\s/g, '')];
  if (!type) problems.push({ column: header.type, message: typeText ? `无法识别的事项“${typeText}”，应为延长审限/扣除审限/中止/恢复/重新计算审限/结案` : '事项不能为空' });
  const date = (field: 'date' | 'end' | 'requestedOn') => {
    const text = cell(field).trim();
    if (!text) return undefined;
    const normalised = normaliseDateCell(text);
    if (!normalised) problems.push({ column: header[field], message: `日期格式不正确：“${text}”，应如 2025-10-01` });
    return normalised;
  };
  const on = date('date');
  if (!cell('date').trim()) problems.push({ column: header.date, message: '日期不能为空' });
  if (!type || problems.length > 0) return { ok: false, caseNumber, problems };

  let candidate: Record<string, unknown> = { type };
  if (type === 'extension') {
    const approverText = cell('approver').trim();
    const approver = approverText ? (lookup(EXTENSION_APPROVERS, (a) => extensionApproverLabel[a], approverText) ?? APPROVER_ALIASES[approverText]) : undefined;
    if (!approver) problems.push({ column: header.approver, message: approverText ? `无法识别的批准主体“${approverText}”` : '延长审限须填写批准主体' });
    const lengthText = cell('length').trim();
    const length = lengthText ? parseLength(lengthText) : undefined;
    if (!length) problems.push({ column: header.length, message: lengthText ? `延长期限格式不正确：“${lengthText}”，应如 6个月、15日` : '延长审限须填写延长期限' });
    const requestedOn = date('requestedOn');
    candidate = { type, approver, length, approvedOn: on, ...(requestedOn ? { requestedOn } : {}) };
  } else if (type === 'excludedPeriod') {
    const kindText = cell('kind').trim();
    const kind = kindText ? lookup(EXCLUDED_PERIOD_KINDS, (k) => EXCLUDED_PERIOD_RULES[k].label, kindText) : undefined;
    if (!kind) problems.push({ column: header.kind, message: kindText ? `无法识别的扣除事由“${kindText}”` : '扣除审限须填写扣除事由' });
    const end = date('end');
    if (end && on && end < on) problems.push({ column: header.end, message: '结束日期早于起始日' });
    candidate = { type, kind, start: on, ...(end ? { end } : {}) };
  } else if (type === 'clockRestart') {
    const reasonText = cell('reason').trim();
    const reason = reasonText ? lookup(CLOCK_RESTART_REASONS, (r) => clockRestartReasonLabel[r], reasonText) : undefined;
    if (!reason) problems.push({ column: header.reason, message: reasonText ? `无法识别的重新计算事由“${reasonText}”` : '重新计算审限须填写重新计算事由' });
    candidate = { type, reason, on };
  } else {
    candidate = { type, on };
  }
  if (problems.length > 0) return { ok: false, caseNumber, problems };
  const parsed = TrialLimitEventInput.safeParse(candidate);
  if (!parsed.success) {
    return { ok: false, caseNumber, problems: parsed.error.issues.map((issue) => ({ column: columnOfPath(String(issue.path[0] ?? '')), message: issue.message })) };
  }
  return { ok: true, caseNumber: caseNumber!, input: parsed.data };
}

const COLUMN_OF_FIELD: Record<string, ProcessEventColumnField> = { approvedOn: 'date', start: 'date', on: 'date', end: 'end', kind: 'kind', approver: 'approver', length: 'length', requestedOn: 'requestedOn', reason: 'reason' };
const columnOfPath = (path: string) => header[COLUMN_OF_FIELD[path] ?? 'type'];

/** Finds each template column in a header row (a trailing * and spaces allowed). */
export function matchProcessEventHeader(headerRow: readonly string[]): { indexes: Map<ProcessEventColumnField, number>; missing: string[] } {
  const clean = headerRow.map((h) => h.replace(/^\uFEFF/, '').replace(/[*＊\s]/g, ''));
  const indexes = new Map<ProcessEventColumnField, number>();
  for (const column of PROCESS_EVENT_COLUMNS) {
    const at = clean.indexOf(column.header);
    if (at >= 0) indexes.set(column.field, at);
  }
  return { indexes, missing: PROCESS_EVENT_COLUMNS.filter((c) => c.required && !indexes.has(c.field)).map((c) => c.header) };
}

// ── API ──────────────────────────────────────────────────────────────────────────────────────────

/** POST /trial-limits/events/batch: events keyed by 案号, at most 1,000 per call. */
export const ProcessEventBatchInput = z.strictObject({
  courtId: Id.optional(),
  events: z
    .array(z.object({ caseNumber: z.string().trim().min(1, { message: '案号不能为空' }), event: z.unknown() }))
    .min(1, { message: '至少提交一条审限事项' })
    .max(1000, { message: '每次最多提交 1000 条审限事项' }),
});
export type ProcessEventBatchInput = z.infer<typeof ProcessEventBatchInput>;

export const ProcessEventImportProblem = z.object({ row: z.number().int(), column: z.string(), message: z.string(), caseNumber: z.string().nullable() });
export type ProcessEventImportProblem = z.infer<typeof ProcessEventImportProblem>;

export const ProcessEventImportResult = z.object({
  /** The import job keeping the error report (file imports); null for the API batch. */
  jobId: z.string().nullable(),
  totalRows: z.number().int(),
  created: z.number().int(),
  /** Open excluded periods whose end day the row supplied. */
  completed: z.number().int(),
  unchanged: z.number().int(),
  errorRows: z.number().int(),
  /** Cases whose warning was raised, escalated, updated or retired by the new events. */
  casesRecomputed: z.number().int(),
  /** The first 500 problems (all of them in the XLSX error report). */
  errors: z.array(ProcessEventImportProblem),
});
export type ProcessEventImportResult = z.infer<typeof ProcessEventImportResult>;
