import { z } from 'zod';
import { Id, PageQuery } from './common.js';

export const AuditEntryView = z.object({
  id: z.string(),
  courtId: z.string(),
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  summary: z.string(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' });

export const AuditListQuery = PageQuery.extend({
  courtId: Id.optional(),
  action: z.string().trim().max(64).optional(),
  actor: z.string().trim().max(64).optional(),
  from: DateText.optional(),
  to: DateText.optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;

export const LoginLogView = z.object({
  id: z.string(),
  courtId: z.string(),
  username: z.string(),
  accountId: z.string().nullable(),
  success: z.boolean(),
  reason: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  at: z.string(),
});
export type LoginLogView = z.infer<typeof LoginLogView>;

export const LoginLogListQuery = PageQuery.extend({
  courtId: Id.optional(),
  username: z.string().trim().max(64).optional(),
  success: z.enum(['true', 'false']).optional(),
  from: DateText.optional(),
  to: DateText.optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type LoginLogListQuery = z.infer<typeof LoginLogListQuery>;

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  broken: z
    .object({ courtId: z.string(), seq: z.number().int(), id: z.string().nullable(), reason: z.string() })
    .nullable(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;

/** Chinese names of audited actions, for the audit page. */
export const auditActionLabel: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.logout_all': '退出全部会话',
  'auth.password_change': '修改密码',
  'access.denied': '越权访问被拒绝',
  'court.create': '新建法院',
  'court.update': '修改法院',
  'department.create': '新建部门',
  'department.update': '修改部门',
  'department.delete': '删除部门',
  'account.create': '新建账号',
  'account.update': '修改账号',
  'account.reset_password': '重置密码',
  'account.unlock': '解除锁定',
  'account.export': '导出账号',
  'role.create': '新建角色',
  'role.update': '修改角色',
  'role.delete': '删除角色',
  'dictionary.create': '新建字典项',
  'dictionary.update': '修改字典项',
  'dictionary.delete': '删除字典项',
  'audit.export': '导出审计日志',
  'audit.verify': '校验审计日志',
  'loginlog.export': '导出登录日志',
  'demo.seed': '生成演示数据',
  'case.event': '登记审限事项',
  'watchlist.add': '添加关注名单名称',
  'watchlist.update': '修改关注名单备注',
  'watchlist.remove': '移除关注名单名称',
  'watchlist.delete': '删除关注名单',
};
