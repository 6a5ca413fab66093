import { z } from 'zod';
import { RISK_DOMAINS, RISK_LEVELS } from '../screening/rule-schema.js';
import { Id } from './common.js';

export const RuleStatsView = z.object({
  total: z.number().int(),
  pending: z.number().int(),
  confirmed: z.number().int(),
  merged: z.number().int(),
  dismissed: z.number().int(),
  /** confirmed ÷ (confirmed + dismissed); null before anything was triaged. */
  precision: z.number().nullable(),
});
export type RuleStatsView = z.infer<typeof RuleStatsView>;

export const RuleSummaryView = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  subtype: z.string(),
  domain: z.enum(RISK_DOMAINS),
  level: z.enum(RISK_LEVELS).nullable(),
  score: z.number().int().nullable(),
  enabled: z.boolean(),
  source: z.string(),
  stats: RuleStatsView,
});
export type RuleSummaryView = z.infer<typeof RuleSummaryView>;

export const RulePackView = z.object({
  courtId: z.string(),
  pack: z.string(),
  title: z.string(),
  domain: z.enum(RISK_DOMAINS).nullable(),
  version: z.number().int(),
  enabled: z.boolean(),
  comment: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  rules: z.array(RuleSummaryView),
  /**
   * The shipped default of this pack when it declares a newer `version:` than the court's pack does
   * (the platform's rules were revised since the court's copy was made); null otherwise.
   */
  defaultUpdate: z.object({ version: z.number().int(), courtPackVersion: z.number().int() }).nullable(),
});
export type RulePackView = z.infer<typeof RulePackView>;

export const RulePackDetailView = RulePackView.extend({
  yaml: z.string(),
  /** The shipped default's YAML when `defaultUpdate` is set, to compare and adopt. */
  defaultYaml: z.string().nullable(),
  versions: z.array(z.object({ version: z.number().int(), enabled: z.boolean(), comment: z.string(), createdBy: z.string().nullable(), createdAt: z.string() })),
});
export type RulePackDetailView = z.infer<typeof RulePackDetailView>;

export const RulePackParams = z.strictObject({ pack: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, { message: '规则包名称不正确' }) });

export const RuleCourtQuery = z.object({ courtId: Id.optional(), version: z.coerce.number().int().min(1).optional() });

export const RulePackSaveInput = z.strictObject({
  courtId: Id.optional(),
  yaml: z.string().min(1, { message: '规则内容不能为空' }).max(500_000, { message: '规则包过大（上限 50 万字符）' }),
  comment: z.string().trim().min(2, { message: '请说明本次修改的内容' }).max(200),
});
export type RulePackSaveInput = z.infer<typeof RulePackSaveInput>;

export const RulePackEnableInput = z.strictObject({
  courtId: Id.optional(),
  enabled: z.boolean(),
  comment: z.string().trim().min(2, { message: '请说明启用或停用的原因' }).max(200),
});
export type RulePackEnableInput = z.infer<typeof RulePackEnableInput>;

/** A validation problem in a rule pack, at its line and column (1-based) when known. */
export const RuleProblemView = z.object({ line: z.number().int().nullable(), column: z.number().int().nullable(), path: z.string(), message: z.string() });
export type RuleProblemView = z.infer<typeof RuleProblemView>;

export const RulePackSaveResult = z.object({ pack: RulePackView, rescreenJobId: z.string() });

export const DryRunInput = z.strictObject({
  courtId: Id.optional(),
  /** Try an edited pack instead of the saved one (the editor's 试运行). */
  pack: z.string().optional(),
  yaml: z.string().max(500_000).optional(),
  facts: z.string().max(100_000).default(''),
  claims: z.string().max(20_000).default(''),
  causes: z.array(z.string().max(100)).max(10).default([]),
  caseType: z.string().max(20).optional(),
  procedure: z.string().max(20).optional(),
  amount: z.string().max(40).optional(),
  parties: z.array(z.object({ role: z.string().max(20), name: z.string().max(200), kind: z.enum(['natural', 'legal', 'other_org', 'state_organ']).default('natural'), flags: z.array(z.string()).default([]) })).max(500).default([]),
});
export type DryRunInput = z.infer<typeof DryRunInput>;

export const FindingView = z.object({
  ruleId: z.string(),
  ruleVersion: z.number().int(),
  pack: z.string(),
  domain: z.enum(RISK_DOMAINS),
  subtype: z.string(),
  level: z.enum(RISK_LEVELS),
  score: z.number().int().nullable(),
  title: z.string(),
  evidence: z.array(z.record(z.string(), z.unknown())),
  suggestedAction: z.string(),
  source: z.string(),
});
export type FindingView = z.infer<typeof FindingView>;

export const DryRunResult = z.object({ findings: z.array(FindingView), problems: z.array(RuleProblemView) });

export const BacktestInput = z.strictObject({
  courtId: Id.optional(),
  pack: z.string().optional(),
  yaml: z.string().max(500_000).optional(),
});
export type BacktestInput = z.infer<typeof BacktestInput>;

export const BackgroundJobView = z.object({
  id: z.string(),
  courtId: z.string(),
  kind: z.enum(['rescreen', 'backtest']),
  status: z.enum(['queued', 'running', 'completed', 'failed']),
  total: z.number().int().nullable(),
  processed: z.number().int(),
  percent: z.number(),
  message: z.string().nullable(),
  /** Backtest: hits per rule, with how the rule's past warnings were triaged. */
  results: z.array(z.object({ ruleId: z.string(), title: z.string(), hits: z.number().int(), stats: RuleStatsView })).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type BackgroundJobView = z.infer<typeof BackgroundJobView>;
