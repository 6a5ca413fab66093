import { z } from 'zod';
import { Id, nameField, PageQuery, Version } from './common.js';

export const Username = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, { message: '账号须以字母开头，3–32 位字母、数字、下划线、点或连字符' });

export const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\- ]{5,20}$/, { message: '电话号码格式不正确' });

export const ACCOUNT_STATUSES = ['active', 'disabled'] as const;
export const accountStatusLabel = { active: '正常', disabled: '停用' } as const;

export const AccountView = z.object({
  id: z.string(),
  courtId: z.string(),
  courtName: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  status: z.enum(ACCOUNT_STATUSES),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  roles: z.array(z.object({ id: z.string(), name: z.string() })),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type AccountView = z.infer<typeof AccountView>;

export const AccountListQuery = PageQuery.extend({
  courtId: Id.optional(),
  departmentId: Id.optional(),
  status: z.enum(ACCOUNT_STATUSES).optional(),
  keyword: z.string().trim().max(50).optional(),
  sort: z.enum(['username', 'displayName', 'createdAt', 'lastLoginAt']).default('username'),
});
export type AccountListQuery = z.infer<typeof AccountListQuery>;

export const AccountCreateInput = z.strictObject({
  courtId: Id,
  departmentId: Id.nullable().default(null),
  username: Username,
  displayName: nameField('姓名', 50),
  phone: Phone.nullable().default(null),
  roleIds: z.array(Id).max(20).default([]),
});
export type AccountCreateInput = z.infer<typeof AccountCreateInput>;

export const AccountUpdateInput = z.strictObject({
  departmentId: Id.nullable().optional(),
  displayName: nameField('姓名', 50).optional(),
  phone: Phone.nullable().optional(),
  roleIds: z.array(Id).max(20).optional(),
  status: z.enum(ACCOUNT_STATUSES).optional(),
  version: Version,
});
export type AccountUpdateInput = z.infer<typeof AccountUpdateInput>;

/** The one-time initial password, shown once to the administrator who created or reset it. */
export const InitialPasswordView = z.object({ account: AccountView, initialPassword: z.string() });
