import { z } from 'zod';
import { LongPendingThresholds } from '../deadlines/long-pending.js';
import { HOLIDAY_RULES } from '../deadlines/period.js';
import { TrialLimitThresholds } from '../deadlines/warning-tier.js';

/**
 * 审判管理监控 (issue 5) API contracts beyond the single case's 审限 (contracts/trial-limit.ts):
 * per-court settings and the daily sweep.
 */

// ── per-court settings ───────────────────────────────────────────────────────────────────────────

/**
 * One court's 审限 settings. The holiday rule has no statutory answer for 审限 (docs/deadlines.md,
 * open questions), so each court states it; the thresholds are management choices (issue 5).
 */
export const TrialLimitCourtSettings = z.strictObject({
  holidayRule: z.enum(HOLIDAY_RULES, { message: '节假日规则应为“顺延”或“不顺延”' }).describe('审限届满日遇法定休假日是否顺延'),
  thresholds: TrialLimitThresholds.describe('预警档次'),
  longPending: LongPendingThresholds.describe('长期未结分档'),
});
export type TrialLimitCourtSettings = z.infer<typeof TrialLimitCourtSettings>;

/**
 * Settings of a court that never saved its own: 顺延 (民事诉讼法(2023) 第八十五条第三款 read as
 * applying to 审限; the criminal in-custody exception is applied by the engine), thresholds
 * 2/3 · 30/15 · 5 days, 长期未结 12/18/36 months.
 */
export const DEFAULT_TRIAL_LIMIT_COURT_SETTINGS: TrialLimitCourtSettings = TrialLimitCourtSettings.parse({
  holidayRule: 'extend',
  thresholds: {},
  longPending: {},
});

export const TrialLimitSettingsView = TrialLimitCourtSettings.extend({
  courtId: z.string(),
  /** False while the court uses the defaults (never saved). */
  customised: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  /** 0 until first saved; send it back with PUT. */
  version: z.number().int(),
  /** The last Beijing day the daily sweep evaluated this court's cases. */
  lastSweptOn: z.string().nullable(),
});
export type TrialLimitSettingsView = z.infer<typeof TrialLimitSettingsView>;

/** PUT /courts/:id/trial-limit-settings: the whole settings object with the version last read (0 = defaults). */
export const TrialLimitSettingsInput = TrialLimitCourtSettings.extend({ version: z.number({ message: '版本号必须是数字' }).int().min(0) });
export type TrialLimitSettingsInput = z.infer<typeof TrialLimitSettingsInput>;

// ── daily sweep ──────────────────────────────────────────────────────────────────────────────────

export const TrialLimitSweepCourtResult = z.object({
  courtId: z.string(),
  courtName: z.string(),
  /** False when this court had already been swept on `day` (another instance or an earlier run). */
  swept: z.boolean(),
  evaluated: z.number().int(),
  raised: z.number().int(),
  escalated: z.number().int(),
  updated: z.number().int(),
  retired: z.number().int(),
  notified: z.number().int(),
});
export type TrialLimitSweepCourtResult = z.infer<typeof TrialLimitSweepCourtResult>;

export const TrialLimitSweepResult = z.object({ day: z.string(), courts: z.array(TrialLimitSweepCourtResult) });
export type TrialLimitSweepResult = z.infer<typeof TrialLimitSweepResult>;
