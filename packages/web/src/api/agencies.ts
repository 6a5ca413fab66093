import type { AgencyHandoversView, AgencyInput, AgencyListQuery, AgencyUpdateInput, AgencyView, Paged } from '@courtrisk/core';
import type { z } from 'zod';
import { http } from './http';

export type AgencyFilters = Omit<Partial<z.input<typeof AgencyListQuery>>, 'page' | 'pageSize'> & { page?: number; pageSize?: number };

/** 协同单位分页列表（按名称关键字、单位类别筛选）。 */
export const listAgencies = (query: AgencyFilters) => http.get<Paged<AgencyView>>('/agencies', query);

/** 新增协同单位。 */
export const createAgency = (input: AgencyInput) => http.post<AgencyView>('/agencies', input);

/** 修改协同单位（须带版本号）。 */
export const updateAgency = (id: string, input: AgencyUpdateInput) => http.put<AgencyView>(`/agencies/${id}`, input);

/** 删除协同单位（仍有未办结任务时服务器拒绝）。 */
export const deleteAgency = (id: string) => http.delete<void>(`/agencies/${id}`);

/** 协同单位的协作记录：交办给它的任务（含反馈）与它参加的研判。 */
export const getAgencyHandovers = (id: string) => http.get<AgencyHandoversView>(`/agencies/${id}/handovers`);
