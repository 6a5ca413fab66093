import type {
  Paged,
  WatchListAddInput,
  WatchListAddResult,
  WatchListChangeResult,
  WatchListDeleteResult,
  WatchListEntryUpdateInput,
  WatchListEntryView,
  WatchListFileResult,
  WatchListView,
} from '@courtrisk/core';
import { http, toQueryString } from './http';

export interface WatchListEntryFilters {
  courtId?: string;
  listName: string;
  keyword?: string;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

/** 关注名单列表：各名单的名称数，以及引用它的规则（规则引用但尚无名称的名单也列出）。 */
export const listWatchLists = (courtId?: string) => http.get<WatchListView[]>('/watch-lists', { courtId });

/** 一个关注名单中的名称（分页，按名称或备注搜索，最新添加的在前）。 */
export const listWatchListEntries = (query: WatchListEntryFilters) => http.get<Paged<WatchListEntryView>>('/watch-list-entries', { ...query });

/** 向关注名单添加一个或多个名称（名单不存在时新建；已在名单中的跳过并列出）。 */
export const addWatchListEntries = (input: WatchListAddInput) => http.post<WatchListAddResult>('/watch-list-entries', input);

/** 修改名单条目的备注（须带版本号）。 */
export const updateWatchListEntry = (id: string, input: WatchListEntryUpdateInput) => http.patch<WatchListEntryView>(`/watch-list-entries/${id}`, input);

/** 从关注名单移除一个名称。 */
export const removeWatchListEntry = (id: string) => http.delete<WatchListChangeResult>(`/watch-list-entries/${id}`);

/** 从关注名单批量移除名称。 */
export const removeWatchListEntries = (ids: string[]) => http.post<WatchListChangeResult>('/watch-list-entries/remove', { ids });

/** 读取名单 Excel 文件（.xlsx）中的名称与备注，供核对后添加；服务器不写入名单。 */
export const readWatchListXlsx = (file: Blob) => http.upload<WatchListFileResult>('/watch-list-entries/read-xlsx', file);

/** 删除关注名单及其中全部名称（有启用的规则引用时服务器拒绝，409）。 */
export const deleteWatchList = (name: string, courtId?: string) =>
  http.delete<WatchListDeleteResult>(`/watch-lists/${encodeURIComponent(name)}${toQueryString({ courtId })}`);
