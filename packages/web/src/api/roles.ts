import type { RoleCreateInput, RoleUpdateInput, RoleView } from '@courtrisk/core';
import { http } from './http';

/** 某法院的角色列表。 */
export const listRoles = (courtId: string) => http.get<RoleView[]>('/roles', { courtId });

/** 新建角色。 */
export const createRole = (input: RoleCreateInput) => http.post<RoleView>('/roles', input);

/** 修改角色的名称、数据范围、权限（须带版本号）。 */
export const updateRole = (id: string, input: RoleUpdateInput) => http.patch<RoleView>(`/roles/${id}`, input);

/** 删除角色（内置角色或仍有账号使用时服务器拒绝）。 */
export const deleteRole = (id: string) => http.delete<{ ok: true }>(`/roles/${id}`);
