import type {
  AssessmentView,
  InstructionInput,
  InstructionView,
  Paged,
  RiskActionInput,
  RiskAssignDownInput,
  RiskAssignmentInput,
  RiskCommentInput,
  RiskCreateInput,
  RiskLinkedWarning,
  RiskListQuery,
  RiskSummaryView,
  RiskTimelineEntryView,
  RiskView,
  TaskView,
} from '@courtrisk/core';
import type { z } from 'zod';
import { apiUrl, http } from './http';

/** Query-string filters: dates and flags as the text the URL carries. */
export type RiskFilters = Omit<Partial<z.input<typeof RiskListQuery>>, 'page' | 'pageSize'> & { page?: number; pageSize?: number };

/** 风险登记册分页列表（按领域、等级、状态、法院、部门、责任人、超时、登记日期、关键字筛选）。 */
export const listRisks = (query: RiskFilters) => http.get<Paged<RiskView>>('/risks', query);

/** 按当前筛选条件导出风险登记册 XLSX 的下载地址。 */
export const riskExportUrl = (query: RiskFilters) => apiUrl('/risks/export', query);

/** 上报风险（可关联案件）；服务器按本院风险矩阵评定等级。 */
export const createRisk = (input: z.input<typeof RiskCreateInput>) => http.post<RiskView>('/risks', input);

/** 上级交办：在下级法院登记风险并附交办要求。 */
export const assignRiskDown = (input: z.input<typeof RiskAssignDownInput>) => http.post<RiskView>('/risks/assign-down', input);

/** 风险详情：时限、可执行的操作。 */
export const getRisk = (id: string) => http.get<RiskView>(`/risks/${id}`);

/** 执行一项生命周期操作（研判、制定方案、化解、销号……），须带版本号。 */
export const applyRiskAction = (id: string, input: z.input<typeof RiskActionInput>) => http.post<RiskView>(`/risks/${id}/actions`, input);

/** 调整责任人、部门或标签（须带版本号；只传要调整的项）。 */
export const reassignRisk = (id: string, input: RiskAssignmentInput) => http.put<RiskView>(`/risks/${id}/assignment`, input);

/** 风险摘要：无“查看风险”权限的承办人查看其任务所属风险的标题、等级、状态与期限。 */
export const getRiskSummary = (id: string) => http.get<RiskSummaryView>(`/risks/${id}/summary`);

/** 风险时间线（由早到晚）。 */
export const getRiskTimeline = (id: string) => http.get<{ items: RiskTimelineEntryView[] }>(`/risks/${id}/timeline`);

/** 关联预警：案件、信访、舆情预警，仅含查看者有权查看的来源（最新在前）。 */
export const listRiskWarnings = (id: string) => http.get<{ items: RiskLinkedWarning[] }>(`/risks/${id}/warnings`);

/** 研判记录。 */
export const listAssessments = (id: string) => http.get<{ items: AssessmentView[] }>(`/risks/${id}/assessments`);

/** 处置任务。 */
export const listRiskTasks = (id: string) => http.get<{ items: TaskView[] }>(`/risks/${id}/tasks`);

/** 发表评论，可 @ 本院人员（被提及的人收到通知）。 */
export const addRiskComment = (id: string, input: RiskCommentInput) => http.post<RiskTimelineEntryView>(`/risks/${id}/comments`, input);

/** 批示与交办要求。 */
export const listInstructions = (id: string) => http.get<{ items: InstructionView[] }>(`/risks/${id}/instructions`);

/** 上级法院作出批示。 */
export const addInstruction = (id: string, input: z.input<typeof InstructionInput>) => http.post<InstructionView>(`/risks/${id}/instructions`, input);

/** 本院签收批示（可附说明）。 */
export const acknowledgeInstruction = (id: string, note: string) =>
  http.post<InstructionView>(`/instructions/${id}/acknowledge`, note.trim() ? { note: note.trim() } : {});

/** 打印卷宗（PDF，含时间线）的地址。 */
export const riskDossierUrl = (id: string) => apiUrl(`/risks/${id}/dossier.pdf`);
