import type { AuditEntryView, AuditListQuery, AuditVerifyResult, Paged } from '@courtrisk/core';
import { apiUrl, http } from './http';

export type AuditFilters = Partial<AuditListQuery>;

/** 审计日志分页列表。 */
export const listAuditEntries = (query: AuditFilters) => http.get<Paged<AuditEntryView>>('/audit-logs', query);

/** 按当前筛选条件导出审计日志 XLSX 的下载地址。 */
export const auditExportUrl = (query: AuditFilters) => apiUrl('/audit-logs/export.xlsx', query);

/** 校验审计日志哈希链的完整性（范围内每条链）。 */
export const verifyAuditChain = () => http.post<AuditVerifyResult>('/audit-logs/verify');
