import type { CaseDetailView, CaseListQuery, CaseSummaryView, Paged, TrialLimitEventInput, TrialLimitView } from '@courtrisk/core';
import { apiUrl, http } from './http';

export type CaseFilters = Partial<CaseListQuery>;

/** 案件分页列表（按法院、类型、状态、案由、关键字、立案日期、风险类别与等级、有无预警筛选）。 */
export const listCases = (query: CaseFilters) => http.get<Paged<CaseSummaryView>>('/cases', query);

/** 按当前筛选条件导出案件 XLSX 的下载地址。 */
export const caseExportUrl = (query: CaseFilters) => apiUrl('/cases/export.xlsx', query);

/** 案件详情：当事人、律师、诉讼请求、事实与理由，以及预警和证据。 */
export const getCase = (id: string) => http.get<CaseDetailView>(`/cases/${id}`);

/** 案件审限：届满日、剩余天数、预警档次、计算依据与已登记的审限事项。 */
export const getTrialLimit = (id: string) => http.get<TrialLimitView>(`/cases/${id}/trial-limit`);

/** 登记审限事项（延长、扣除、中止、恢复……），返回重新计算后的审限。 */
export const addProcessEvent = (id: string, event: TrialLimitEventInput) => http.post<TrialLimitView>(`/cases/${id}/events`, event);
