import { z } from 'zod';
import { PERMISSIONS, type Permission } from '../permissions/catalog.js';
import { DATA_SCOPES } from '../permissions/data-scope.js';
import { Id, nameField, Version } from './common.js';

const PermissionCode = z.enum(PERMISSIONS as [Permission, ...Permission[]], { message: '未知的权限' });

export const RoleCode = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,31}$/, { message: '角色编码须以小写字母开头，2–32 位小写字母、数字或下划线' });

export const RoleView = z.object({
  id: z.string(),
  courtId: z.string(),
  code: z.string(),
  name: z.string(),
  scope: z.enum(DATA_SCOPES),
  permissions: z.array(z.string()),
  builtin: z.boolean(),
  remark: z.string(),
  accountCount: z.number().int(),
  version: z.number().int(),
});
export type RoleView = z.infer<typeof RoleView>;

export const RoleListQuery = z.object({ courtId: Id.optional() });

export const RoleCreateInput = z.strictObject({
  courtId: Id,
  code: RoleCode,
  name: nameField('角色名称', 50),
  scope: z.enum(DATA_SCOPES, { message: '数据范围不正确' }),
  permissions: z.array(PermissionCode).max(200),
  remark: z.string().trim().max(200, { message: '备注不能超过 200 个字符' }).default(''),
});
export type RoleCreateInput = z.infer<typeof RoleCreateInput>;

export const RoleUpdateInput = z.strictObject({
  name: nameField('角色名称', 50).optional(),
  scope: z.enum(DATA_SCOPES, { message: '数据范围不正确' }).optional(),
  permissions: z.array(PermissionCode).max(200).optional(),
  remark: z.string().trim().max(200, { message: '备注不能超过 200 个字符' }).optional(),
  version: Version,
});
export type RoleUpdateInput = z.infer<typeof RoleUpdateInput>;
