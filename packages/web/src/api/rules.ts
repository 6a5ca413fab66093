import {
  RuleProblemView,
  type BackgroundJobView,
  type BacktestInput,
  type DryRunInput,
  type FindingView,
  type RulePackDetailView,
  type RulePackEnableInput,
  type RulePackSaveInput,
  type RulePackView,
} from '@courtrisk/core';
import { ApiError, http } from './http';

/** 保存或启停规则包后的结果：新版本，以及后台重新筛查案件的任务编号。 */
export interface RulePackSaveResult {
  pack: RulePackView;
  rescreenJobId: string;
}

/** 试运行结果：命中的规则及证据；规则内容有误时为各处问题。 */
export interface DryRunResult {
  findings: FindingView[];
  problems: RuleProblemView[];
}

/** 规则包列表：各包当前版本及其规则的命中、研判统计。 */
export const listRulePacks = (courtId?: string) => http.get<RulePackView[]>('/rules/packs', { courtId });

/** 规则包详情：YAML 与版本历史；指定版本号时返回该历史版本。 */
export const getRulePack = (pack: string, query: { courtId?: string; version?: number } = {}) =>
  http.get<RulePackDetailView>(`/rules/packs/${pack}`, query);

/** 保存规则包（生成新版本，须写修改说明）；内容有误时返回 400 rules_invalid 及逐行问题。 */
export const saveRulePack = (pack: string, input: RulePackSaveInput) =>
  http.put<RulePackSaveResult>(`/rules/packs/${pack}`, input);

/** 启用或停用规则包（生成新版本）。 */
export const setRulePackEnabled = (pack: string, input: RulePackEnableInput) =>
  http.post<RulePackSaveResult>(`/rules/packs/${pack}/enabled`, input);

/** 试运行：用已保存或正在编辑的规则筛查一段粘贴的文字。 */
export const dryRunRules = (input: Partial<DryRunInput>) => http.post<DryRunResult>('/rules/dry-run', input);

/** 回测：用规则包（可为未保存的修改）筛查已入库的案件，作为后台任务运行。 */
export const startBacktest = (input: BacktestInput) => http.post<BackgroundJobView>('/rules/backtest', input);

/** 后台任务（回测、重新筛查）的进度与结果。 */
export const getBackgroundJob = (id: string) => http.get<BackgroundJobView>(`/jobs/${id}`);

/** The line-by-line problems of a `rules_invalid` answer; null for any other failure. */
export function ruleProblemsOf(error: unknown): RuleProblemView[] | null {
  if (!(error instanceof ApiError) || error.code !== 'rules_invalid') return null;
  const parsed = RuleProblemView.array().safeParse(error.details.problems);
  return parsed.success ? parsed.data : [];
}
