import { z } from 'zod';
import { daysBetween, type LocalDate } from '../deadlines/local-date.js';
import { LongPendingThresholds } from '../deadlines/long-pending.js';
import { HOLIDAY_RULES } from '../deadlines/period.js';
import { PROCEDURE_CODES } from '../deadlines/procedures.js';
import { TRIAL_LIMIT_TIERS, TrialLimitThresholds } from '../deadlines/warning-tier.js';
import { RISK_LEVELS } from '../screening/rule-schema.js';

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

// ── monitoring views: 我的审限, department and court views, calendar, lobby screen ─────────────────

const MonitorDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' });

/** Filters shared by the monitoring list, its export and the calendar. Open cases only. */
export const TrialMonitorFilter = z.object({
  courtId: z.string().uuid({ message: '法院编号格式不正确' }).optional().describe('法院'),
  departmentId: z.string().uuid({ message: '部门编号格式不正确' }).optional().describe('部门'),
  judgeAccountId: z.string().uuid({ message: '承办法官编号格式不正确' }).optional().describe('承办法官'),
  /** `true`: only cases the caller handles (我的审限). */
  mine: z.enum(['true', 'false']).optional().describe('仅本人承办'),
  tier: z.enum([...TRIAL_LIMIT_TIERS, 'unknown'], { message: '预警档次不正确' }).optional().describe('预警档次（unknown = 无法计算）'),
  procedure: z.enum(PROCEDURE_CODES, { message: '适用程序不正确' }).optional().describe('适用程序'),
  deadlineFrom: MonitorDate.optional().describe('届满日起'),
  deadlineTo: MonitorDate.optional().describe('届满日止'),
});
export type TrialMonitorFilter = z.infer<typeof TrialMonitorFilter>;

export const TrialMonitorQuery = TrialMonitorFilter.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  /** Default: fewest days left first (overdue on top); cases whose limit cannot be computed last. */
  sort: z.enum(['daysLeft', 'filedOn', 'caseNumber']).default('daysLeft'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type TrialMonitorQuery = z.infer<typeof TrialMonitorQuery>;

/** One open case with its computed 审限 (today, the court's settings). */
export const TrialMonitorRow = z.object({
  caseId: z.string(),
  courtId: z.string(),
  courtName: z.string(),
  caseNumber: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  judgeAccountId: z.string().nullable(),
  judgeName: z.string().nullable(),
  filedOn: z.string(),
  procedure: z.enum(PROCEDURE_CODES).nullable(),
  procedureLabel: z.string(),
  /** The procedure was set by hand on the case (审限 panel), not derived from its type. */
  procedureOverridden: z.boolean(),
  deadline: z.string().nullable(),
  limitDays: z.number().int().nullable(),
  daysUsed: z.number().int().nullable(),
  daysLeft: z.number().int().nullable(),
  /** null: the limit cannot be computed (see the case page). */
  tier: z.enum(TRIAL_LIMIT_TIERS).nullable(),
  tierLabel: z.string(),
  warningLevel: z.enum(RISK_LEVELS).nullable(),
  /** An excluded period is still open: the deadline will move. */
  provisional: z.boolean(),
});
export type TrialMonitorRow = z.infer<typeof TrialMonitorRow>;

/** Counts per tier over the whole filtered set (before paging); `unknown` = cannot be computed. */
export const TrialTierCounts = z.record(z.enum([...TRIAL_LIMIT_TIERS, 'unknown']), z.number().int());
export type TrialTierCounts = z.infer<typeof TrialTierCounts>;

export const TrialMonitorList = z.object({
  items: z.array(TrialMonitorRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The Beijing day the limits were computed for. */
  asOf: z.string(),
  /** Counts per tier over the set filtered by everything but the tier (for the tier tabs). */
  tierCounts: TrialTierCounts,
  /** Judges handling cases in the set filtered by everything but the judge (for the judge filter). */
  judgeOptions: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type TrialMonitorList = z.infer<typeof TrialMonitorList>;

/** Upcoming deadlines between `from` and `to` (at most 92 days), for the calendar. */
export const TrialCalendarQuery = TrialMonitorFilter.omit({ deadlineFrom: true, deadlineTo: true, tier: true })
  .extend({ from: MonitorDate.describe('起始日'), to: MonitorDate.describe('截止日') })
  .refine((q) => q.from <= q.to, { message: '截止日不能早于起始日', path: ['to'] })
  .refine((q) => daysBetween(q.from as LocalDate, q.to as LocalDate) <= 92, { message: '日历一次最多查询 92 天', path: ['to'] });
export type TrialCalendarQuery = z.infer<typeof TrialCalendarQuery>;

export const TrialCalendarView = z.object({
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  /** Days that have at least one deadline, ascending. */
  days: z.array(z.object({ date: z.string(), total: z.number().int(), tierCounts: TrialTierCounts })),
  /** The cases, by deadline then case number (capped at 2,000; `truncated` says so). */
  items: z.array(TrialMonitorRow),
  truncated: z.boolean(),
});
export type TrialCalendarView = z.infer<typeof TrialCalendarView>;

export const TrialLobbyQuery = z.object({ courtId: z.string().uuid({ message: '法院编号格式不正确' }).optional().describe('法院（默认本院）') });
export type TrialLobbyQuery = z.infer<typeof TrialLobbyQuery>;

/** 大屏: open cases of one court past the court's 提示 share (default two thirds) of their limit. */
export const TrialLobbyView = z.object({
  courtId: z.string(),
  courtName: z.string(),
  asOf: z.string(),
  generatedAt: z.string(),
  tierCounts: TrialTierCounts,
  /** Most urgent first (overdue, then fewest days left); capped at 300. */
  items: z.array(TrialMonitorRow.pick({ caseId: true, caseNumber: true, departmentName: true, judgeName: true, procedureLabel: true, deadline: true, daysLeft: true, daysUsed: true, limitDays: true, tier: true, tierLabel: true, warningLevel: true })),
  total: z.number().int(),
});
export type TrialLobbyView = z.infer<typeof TrialLobbyView>;

// ── per-case procedure override ─────────────────────────────────────────────────────────────────

/**
 * PUT /cases/:id/trial-limit/procedure: the procedure a person determined for a case whose record
 * cannot tell (民事二审 判决/裁定, 再审, 刑事公诉一审, 执行 …); `procedure: null` returns the case to
 * the automatic mapping. The reason is recorded in the audit log.
 */
export const TrialProcedureOverrideInput = z.strictObject({
  procedure: z.enum(PROCEDURE_CODES, { message: '请选择适用程序' }).nullable().describe('适用程序（null = 按案件信息自动判断）'),
  reason: z.string({ message: '请填写理由' }).trim().min(1, { message: '请填写指定理由' }).max(500, { message: '理由不能超过 500 个字符' }).describe('理由'),
});
export type TrialProcedureOverrideInput = z.infer<typeof TrialProcedureOverrideInput>;
