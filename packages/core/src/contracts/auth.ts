import { z } from 'zod';
import { DATA_SCOPES } from '../permissions/data-scope.js';

export const LoginInput = z.strictObject({
  username: z.string().trim().min(1, { message: '请输入账号' }).max(64, { message: '账号不能超过 64 个字符' }),
  password: z.string().min(1, { message: '请输入密码' }).max(128, { message: '密码不能超过 128 个字符' }),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const ChangePasswordInput = z.strictObject({
  currentPassword: z.string().min(1, { message: '请输入当前密码' }).max(128),
  newPassword: z.string().min(1, { message: '请输入新密码' }).max(128, { message: '密码不能超过 128 个字符' }),
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

/** Who is logged in, what they may do, and the CSRF token for state-changing requests. */
export const SessionView = z.object({
  account: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    courtId: z.string(),
    courtName: z.string(),
    departmentId: z.string().nullable(),
    departmentName: z.string().nullable(),
    mustChangePassword: z.boolean(),
  }),
  roles: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  permissions: z.array(z.string()),
  scope: z.enum(DATA_SCOPES),
  csrfToken: z.string(),
  expiresAt: z.string(),
});
export type SessionView = z.infer<typeof SessionView>;
