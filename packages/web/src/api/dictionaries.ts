import type { DictionaryCreateInput, DictionaryItemView, DictionaryUpdateInput } from '@courtrisk/core';
import { http } from './http';

/** 某法院的全部字典项（界面按类型分组）。 */
export const listDictionaryItems = (courtId: string) => http.get<DictionaryItemView[]>('/dictionaries', { courtId });

/** 新建字典项。 */
export const createDictionaryItem = (input: DictionaryCreateInput) =>
  http.post<DictionaryItemView>('/dictionaries', input);

/** 修改字典项，含启用、停用（须带版本号）。 */
export const updateDictionaryItem = (id: string, input: DictionaryUpdateInput) =>
  http.patch<DictionaryItemView>(`/dictionaries/${id}`, input);

/** 删除字典项。 */
export const deleteDictionaryItem = (id: string) => http.delete<{ ok: true }>(`/dictionaries/${id}`);
