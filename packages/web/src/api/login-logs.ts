import type { LoginLogListQuery, LoginLogView, Paged } from '@courtrisk/core';
import { apiUrl, http } from './http';

export type LoginLogFilters = Partial<LoginLogListQuery>;

/** 登录日志分页列表。 */
export const listLoginLogs = (query: LoginLogFilters) => http.get<Paged<LoginLogView>>('/login-logs', query);

/** 按当前筛选条件导出登录日志 XLSX 的下载地址。 */
export const loginLogExportUrl = (query: LoginLogFilters) => apiUrl('/login-logs/export.xlsx', query);
