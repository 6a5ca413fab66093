import type {
  ProcessEventImportResult,
  TrialCalendarQuery,
  TrialCalendarView,
  TrialLimitSettingsInput,
  TrialLimitSettingsView,
  TrialLimitSweepResult,
  TrialLimitView,
  TrialLobbyView,
  TrialMonitorList,
  TrialMonitorQuery,
  TrialProcedureOverrideInput,
} from '@courtrisk/core';
import { apiUrl, http } from './http';

export type TrialMonitorFilters = Partial<TrialMonitorQuery>;

/** 审限监控列表：未结案件的审限届满日、剩余天数与预警档次（我的审限、部门、全院）。 */
export const listTrialMonitor = (query: TrialMonitorFilters) => http.get<TrialMonitorList>('/trial-limits/monitor', query);

/** 按当前筛选导出审限监控 XLSX 的下载地址。 */
export const trialMonitorExportUrl = (query: TrialMonitorFilters) => apiUrl('/trial-limits/monitor/export.xlsx', query);

/** 审限届满日历：期间内（最多 92 天）届满的未结案件，按日汇总。 */
export const getTrialCalendar = (query: Partial<TrialCalendarQuery> & { from: string; to: string }) => http.get<TrialCalendarView>('/trial-limits/calendar', query);

/** 大屏：审限已用超过本院提示比例（默认三分之二）的未结案件。 */
export const getTrialLobby = (courtId?: string) => http.get<TrialLobbyView>('/trial-limits/lobby', { courtId });

/** 人工指定案件的审限适用程序（null 恢复自动判断），返回重新计算后的审限。 */
export const setTrialProcedure = (caseId: string, input: TrialProcedureOverrideInput) => http.put<TrialLimitView>(`/cases/${caseId}/trial-limit/procedure`, input);

/** 法院的审限设置（节假日顺延、预警档次、长期未结分档）。 */
export const getTrialLimitSettings = (courtId: string) => http.get<TrialLimitSettingsView>(`/courts/${courtId}/trial-limit-settings`);

/** 保存法院的审限设置（带读取时的版本号）。 */
export const saveTrialLimitSettings = (courtId: string, input: TrialLimitSettingsInput) => http.put<TrialLimitSettingsView>(`/courts/${courtId}/trial-limit-settings`, input);

/** 按当前设置立即重新评估法院全部未结案件的审限预警。 */
export const sweepTrialLimits = (courtId: string) => http.post<TrialLimitSweepResult>(`/courts/${courtId}/trial-limit-sweep`);

/** 上传审限事项文件（CSV、XLSX、JSONL，≤ 10 MB），返回导入结果；不选法院时导入本院。 */
export const uploadTrialEvents = (file: File, courtId?: string) =>
  http.upload<ProcessEventImportResult>('/trial-limits/event-imports', file, { fileName: file.name, courtId });

/** 审限事项导入模板 XLSX 的下载地址。 */
export const trialEventTemplateUrl = () => apiUrl('/trial-limits/event-imports/template.xlsx');

/** 审限事项导入错误报告 XLSX 的下载地址。 */
export const trialEventErrorsUrl = (jobId: string) => apiUrl(`/trial-limits/event-imports/${jobId}/errors.xlsx`);
