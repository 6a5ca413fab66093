import { PROCEDURE_RULES, type TrialMonitorRow, type TrialTierCounts } from '@courtrisk/core';
import { zh } from '../../locales/zh-CN';

/** The tier tabs in the order staff scan them: worst first; `''` = every tier. */
export const TIER_TABS = ['', 'overdue', 'urgent', 'warning', 'notice', 'none', 'unknown'] as const;
export type TierTab = (typeof TIER_TABS)[number];

export const procedureOptions = Object.values(PROCEDURE_RULES).map((rule) => ({ value: rule.code, label: rule.label }));

/** 全部 (12) / 超审限 (3) …: the tab label with its count. */
export function tierTabLabel(tab: TierTab, counts: TrialTierCounts | null): string {
  const label = tab === '' ? zh.trialMonitor.all : zh.trialTier[tab]!;
  if (!counts) return label;
  const count = tab === '' ? Object.values(counts).reduce((sum, n) => sum + n, 0) : counts[tab];
  return `${label}（${count}）`;
}

/** Share of the limit used, 0–100, for the progress bar; null when the limit cannot be computed. */
export function usedPercent(row: Pick<TrialMonitorRow, 'daysUsed' | 'daysLeft'>): number | null {
  if (row.daysUsed === null || row.daysLeft === null) return null;
  const total = row.daysUsed + row.daysLeft;
  if (total <= 0 || row.daysLeft < 0) return 100;
  return Math.min(100, Math.round((row.daysUsed / total) * 100));
}

/** 剩余 14 日 / 超 3 日 / —. */
export function daysLeftText(daysLeft: number | null): string {
  if (daysLeft === null) return zh.common.none;
  return daysLeft >= 0 ? zh.trialMonitor.days(daysLeft) : zh.trialMonitor.overdueBy(-daysLeft);
}
