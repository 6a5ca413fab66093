import type { RiskClock, RiskDomain, RiskLevel, RiskView, TaskView, WarningView } from '@courtrisk/core';
import { http } from './http';

/** A clock with the title of its risk, for lists outside the risk's own page. */
export type WorkbenchClock = RiskClock & { riskTitle: string };

/** One lower court's line in 辖区法院概况. */
export interface CourtSummary {
  courtId: string;
  courtName: string;
  open: number;
  red: number;
  orange: number;
  overdue: number;
  reportedUp: number;
}

/**
 * 工作台 (docs/risk-api.md "Notifications, settings, workbench"). A section the account may not see
 * is null: the server decides by permission, the page only shows what it gets.
 */
export interface WorkbenchView {
  myTasks: TaskView[] | null;
  myClocks: WorkbenchClock[] | null;
  newWarnings: { count: number; latest: WarningView[] } | null;
  overdue: { clocks: WorkbenchClock[]; tasks: TaskView[] } | null;
  heat: { domain: RiskDomain; level: RiskLevel; count: number }[] | null;
  trend: { date: string; new: number; closed: number }[] | null;
  perCourt: CourtSummary[] | null;
  lowerReports: RiskView[] | null;
}

/** 工作台：我的任务、时限、新预警、逾期事项、风险分布与趋势；上级法院另有辖区概况与下级上报。 */
export const getWorkbench = (courtId?: string) => http.get<WorkbenchView>('/workbench', { courtId });
