import { z } from 'zod';

/**
 * 站内通知 (issue 4; docs/risk-api.md "Notifications"). A notification belongs to one account and is
 * read only by it; the risk scheduler and the register create them, each with an optional
 * de-duplication key so a scheduler tick that runs twice tells nobody twice.
 */

export const NOTIFICATION_KINDS = [
  'assignment',
  'mention',
  'clock_due_soon',
  'clock_missed',
  'escalation',
  'instruction',
  'instruction_ack',
  'upward_report',
  'task_overdue',
  'opinion_warning',
  'petition_warning',
] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS, { error: '通知类型不正确' });
export type NotificationKind = z.infer<typeof NotificationKind>;

/** Chinese names of the kinds, as in the notification centre and the webhook settings. */
export const notificationKindLabel: Record<NotificationKind, string> = {
  assignment: '分派给我',
  mention: '提到我',
  clock_due_soon: '时限即将到期',
  clock_missed: '时限已超时',
  escalation: '逐级督办',
  instruction: '批示、交办',
  instruction_ack: '批示已落实',
  upward_report: '下级上报',
  task_overdue: '任务逾期督办',
  opinion_warning: '舆情预警',
  petition_warning: '信访预警',
};

export const NotificationListQuery = z.object({
  unreadOnly: z.enum(['true', 'false'], { error: '仅看未读应为 true 或 false' }).default('false'),
  page: z.coerce.number({ error: '页码必须是数字' }).int().min(1, { error: '页码至少为 1' }).default(1),
  pageSize: z.coerce.number({ error: '每页条数必须是数字' }).int().min(1).max(100, { error: '每页条数不能超过 100' }).default(20),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const NotificationView = z.object({
  id: z.string(),
  kind: NotificationKind,
  kindLabel: z.string(),
  title: z.string(),
  body: z.string(),
  /** A web route to open, e.g. `/risks/<id>`. */
  link: z.string().nullable(),
  riskId: z.string().nullable(),
  read: z.boolean(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const CountView = z.object({ count: z.number().int() });
export type CountView = z.infer<typeof CountView>;
