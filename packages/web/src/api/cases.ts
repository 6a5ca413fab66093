import type { CaseDetailView, CaseListQuery, CaseSummaryView, Paged } from '@courtrisk/core';
import { apiUrl, http } from './http';

export type CaseFilters = Partial<CaseListQuery>;

/** 案件分页列表（按法院、类型、状态、案由、关键字、立案日期、风险类别与等级、有无预警筛选）。 */
export const listCases = (query: CaseFilters) => http.get<Paged<CaseSummaryView>>('/cases', query);

/** 按当前筛选条件导出案件 XLSX 的下载地址。 */
export const caseExportUrl = (query: CaseFilters) => apiUrl('/cases/export.xlsx', query);

/** 案件详情：当事人、律师、诉讼请求、事实与理由，以及预警和证据。 */
export const getCase = (id: string) => http.get<CaseDetailView>(`/cases/${id}`);
