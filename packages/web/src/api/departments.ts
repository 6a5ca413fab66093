import type { DepartmentCreateInput, DepartmentUpdateInput, DepartmentView } from '@courtrisk/core';
import { http } from './http';

/** 某法院的部门列表（平铺）。 */
export const listDepartments = (courtId: string) => http.get<DepartmentView[]>('/departments', { courtId });

/** 新建部门。 */
export const createDepartment = (input: DepartmentCreateInput) => http.post<DepartmentView>('/departments', input);

/** 修改部门，含启用、停用（须带版本号）。 */
export const updateDepartment = (id: string, input: DepartmentUpdateInput) =>
  http.patch<DepartmentView>(`/departments/${id}`, input);

/** 删除部门（有下级部门或账号时服务器拒绝）。 */
export const deleteDepartment = (id: string) => http.delete<{ ok: true }>(`/departments/${id}`);
