import type {
  OpinionWarningView,
  WarningToRiskInput,
  OpinionIntakeResult,
  OpinionItemDetailView,
  OpinionItemInput,
  OpinionItemView,
  OpinionListQuery,
  OpinionMatchDecisionInput,
  OpinionMetricsInput,
  OpinionResponseInput,
  OpinionTrendView,
  Paged,
} from '@courtrisk/core';
import { apiUrl, http } from './http';

export type OpinionFilters = Partial<OpinionListQuery>;

/** 舆情列表（来源、情感、热度、发布日期、是否关联案件、是否有预警）。 */
export const listOpinionItems = (query: OpinionFilters) => http.get<Paged<OpinionItemView>>('/opinion/items', query);

/** 按当前筛选导出舆情 XLSX 的下载地址。 */
export const opinionExportUrl = (query: OpinionFilters) => apiUrl('/opinion/items/export.xlsx', query);

/** 舆情详情：正文与情感解释、传播指标、关联案件、预警、回应。 */
export const getOpinionItem = (id: string) => http.get<OpinionItemDetailView>(`/opinion/items/${id}`);

/** 人工登记一条舆情；本院已有同一条目时追加传播指标并返回该条目。 */
export const createOpinionItem = (input: OpinionItemInput) => http.post<OpinionItemDetailView>('/opinion/items?via=hand', input);

/** 追加一次传播指标。 */
export const addOpinionSnapshot = (id: string, input: OpinionMetricsInput) => http.post<OpinionItemDetailView>(`/opinion/items/${id}/snapshots`, input);

/** 确认或排除关联案件。 */
export const decideOpinionMatch = (id: string, input: OpinionMatchDecisionInput) => http.post<OpinionItemDetailView>(`/opinion/items/${id}/matches`, input);

/** 登记回应。 */
export const respondToOpinion = (id: string, input: OpinionResponseInput) => http.post<OpinionItemDetailView>(`/opinion/items/${id}/responses`, input);

/** 热度走势（按日）。 */
export const getOpinionTrend = (from: string, to: string) => http.get<OpinionTrendView>('/opinion/heat-trend', { from, to });

/** 上传舆情文件（CSV、XLSX、JSONL，≤ 10 MB），返回导入结果。 */
export const uploadOpinionFile = (file: File) => http.upload<OpinionIntakeResult>('/opinion/imports', file, { fileName: file.name });

/** 舆情导入模板 XLSX 的下载地址。 */
export const opinionTemplateUrl = () => apiUrl('/opinion/imports/template.xlsx');

/** 舆情导入错误报告 XLSX 的下载地址。 */
export const opinionErrorsUrl = (jobId: string) => apiUrl(`/opinion/imports/${jobId}/errors.xlsx`);

/** 转为风险 of an opinion warning (POST /opinion-warnings/:id/confirm). */
export const confirmOpinionWarning = (id: string, input: WarningToRiskInput) => http.post<OpinionWarningView>(`/opinion-warnings/${id}/confirm`, input);
