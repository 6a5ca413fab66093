import { z } from 'zod';
import { Version } from './common.js';
import { NotificationKind } from './notification.js';

/**
 * A court's outgoing webhook (issue 4): notifications of the chosen kinds are POSTed as JSON to the
 * court's own message system, signed with HMAC-SHA256 over `timestamp + "." + body` in header
 * `X-CourtRisk-Signature: t=<unix seconds>,v1=<hex>`. The secret is write-only.
 */
export const WebhookInput = z.strictObject(
  {
    url: z
      .string({ error: '请填写推送地址' })
      .trim()
      .max(500, { error: '推送地址不能超过 500 个字符' })
      .refine((text) => /^https?:\/\/[^\s/]+/i.test(text) && URL.canParse(text), { error: '推送地址应为 http:// 或 https:// 开头的网址' }),
    /** New signing secret; omit to keep the current one. */
    secret: z.string({ error: '签名密钥必须是文字' }).min(16, { error: '签名密钥至少 16 个字符' }).max(200, { error: '签名密钥不能超过 200 个字符' }).optional(),
    enabled: z.boolean({ error: '启用状态应为是或否' }),
    kinds: z
      .array(NotificationKind, { error: '推送类型应为列表' })
      .refine((kinds) => new Set(kinds).size === kinds.length, { error: '推送类型有重复' }),
    version: Version,
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `推送设置中有未知字段：${issue.keys.join('、')}` : '请填写推送设置') },
).refine((input) => !input.enabled || input.kinds.length > 0, { path: ['kinds'], error: '启用推送时至少选择一种推送类型' });
export type WebhookInput = z.infer<typeof WebhookInput>;

export const WebhookView = z.object({
  courtId: z.string(),
  url: z.string(),
  enabled: z.boolean(),
  kinds: z.array(NotificationKind),
  /** Whether a signing secret is stored; the secret itself is never returned. */
  hasSecret: z.boolean(),
  updatedAt: z.string().nullable(),
  version: z.number().int(),
});
export type WebhookView = z.infer<typeof WebhookView>;

export const WebhookTestResult = z.object({
  delivered: z.boolean(),
  /** HTTP status of the receiver, null when it could not be reached. */
  status: z.number().int().nullable(),
  error: z.string().optional(),
});
export type WebhookTestResult = z.infer<typeof WebhookTestResult>;

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export const webhookDeliveryStatusLabel: Record<(typeof WEBHOOK_DELIVERY_STATUSES)[number], string> = {
  pending: '待发送',
  delivered: '已送达',
  failed: '发送失败',
};

export const WebhookDeliveryListQuery = z.object({
  status: z.enum(WEBHOOK_DELIVERY_STATUSES, { error: '发送状态应为待发送、已送达、发送失败之一' }).optional(),
  page: z.coerce.number({ error: '页码必须是数字' }).int().min(1, { error: '页码至少为 1' }).default(1),
  pageSize: z.coerce.number({ error: '每页条数必须是数字' }).int().min(1).max(100, { error: '每页条数不能超过 100' }).default(20),
});
export type WebhookDeliveryListQuery = z.infer<typeof WebhookDeliveryListQuery>;

export const WebhookAttemptView = z.object({
  attempt: z.number().int(),
  at: z.string(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
});

export const WebhookDeliveryView = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
  attemptLog: z.array(WebhookAttemptView),
});
export type WebhookDeliveryView = z.infer<typeof WebhookDeliveryView>;
