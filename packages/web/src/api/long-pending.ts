import type { LongPendingList, LongPendingNoteInput, LongPendingNoteView, LongPendingQuery, LongPendingSnapshotView } from '@courtrisk/core';
import { apiUrl, http } from './http';

export type LongPendingFilters = Partial<LongPendingQuery>;

/** 长期未结台账：超过本院分档月数的未结案件，含未结原因与责任人。 */
export const listLongPending = (query: LongPendingFilters) => http.get<LongPendingList>('/long-pending', query);

/** 按当前筛选导出长期未结台账 XLSX 的下载地址。 */
export const longPendingExportUrl = (query: LongPendingFilters) => apiUrl('/long-pending/export.xlsx', query);

/** 填写或修改案件的未结原因与责任人。 */
export const saveLongPendingNote = (caseId: string, input: LongPendingNoteInput) => http.put<LongPendingNoteView>(`/long-pending/cases/${caseId}/note`, input);

/** 长期未结周快照（默认近半年），用于趋势图。 */
export const listLongPendingSnapshots = (courtId?: string) => http.get<LongPendingSnapshotView[]>('/long-pending/snapshots', { courtId });

/** 立即生成本周快照（同一周再次生成会覆盖）。 */
export const takeLongPendingSnapshot = (courtId?: string) => http.post<LongPendingSnapshotView>('/long-pending/snapshots', { courtId });
