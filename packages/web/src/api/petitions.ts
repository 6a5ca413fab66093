import type {
  ConfidentialRecordsView,
  Paged,
  PetitionerDetailView,
  PetitionerInput,
  PetitionerListQuery,
  PetitionerSummaryView,
  PetitionerTimelineEntry,
  PetitionInput,
  PetitionListQuery,
  PetitionMonthlyView,
  PetitionSummaryView,
  PetitionView,
} from '@courtrisk/core';
import type { z } from 'zod';
import { apiUrl, http } from './http';

export type PetitionerFilters = Omit<Partial<z.input<typeof PetitionerListQuery>>, 'page' | 'pageSize'> & { page?: number; pageSize?: number };
export type PetitionFilters = Omit<Partial<z.input<typeof PetitionListQuery>>, 'page' | 'pageSize'> & { page?: number; pageSize?: number };

/** 信访人分页列表（身份证号脱敏；按姓名、完整身份证号、标记、重点人员筛选）。 */
export const listPetitioners = (query: PetitionerFilters) => http.get<Paged<PetitionerSummaryView>>('/petitioners', query);

/** 信访人详情（历史、标记、预警、稳控方案、权限）。 */
export const getPetitioner = (id: string) => http.get<PetitionerDetailView>(`/petitioners/${id}`);

/** 新增信访人。 */
export const createPetitioner = (input: PetitionerInput) => http.post<PetitionerDetailView>('/petitioners', input);

/** 查看完整身份证号（需保密权限，服务器逐次审计）。 */
export const revealIdNumber = (id: string) => http.post<{ idNumber: string }>(`/petitioners/${id}/reveal-id`);

/** 信访人时间线。 */
export const getPetitionerTimeline = (id: string) => http.get<{ items: PetitionerTimelineEntry[] }>(`/petitioners/${id}/timeline`);

/** 心理疏导与回访记录（保密，逐次审计）。 */
export const getConfidentialRecords = (id: string) => http.get<ConfidentialRecordsView>(`/petitioners/${id}/confidential`);

/** 信访件分页列表。 */
export const listPetitions = (query: PetitionFilters) => http.get<Paged<PetitionSummaryView>>('/petitions', query);

/** 信访件详情（办理环节、期限）。 */
export const getPetition = (id: string) => http.get<PetitionView>(`/petitions/${id}`);

/** 登记信访件（服务器计算标记并预警）。 */
export const createPetition = (input: PetitionInput) => http.post<PetitionView>('/petitions', input);

/** 每月信访件数（按标记）。 */
export const getPetitionMonthly = (months = 12) => http.get<PetitionMonthlyView>('/petitions/monthly', { months });

/** 信访人列表导出地址（与列表同样的筛选）。 */
export const petitionersExportUrl = (query: PetitionerFilters) => apiUrl('/petitioners/export.xlsx', query);
