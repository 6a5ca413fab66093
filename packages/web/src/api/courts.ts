import type { CourtCreateInput, CourtUpdateInput, CourtView } from '@courtrisk/core';
import { http } from './http';

/** 法院列表（平铺，按数据范围过滤；界面用 buildTree 组成树）。 */
export const listCourts = () => http.get<CourtView[]>('/courts');

/** 新建下级法院。 */
export const createCourt = (input: CourtCreateInput) => http.post<CourtView>('/courts', input);

/** 修改法院（须带上次读取的版本号）。 */
export const updateCourt = (id: string, input: CourtUpdateInput) => http.patch<CourtView>(`/courts/${id}`, input);
