import type { AccountCreateInput, AccountListQuery, AccountUpdateInput, AccountView, Paged } from '@courtrisk/core';
import { apiUrl, http } from './http';

/** 账号的一次性初始密码：新建或重置后只返回这一次。 */
export interface InitialPasswordResult {
  account: AccountView;
  initialPassword: string;
}

export type AccountFilters = Partial<AccountListQuery>;

/** 账号分页列表。 */
export const listAccounts = (query: AccountFilters) => http.get<Paged<AccountView>>('/accounts', query);

/** 账号详情。 */
export const getAccount = (id: string) => http.get<AccountView>(`/accounts/${id}`);

/** 按当前筛选条件导出账号 XLSX 的下载地址。 */
export const accountExportUrl = (query: AccountFilters) => apiUrl('/accounts/export.xlsx', query);

/** 新建账号：返回账号与一次性初始密码。 */
export const createAccount = (input: AccountCreateInput) => http.post<InitialPasswordResult>('/accounts', input);

/** 修改账号，含停用、启用（须带版本号）。 */
export const updateAccount = (id: string, input: AccountUpdateInput) =>
  http.patch<AccountView>(`/accounts/${id}`, input);

/** 重置密码：返回新的一次性初始密码。 */
export const resetAccountPassword = (id: string) =>
  http.post<InitialPasswordResult>(`/accounts/${id}/reset-password`);

/** 解除登录失败锁定。 */
export const unlockAccount = (id: string) => http.post<AccountView>(`/accounts/${id}/unlock`);
