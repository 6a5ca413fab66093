import type { OpinionWarningListItem, Paged, PetitionWarningListItem, SourceWarningListQuery, WarningListQuery, WarningTriageInput, WarningView } from '@courtrisk/core';
import { http } from './http';

export type WarningFilters = Partial<WarningListQuery>;

/** 预警分页列表（按状态、风险类别、等级、法院筛选）。 */
export const listWarnings = (query: WarningFilters) => http.get<Paged<WarningView>>('/warnings', query);

/** 研判预警：确认、合并到另一条预警，或填写理由后排除（须带版本号）。 */
export const triageWarning = (id: string, input: WarningTriageInput) =>
  http.post<WarningView>(`/warnings/${id}/triage`, input);

export type SourceWarningFilters = Partial<SourceWarningListQuery>;

/** 预警列表 · 信访预警（按状态、等级、法院筛选，最新在前）。 */
export const listPetitionWarnings = (query: SourceWarningFilters) => http.get<Paged<PetitionWarningListItem>>('/petition-warnings', query);

/** 预警列表 · 舆情预警（按状态、等级、法院筛选，最新在前）。 */
export const listOpinionWarnings = (query: SourceWarningFilters) => http.get<Paged<OpinionWarningListItem>>('/opinion-warnings', query);
