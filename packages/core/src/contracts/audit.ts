import { z } from 'zod';
import { Id, PageQuery } from './common.js';
import { RISK_ACTIONS, riskActionLabel, TASK_ACTIONS, taskActionLabel } from './risk.js';

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

/** Chinese names of audited actions, for the audit page (its 操作 column and filter). */
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
  'webhook.update': '修改消息推送',
  'webhook.test': '测试消息推送',
  'case.upsert': '登记或更新案件',
  'case.import': '导入案件',
  'case.import_done': '案件导入完成',
  'case.export': '导出案件',
  'case.event': '登记审限事项',
  'case.event_import': '导入审限事项',
  'case.procedure': '指定审限适用程序',
  'trial_limit.settings': '修改审限设置',
  'trial_limit.sweep': '审限巡检',
  'trial_limit.export': '导出审限监控',
  'long_pending.note': '登记长期未结原因',
  'long_pending.snapshot': '长期未结周快照',
  'long_pending.export': '导出长期未结',
  'four_category.label': '标注四类案件',
  'four_category.reject': '不予标注四类案件',
  'four_category.revoke': '撤销四类案件标注',
  'four_category.supervision': '四类案件监督',
  'four_category.export': '导出四类案件',
  'rule.update': '修改筛查规则',
  'rule.backtest': '回测筛查规则',
  'watchlist.add': '添加关注名单名称',
  'watchlist.update': '修改关注名单备注',
  'watchlist.remove': '移除关注名单名称',
  'watchlist.delete': '删除关注名单',
  'warning.confirm': '确认预警',
  'warning.merge': '合并预警',
  'warning.dismiss': '排除预警',
  'petition_warning.confirm': '信访预警转为风险',
  'opinion_warning.confirm': '舆情预警转为风险',
  'risk.report': '上报风险',
  'risk.assign_down': '交办风险',
  'risk.reassign': '改派风险',
  'risk.instruct': '批示',
  'risk.acknowledge': '签收批示',
  'risk.comment': '评论风险',
  'risk.escalate': '风险逾期提醒升级',
  'risk.task_overdue': '处置任务逾期',
  'risk.export': '导出风险登记册',
  'risk.settings.update': '修改风险防控设置',
  ...Object.fromEntries(RISK_ACTIONS.map((action) => [`risk.${action}`, `风险：${riskActionLabel[action]}`])),
  ...Object.fromEntries(TASK_ACTIONS.map((action) => [`task.${action}`, `处置任务：${taskActionLabel[action]}`])),
  'task.file.upload': '上传处置任务附件',
  'task.file.download': '下载处置任务附件',
  'agency.create': '新建协作单位',
  'agency.update': '修改协作单位',
  'agency.delete': '删除协作单位',
  'petition.create': '登记信访件',
  'petition.update': '修改信访件',
  'petition.step': '登记信访办理环节',
  'petition.export': '导出信访件',
  'petition.settings': '修改信访舆情设置',
  'petitioner.create': '登记信访人',
  'petitioner.update': '修改信访人',
  'petitioner.export': '导出信访人',
  'petitioner.reveal_id': '查看完整身份证号',
  'petitioner.confidential_read': '查看信访人保密记录',
  'petitioner.counselling': '登记心理疏导',
  'petitioner.follow_up': '登记回访',
  'petitioner.plan': '制定稳控方案',
  'petitioner.key_person': '列为重点人员',
  'petitioner.key_person_review': '重点人员复评',
  'opinion.import': '导入舆情',
  'opinion.snapshot': '追加舆情传播指标',
  'opinion.respond': '登记舆情回应',
  'opinion.export': '导出舆情',
};
