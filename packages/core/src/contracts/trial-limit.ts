import { z } from 'zod';
import { LocalDateSchema } from '../deadlines/local-date.js';
import { HOLIDAY_RULES } from '../deadlines/period.js';
import { PROCEDURE_CODES } from '../deadlines/procedures.js';
import { ClockRestartEvent, ExcludedPeriodEvent, ExtensionEvent, ResumptionEvent, SuspensionEvent } from '../deadlines/process-events.js';
import { TRIAL_LIMIT_INCONSISTENCY_CODES } from '../deadlines/trial-limit.js';
import { TRIAL_LIMIT_TIERS } from '../deadlines/warning-tier.js';
import { RISK_LEVELS } from '../screening/rule-schema.js';

/**
 * 审限事项 API contract (issue 5). The event input reuses the deadline engine's own schemas
 * (process-events.ts) so the API validates exactly what the engine assumes; the server assigns
 * the event id. `closing` (结案) is the one event the engine takes as `closedOn` instead of an event.
 */
export const PROCESS_EVENT_KINDS = ['extension', 'excluded_period', 'suspension', 'resumption', 'restart', 'closing'] as const;
export type ProcessEventKind = (typeof PROCESS_EVENT_KINDS)[number];
export const processEventKindLabel: Record<ProcessEventKind, string> = {
  extension: '延长审限',
  excluded_period: '扣除审限',
  suspension: '中止',
  resumption: '恢复',
  restart: '重新计算审限',
  closing: '结案',
};

export const ClosingEvent = z.object({ type: z.literal('closing'), on: LocalDateSchema.describe('结案日期') });
export type ClosingEvent = z.infer<typeof ClosingEvent>;

/** Body of POST /cases/:id/events: one engine event (without id) or 结案. Unknown fields are rejected. */
export const TrialLimitEventInput = z.discriminatedUnion('type', [
  ExtensionEvent.omit({ id: true }).strict(),
  ExcludedPeriodEvent.omit({ id: true }).strict(),
  SuspensionEvent.omit({ id: true }).strict(),
  ResumptionEvent.omit({ id: true }).strict(),
  ClockRestartEvent.omit({ id: true }).strict(),
  ClosingEvent.strict(),
]);
export type TrialLimitEventInput = z.infer<typeof TrialLimitEventInput>;

/** Input `type` → stored `kind`. */
export const processEventKindOfType: Record<TrialLimitEventInput['type'], ProcessEventKind> = {
  extension: 'extension',
  excludedPeriod: 'excluded_period',
  suspension: 'suspension',
  resumption: 'resumption',
  clockRestart: 'restart',
  closing: 'closing',
};

export const TrialLimitEventView = z.object({
  id: z.string(),
  kind: z.enum(PROCESS_EVENT_KINDS),
  kindLabel: z.string(),
  /** One line in Chinese, e.g. 2026年3月1日 本院院长 批准延长6个月. */
  description: z.string(),
  /** The engine event's fields (type, dates, length, approver, …). */
  payload: z.record(z.string(), z.unknown()),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type TrialLimitEventView = z.infer<typeof TrialLimitEventView>;

export const TrialLimitView = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  /** Engine procedure code; null when the stored case does not determine it (see `procedureNote`). */
  procedure: z.enum(PROCEDURE_CODES).nullable(),
  procedureLabel: z.string(),
  /** Why the procedure could not be determined, or which assumption the mapping made. */
  procedureNote: z.string().nullable(),
  /** The procedure was set by hand on the case (PUT /cases/:id/trial-limit/procedure). */
  procedureOverridden: z.boolean(),
  holidayRule: z.enum(HOLIDAY_RULES),
  /** Days near the deadline fall in a year without a State Council holiday notice (weekends only). */
  holidayCalendarIncomplete: z.boolean(),
  asOf: z.string(),
  countingStartedOn: z.string().nullable(),
  deadline: z.string().nullable(),
  limitDays: z.number().int().nullable(),
  excludedDays: z.number().int().nullable(),
  daysUsed: z.number().int().nullable(),
  daysLeft: z.number().int().nullable(),
  overdue: z.boolean().nullable(),
  closed: z.boolean(),
  provisional: z.boolean(),
  tier: z.enum(TRIAL_LIMIT_TIERS).nullable(),
  tierLabel: z.string(),
  /** The warning level the tier raises (超审限 red, 紧急 orange, 预警 yellow, 提示 blue). */
  warningLevel: z.enum(RISK_LEVELS).nullable(),
  basis: z.array(z.string()),
  inconsistencies: z.array(z.object({ code: z.union([z.enum(TRIAL_LIMIT_INCONSISTENCY_CODES), z.literal('caseRecord')]), message: z.string(), eventIds: z.array(z.string()) })),
  events: z.array(TrialLimitEventView),
});
export type TrialLimitView = z.infer<typeof TrialLimitView>;
