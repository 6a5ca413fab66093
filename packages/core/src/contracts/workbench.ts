import { z } from 'zod';
import { RiskClock } from '../risks/clocks.js';
import { RISK_DOMAINS, RISK_LEVELS } from '../screening/rule-schema.js';
import { RiskStatus, TaskStatus } from './risk.js';
import { WarningRef } from './warning-ref.js';

/**
 * 工作台 (issue 4, docs/risk-api.md "Notifications, settings, workbench"): what needs the signed-in
 * account's attention, computed within its data scope. A section the account may not see (no
 * risk.read / warning.read, or no lower courts for `perCourt`) is null, so the page hides it.
 */

export const WorkbenchQuery = z.object({
  courtId: z.string({ error: '法院编号必须是文字' }).uuid({ error: '法院编号格式不正确' }).optional(),
});
export type WorkbenchQuery = z.infer<typeof WorkbenchQuery>;

/** A list section: the first items and how many there are in all. */
const section = <T extends z.ZodTypeAny>(item: T) => z.object({ total: z.number().int(), items: z.array(item) });

export const WorkbenchTask = z.object({
  id: z.string(),
  riskId: z.string(),
  riskTitle: z.string(),
  riskLevel: z.enum(RISK_LEVELS),
  description: z.string(),
  dueOn: z.string(),
  status: TaskStatus,
  overdue: z.boolean(),
});
export type WorkbenchTask = z.infer<typeof WorkbenchTask>;

/** One clock of one risk that is due soon or missed. */
export const WorkbenchClock = z.object({
  riskId: z.string(),
  riskTitle: z.string(),
  courtName: z.string(),
  ownerName: z.string().nullable(),
  clock: RiskClock,
});
export type WorkbenchClock = z.infer<typeof WorkbenchClock>;

/** A pending warning of any source (案件 / 信访 / 舆情), with what its 预警列表 tab links to. */
export const WorkbenchWarning = WarningRef;
export type WorkbenchWarning = WarningRef;

/**
 * 新预警: pending warnings of the three sources the account may read, newest first (the first 10 of
 * all of them) and how many each source has. A source the account may not read (no petition.read /
 * opinion.read) is null in `bySource` and absent from `items`; `total` is the sum of the rest.
 */
export const WorkbenchNewWarnings = section(WorkbenchWarning).extend({
  bySource: z.object({ case: z.number().int(), petition: z.number().int().nullable(), opinion: z.number().int().nullable() }),
});
export type WorkbenchNewWarnings = z.infer<typeof WorkbenchNewWarnings>;

/** 下级上报: a lower court's risk reported up to this court. */
export const WorkbenchReport = z.object({
  riskId: z.string(),
  courtId: z.string(),
  courtName: z.string(),
  title: z.string(),
  level: z.enum(RISK_LEVELS),
  status: RiskStatus,
  reportedAt: z.string(),
  automatic: z.boolean(),
});

export const HeatCell = z.object({ domain: z.enum(RISK_DOMAINS), level: z.enum(RISK_LEVELS), count: z.number().int() });
export type HeatCell = z.infer<typeof HeatCell>;

/** One Beijing calendar day: risks registered and risks closed (销号) that day. */
export const TrendPoint = z.object({ date: z.string(), new: z.number().int(), closed: z.number().int() });
export type TrendPoint = z.infer<typeof TrendPoint>;

/** One lower court as the upper court sees it (only what was reported up or assigned down). */
export const PerCourtRow = z.object({
  courtId: z.string(),
  courtName: z.string(),
  open: z.number().int(),
  red: z.number().int(),
  orange: z.number().int(),
  overdue: z.number().int(),
  reportedUp: z.number().int(),
});
export type PerCourtRow = z.infer<typeof PerCourtRow>;

export const WorkbenchView = z.object({
  courtId: z.string(),
  courtName: z.string(),
  generatedAt: z.string(),
  /** Open tasks assigned to me or to my department, earliest due first. */
  myTasks: section(WorkbenchTask).nullable(),
  /** Clocks due soon or missed on risks I own. */
  myClocks: z.array(WorkbenchClock).nullable(),
  /** Warnings awaiting triage (case, petition, opinion): the latest 10, the count and the count per source. */
  newWarnings: WorkbenchNewWarnings.nullable(),
  /** Missed clocks and overdue tasks in my scope. */
  overdue: z.object({ clocks: section(WorkbenchClock), tasks: section(WorkbenchTask) }).nullable(),
  /** Open risks (待研判 … 持续监测) by domain × level: all 20 cells, zeros included. */
  heat: z.array(HeatCell).nullable(),
  /** The last 30 Beijing days, oldest first. */
  trend: z.array(TrendPoint).nullable(),
  perCourt: z.array(PerCourtRow).nullable(),
  lowerReports: section(WorkbenchReport).nullable(),
});
export type WorkbenchView = z.infer<typeof WorkbenchView>;
