import { z } from 'zod';
import { PROCEDURE_FAMILIES } from './procedures.js';
import type { TrialLimitResult } from './trial-limit.js';

/** Warning tiers for trial limits, from calm to breached (issue 5: 提示 / 预警 / 紧急 / 超审限). */
export const TRIAL_LIMIT_TIERS = ['none', 'notice', 'warning', 'urgent', 'overdue'] as const;
export type TrialLimitTier = (typeof TRIAL_LIMIT_TIERS)[number];
export const trialLimitTierLabel: Record<TrialLimitTier, string> = {
  none: '正常',
  notice: '提示',
  warning: '预警',
  urgent: '紧急',
  overdue: '超审限',
};

const daysThreshold = z.number().int().min(0).max(3660);

/**
 * Per-court warning thresholds. These are management choices, not law: the defaults are the ones
 * issue 5 specifies and each court may change them.
 */
export const TrialLimitThresholds = z
  .object({
    /** 提示 once at least this share of the limit is used (default two thirds). */
    noticeUsedShare: z
      .object({ numerator: z.number().int().min(1), denominator: z.number().int().min(1) })
      .refine((share) => share.numerator <= share.denominator, { message: '比例不能大于 1' })
      .default({ numerator: 2, denominator: 3 })
      .describe('提示：已用审限比例'),
    /** 预警 at or below this many days left, per family (default 30 civil/enforcement, 15 criminal/administrative). */
    warningDaysLeft: z
      .object({
        civil: daysThreshold.default(30),
        enforcement: daysThreshold.default(30),
        criminal: daysThreshold.default(15),
        administrative: daysThreshold.default(15),
      })
      .default({ civil: 30, enforcement: 30, criminal: 15, administrative: 15 })
      .describe('预警：剩余天数'),
    /** 紧急 at or below this many days left (default 5). */
    urgentDaysLeft: daysThreshold.default(5).describe('紧急：剩余天数'),
  })
  .refine((thresholds) => PROCEDURE_FAMILIES.every((family) => thresholds.warningDaysLeft[family] >= thresholds.urgentDaysLeft), {
    message: '预警天数不能小于紧急天数',
  });
export type TrialLimitThresholds = z.infer<typeof TrialLimitThresholds>;

export const DEFAULT_TRIAL_LIMIT_THRESHOLDS: TrialLimitThresholds = TrialLimitThresholds.parse({});

/**
 * The warning tier of a calculated trial limit. First match wins:
 * 超审限 when `overdue` (for a closed case: closed after the deadline); a closed case otherwise is
 * `none`; 紧急 when `daysLeft ≤ urgentDaysLeft`; 预警 when `daysLeft ≤ warningDaysLeft[family]`;
 * 提示 when `daysUsed / (limitDays + holidayExtensionDays) ≥ noticeUsedShare` (integer
 * arithmetic, no rounding); otherwise `none`. The deadline day itself (`daysLeft === 0`) is 紧急, not
 * 超审限. The tiers are management thresholds from issue 5, not statutory rules.
 */
export function classifyTrialLimit(
  result: Pick<TrialLimitResult, 'family' | 'overdue' | 'closed' | 'daysLeft' | 'daysUsed' | 'limitDays' | 'holidayExtensionDays'>,
  thresholds: TrialLimitThresholds = DEFAULT_TRIAL_LIMIT_THRESHOLDS,
): TrialLimitTier {
  if (result.overdue) return 'overdue';
  if (result.closed) return 'none';
  if (result.daysLeft <= thresholds.urgentDaysLeft) return 'urgent';
  if (result.daysLeft <= thresholds.warningDaysLeft[result.family]) return 'warning';
  const totalDays = result.limitDays + result.holidayExtensionDays;
  const { numerator, denominator } = thresholds.noticeUsedShare;
  if (result.daysUsed * denominator >= totalDays * numerator) return 'notice';
  return 'none';
}
