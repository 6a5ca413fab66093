import { z } from 'zod';
import { LocalDateSchema } from './local-date.js';
import { PeriodLengthSchema } from './period.js';
import { CLOCK_RESTART_REASONS, EXCLUDED_PERIOD_KINDS, EXTENSION_APPROVERS, PROCEDURE_CODES } from './procedures.js';

/** Optional caller id, echoed in inconsistencies so the UI can point at the event. */
const eventId = z.string().min(1).max(100).optional().describe('事件编号');

/** 延长审限: who approved, by how much, when (and, where a rule needs it, when it was requested). */
export const ExtensionEvent = z.object({
  type: z.literal('extension'),
  id: eventId,
  approver: z.enum(EXTENSION_APPROVERS).describe('批准主体'),
  length: PeriodLengthSchema.describe('延长期限'),
  approvedOn: LocalDateSchema.describe('批准日期'),
  requestedOn: LocalDateSchema.optional().describe('申请日期'),
});
export type ExtensionEvent = z.infer<typeof ExtensionEvent>;

/** 扣除审限: a period not counted, both ends inclusive; no `end` while it is still running. */
export const ExcludedPeriodEvent = z.object({
  type: z.literal('excludedPeriod'),
  id: eventId,
  kind: z.enum(EXCLUDED_PERIOD_KINDS).describe('扣除事由'),
  start: LocalDateSchema.describe('起始日（含）'),
  end: LocalDateSchema.optional().describe('终止日（含）；未结束则不填'),
});
export type ExcludedPeriodEvent = z.infer<typeof ExcludedPeriodEvent>;

/** 中止: paired with the next 恢复 into an excluded period of kind `suspension`. */
export const SuspensionEvent = z.object({ type: z.literal('suspension'), id: eventId, on: LocalDateSchema.describe('中止日期') });
export type SuspensionEvent = z.infer<typeof SuspensionEvent>;

/** 恢复 after a 中止. */
export const ResumptionEvent = z.object({ type: z.literal('resumption'), id: eventId, on: LocalDateSchema.describe('恢复日期') });
export type ResumptionEvent = z.infer<typeof ResumptionEvent>;

/** 重新计算审限 from `on` (the day the event happened is not counted, as for filing). */
export const ClockRestartEvent = z.object({
  type: z.literal('clockRestart'),
  id: eventId,
  reason: z.enum(CLOCK_RESTART_REASONS).describe('重新计算事由'),
  on: LocalDateSchema.describe('重新起算日'),
});
export type ClockRestartEvent = z.infer<typeof ClockRestartEvent>;

export const ProcessEvent = z.discriminatedUnion('type', [
  ExtensionEvent,
  ExcludedPeriodEvent,
  SuspensionEvent,
  ResumptionEvent,
  ClockRestartEvent,
]);
export type ProcessEvent = z.infer<typeof ProcessEvent>;

/** Everything {@link calculateTrialLimit} needs about one case. */
export const TrialLimitInput = z.object({
  procedure: z.enum(PROCEDURE_CODES).describe('审理程序'),
  filedOn: LocalDateSchema.describe('立案（受理）日期'),
  events: z.array(ProcessEvent).max(500).default([]).describe('审限事件'),
  closedOn: LocalDateSchema.optional().describe('结案日期'),
  defendantInCustody: z
    .boolean()
    .optional()
    .describe('刑事案件被告人是否在押；未填视为在押（刑事诉讼法第一百零五条：在押期间不因节假日顺延）'),
  today: LocalDateSchema.describe('计算基准日'),
});
export type TrialLimitInput = z.infer<typeof TrialLimitInput>;
