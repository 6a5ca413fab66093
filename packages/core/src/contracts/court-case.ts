import { z } from 'zod';
import { CASE_TYPES } from '../cases/case-number.js';
import { CaseInput, CASE_STATUSES } from '../cases/court-case.js';
import { RISK_DOMAINS, RISK_LEVELS, type RiskLevel } from '../screening/rule-schema.js';
import { Id, PageQuery } from './common.js';

/** 突发事件应对法 (2024) 第63条: 一级红 > 二级橙 > 三级黄 > 四级蓝. */
export const riskLevelLabel: Record<RiskLevel, string> = { red: '一级（红）', orange: '二级（橙）', yellow: '三级（黄）', blue: '四级（蓝）' };

const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' });

export const CaseListQuery = PageQuery.extend({
  courtId: Id.optional(),
  caseType: z.enum(CASE_TYPES).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  cause: z.string().trim().max(100).optional(),
  keyword: z.string().trim().max(60).optional(),
  filedFrom: DateText.optional(),
  filedTo: DateText.optional(),
  domain: z.enum(RISK_DOMAINS).optional(),
  level: z.enum(RISK_LEVELS).optional(),
  hasWarnings: z.enum(['true', 'false']).optional(),
  sort: z.enum(['filedOn', 'caseNumber', 'amount']).default('filedOn'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const CaseSummaryView = z.object({
  id: z.string(),
  courtId: z.string(),
  courtName: z.string(),
  caseNumber: z.string(),
  caseType: z.string(),
  instance: z.string(),
  procedure: z.string(),
  causes: z.array(z.string()),
  filedOn: z.string(),
  closedOn: z.string().nullable(),
  status: z.string(),
  judgeName: z.string().nullable(),
  departmentName: z.string().nullable(),
  amountYuan: z.string().nullable(),
  partySummary: z.string(),
  warningCount: z.number().int(),
  topLevel: z.enum(RISK_LEVELS).nullable(),
  version: z.number().int(),
});
export type CaseSummaryView = z.infer<typeof CaseSummaryView>;

export const EvidenceView = z.record(z.string(), z.unknown());

export const WarningView = z.object({
  id: z.string(),
  courtId: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  ruleId: z.string(),
  ruleVersion: z.number().int(),
  pack: z.string(),
  domain: z.enum(RISK_DOMAINS),
  subtype: z.string(),
  level: z.enum(RISK_LEVELS),
  score: z.number().int().nullable(),
  title: z.string(),
  evidence: z.array(EvidenceView),
  suggestedAction: z.string(),
  source: z.string(),
  status: z.enum(['pending', 'confirmed', 'merged', 'dismissed']),
  active: z.boolean(),
  dismissReason: z.string().nullable(),
  triagedBy: z.string().nullable(),
  triagedAt: z.string().nullable(),
  mergedInto: z.string().nullable(),
  /** The risk this warning was confirmed into (a new one or one it joined). */
  riskId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type WarningView = z.infer<typeof WarningView>;

export const CaseDetailView = CaseSummaryView.extend({
  facts: z.string(),
  claims: z.string(),
  parties: z.array(z.object({ role: z.string(), name: z.string(), kind: z.string(), flags: z.array(z.string()) })),
  lawyers: z.array(z.object({ name: z.string(), firm: z.string(), represents: z.string() })),
  warnings: z.array(WarningView),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CaseDetailView = z.infer<typeof CaseDetailView>;

export const CaseBatchInput = z.strictObject({
  courtId: Id.optional(),
  cases: z.array(CaseInput).min(1, { message: '至少提交一件案件' }).max(1000, { message: '一次最多提交 1000 件，请分批或使用文件导入' }),
});
export type CaseBatchInput = z.infer<typeof CaseBatchInput>;

export const RowProblemView = z.object({ row: z.number().int(), column: z.string(), message: z.string(), caseNumber: z.string().nullable() });
export type RowProblemView = z.infer<typeof RowProblemView>;

export const CaseBatchResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(RowProblemView),
});
export type CaseBatchResult = z.infer<typeof CaseBatchResult>;

export const IMPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export const importStatusLabel = { queued: '排队中', running: '导入中', completed: '已完成', failed: '失败' } as const;

export const ImportJobView = z.object({
  id: z.string(),
  courtId: z.string(),
  kind: z.string(),
  fileName: z.string(),
  format: z.string(),
  encoding: z.string().nullable(),
  sizeBytes: z.number(),
  status: z.enum(IMPORT_STATUSES),
  totalRows: z.number().int().nullable(),
  processedRows: z.number().int(),
  okRows: z.number().int(),
  errorRows: z.number().int(),
  createdCount: z.number().int(),
  updatedCount: z.number().int(),
  unchangedCount: z.number().int(),
  /** 0–100, from bytes read when the row count is not known yet. */
  percent: z.number(),
  message: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJobView = z.infer<typeof ImportJobView>;

export const ImportUploadQuery = z.object({
  courtId: Id.optional(),
  fileName: z.string().trim().min(1, { message: '缺少文件名' }).max(200).regex(/\.(csv|xlsx|jsonl|ndjson)$/i, { message: '只支持 CSV、XLSX、JSONL 文件' }),
});

export const WarningListQuery = PageQuery.extend({
  courtId: Id.optional(),
  caseId: Id.optional(),
  status: z.enum(['pending', 'confirmed', 'merged', 'dismissed']).optional(),
  domain: z.enum(RISK_DOMAINS).optional(),
  level: z.enum(RISK_LEVELS).optional(),
  ruleId: z.string().max(100).optional(),
  includeInactive: z.enum(['true', 'false']).default('false'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type WarningListQuery = z.infer<typeof WarningListQuery>;

/**
 * GET /petition-warnings, GET /opinion-warnings (预警列表 tabs 信访预警 / 舆情预警): newest first;
 * petition warnings no longer raised are left out unless `includeInactive=true`.
 */
export const SourceWarningListQuery = PageQuery.extend({
  courtId: Id.optional(),
  status: z.enum(['pending', 'confirmed']).optional(),
  level: z.enum(RISK_LEVELS).optional(),
  includeInactive: z.enum(['true', 'false']).default('false'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type SourceWarningListQuery = z.infer<typeof SourceWarningListQuery>;

/**
 * 可能性 / 影响程度 1–5 as in risks/scoring.ts (`Likelihood`, `Impact`). Not imported from there:
 * scoring.ts imports this module (riskLevelLabel) and reads it while loading, so the import would cycle.
 */
const riskFactor = (what: string) =>
  z
    .number({ error: `${what}必须是数字` })
    .int({ error: `${what}必须是整数` })
    .min(1, { error: `${what}应在 1–5 之间` })
    .max(5, { error: `${what}应在 1–5 之间` });

/**
 * What confirming a warning does to the register (PRODUCT.md §5: 已确认 creates or joins a risk):
 * `new` registers a risk scored likelihood × impact on the court's matrix; `join` links the warning
 * (and its case) to an open risk of the same court.
 */
export const WarningRiskInput = z.discriminatedUnion(
  'mode',
  [
    z.strictObject({
      mode: z.literal('new'),
      likelihood: riskFactor('可能性'),
      impact: riskFactor('影响程度'),
      title: z.string({ error: '风险标题必须是文字' }).trim().min(2, { error: '风险标题至少 2 个字' }).max(100, { error: '风险标题不能超过 100 个字' }).optional(),
      ownerId: z.string().uuid({ error: '责任人编号格式不正确' }).optional(),
      departmentId: z.string().uuid({ error: '部门编号格式不正确' }).optional(),
    }),
    z.strictObject({ mode: z.literal('join'), riskId: z.string({ error: '请选择要并入的风险事项' }).uuid({ error: '风险事项编号格式不正确' }) }),
  ],
  { error: '风险处理方式应为新建（new）或并入已有风险（join）' },
);
export type WarningRiskInput = z.infer<typeof WarningRiskInput>;

export const WarningTriageInput = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('confirm'), version: z.number().int(), note: z.string().trim().max(500).default(''), risk: WarningRiskInput.optional() }),
  z.strictObject({ action: z.literal('merge'), version: z.number().int(), intoWarningId: Id }),
  z.strictObject({
    action: z.literal('dismiss'),
    version: z.number().int(),
    reason: z.string().trim().min(2, { message: '请填写排除理由' }).max(500, { message: '排除理由不能超过 500 字' }),
  }),
]);
export type WarningTriageInput = z.infer<typeof WarningTriageInput>;
