import type {
  PetitionWarningView,
  WarningToRiskInput,
  ConfidentialRecordsView,
  CounsellingSessionInput,
  FollowUpVisitInput,
  KeyPersonInput,
  KeyPersonListQuery,
  KeyPersonReviewRequest,
  KeyPersonView,
  Paged,
  PetitionerDetailView,
  PetitionerInput,
  PetitionerListQuery,
  PetitionerSummaryView,
  PetitionerTimelineEntry,
  PetitionerUpdateInput,
  PetitionInput,
  PetitionListQuery,
  PetitionMonthlyView,
  PetitionSettingsInput,
  PetitionSettingsView,
  PetitionStepInput,
  PetitionSummaryView,
  PetitionUpdateInput,
  PetitionView,
  StabilizationPlanInput,
  StabilizationPlanView,
} from '@courtrisk/core';
import type { z } from 'zod';
import { apiUrl, http } from './http';

export type PetitionerFilters = Omit<Partial<z.input<typeof PetitionerListQuery>>, 'page' | 'pageSize'> & { page?: number; pageSize?: number };
export type PetitionFilters = Omit<Partial<z.input<typeof PetitionListQuery>>, 'page' | 'pageSize'> & { page?: number; pageSize?: number };
export type KeyPersonFilters = Omit<Partial<z.input<typeof KeyPersonListQuery>>, 'page' | 'pageSize'> & { page?: number; pageSize?: number };

/** 信访人分页列表（身份证号脱敏；按姓名、完整身份证号、标记、重点人员筛选）。 */
export const listPetitioners = (query: PetitionerFilters) => http.get<Paged<PetitionerSummaryView>>('/petitioners', query);

/** 信访人详情（历史、标记、预警、稳控方案、权限）。 */
export const getPetitioner = (id: string) => http.get<PetitionerDetailView>(`/petitioners/${id}`);

/** 新增信访人。 */
export const createPetitioner = (input: PetitionerInput) => http.post<PetitionerDetailView>('/petitioners', input);

/** 修改信访人（不填身份证号则保留原号码）。 */
export const updatePetitioner = (id: string, input: PetitionerUpdateInput) => http.put<PetitionerDetailView>(`/petitioners/${id}`, input);

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

/** 修改信访件（带读取时的版本号；服务器重新计算标记与预警，版本过期返回 409）。 */
export const updatePetition = (id: string, input: PetitionUpdateInput) => http.put<PetitionView>(`/petitions/${id}`, input);

/** 登记办理环节（可同时更新处理结果）。 */
export const addPetitionStep = (id: string, input: PetitionStepInput) => http.post<PetitionView>(`/petitions/${id}/steps`, input);

/** 信访件列表导出地址（与列表同样的筛选）。 */
export const petitionsExportUrl = (query: PetitionFilters) => apiUrl('/petitions/export.xlsx', query);

/** 制定稳控方案。 */
export const createStabilizationPlan = (input: StabilizationPlanInput) => http.post<{ items: StabilizationPlanView[] }>('/stabilization-plans', input);

/** 重点人员名单（按下次复评日期排序）。 */
export const listKeyPersons = (query: KeyPersonFilters) => http.get<Paged<KeyPersonView>>('/key-persons', query);

/** 列为重点人员。 */
export const createKeyPerson = (input: KeyPersonInput) => http.post<KeyPersonView>('/key-persons', input);

/** 重点人员复评（继续列管 / 撤销列管）。 */
export const reviewKeyPerson = (id: string, input: KeyPersonReviewRequest) => http.post<KeyPersonView>(`/key-persons/${id}/reviews`, input);

/** 登记心理疏导记录（保密）。 */
export const addCounsellingSession = (input: CounsellingSessionInput) => http.post<ConfidentialRecordsView>('/counselling-sessions', input);

/** 登记回访记录（保密）。 */
export const addFollowUpVisit = (input: FollowUpVisitInput) => http.post<ConfidentialRecordsView>('/follow-up-visits', input);

/** 每月信访件数（按标记）。 */
export const getPetitionMonthly = (months = 12) => http.get<PetitionMonthlyView>('/petitions/monthly', { months });

/** 信访人列表导出地址（与列表同样的筛选）。 */
export const petitionersExportUrl = (query: PetitionerFilters) => apiUrl('/petitioners/export.xlsx', query);

/** 转为风险 of a petition warning (POST /petition-warnings/:id/confirm). */
export const confirmPetitionWarning = (id: string, input: WarningToRiskInput) => http.post<PetitionWarningView>(`/petition-warnings/${id}/confirm`, input);

/** 信访舆情设置：重复访、集体访阈值，信访办理期限，舆情热度与陡增阈值（未保存时为默认设置，版本号 0）。 */
export const getPetitionSettings = (courtId: string) => http.get<PetitionSettingsView>(`/courts/${courtId}/petition-settings`);

/** 保存信访舆情设置（带读取时的版本号）。 */
export const savePetitionSettings = (courtId: string, input: PetitionSettingsInput) => http.put<PetitionSettingsView>(`/courts/${courtId}/petition-settings`, input);
