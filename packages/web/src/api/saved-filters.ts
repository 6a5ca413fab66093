import type { SavedFilterInput, SavedFilterPage, SavedFilterView } from '@courtrisk/core';
import { http } from './http';

/** 本人在某个列表页保存的常用筛选。 */
export const listSavedFilters = (page: SavedFilterPage) => http.get<{ items: SavedFilterView[] }>('/saved-filters', { page });

/** 保存当前筛选条件。 */
export const createSavedFilter = (input: SavedFilterInput) => http.post<SavedFilterView>('/saved-filters', input);

/** 删除一条常用筛选（只能删除本人的）。 */
export const deleteSavedFilter = (id: string) => http.delete<void>(`/saved-filters/${id}`);
