import type { TrialLimitTier } from './warning-tier.js';

/**
 * Who hears about a trial-limit tier. Follows the escalation ladder of PRODUCT.md §5 (owner →
 * department head → risk office → court leader): each rise of the tier adds the next rung, and
 * the lower rungs hear again because the situation changed. A management choice, not law.
 */
export const TRIAL_LIMIT_RECIPIENT_GROUPS = ['judge', 'departmentHead', 'riskOffice', 'leader'] as const;
export type TrialLimitRecipientGroup = (typeof TRIAL_LIMIT_RECIPIENT_GROUPS)[number];
export const trialLimitRecipientGroupLabel: Record<TrialLimitRecipientGroup, string> = {
  judge: '承办法官',
  departmentHead: '庭长',
  riskOffice: '风险防控办',
  leader: '院领导',
};

const RUNGS: Record<TrialLimitTier, number> = { none: 0, notice: 1, warning: 2, urgent: 3, overdue: 4 };

/** The recipient groups notified when a case reaches `tier` (提示: 承办法官 … 超审限: up to 院领导). */
export function trialLimitRecipients(tier: TrialLimitTier): TrialLimitRecipientGroup[] {
  return TRIAL_LIMIT_RECIPIENT_GROUPS.slice(0, RUNGS[tier]);
}

/**
 * Key for de-duplicating a notification: one per case, tier and recipient, so a daily sweep that
 * finds the same tier again stays silent, and a case that drops and rises again is not re-announced.
 */
export function trialLimitNoticeKey(caseId: string, tier: TrialLimitTier, recipientId: string): string {
  return `trial-limit:${caseId}:${tier}:${recipientId}`;
}
