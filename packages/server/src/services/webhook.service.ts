import { createHmac } from 'node:crypto';
import type { NotificationKind, Paged, WebhookDeliveryListQuery, WebhookDeliveryView, WebhookInput, WebhookTestResult, WebhookView } from '@courtrisk/core';
import type { Clock } from '../clock.js';
import type { WebhookDeliveryTable, WebhookSettingTable } from '../db/schema.js';
import { StaleVersionError, ValidationError } from '../errors.js';
import { groupBy } from '../group-by.js';
import { newId } from '../ids.js';
import { asScopedCourt, type AccessChecker } from './access.js';
import { auditActorOf, type Actor } from './actor.js';
import { describeChanges, writeAudit } from './audit-writer.js';
import type { SecretBox } from './secret-box.js';
import type { Store } from './store.js';

/** Waits after the 1st, 2nd, 3rd and 4th failed attempt; the 5th failure gives up (status failed). */
export const WEBHOOK_RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000] as const;
/** How long a claimed delivery stays invisible to other workers (covers the request timeout). */
const CLAIM_LEASE_MS = 2 * 60_000;
const DUE_BATCH = 50;

/** HMAC-SHA256 over `timestamp + "." + body`, as in header `X-CourtRisk-Signature: t=…,v1=…`. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

interface AttemptResult {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

type Deps = {
  store: Store;
  access: AccessChecker;
  clock: Clock;
  secrets: SecretBox;
  timeoutMs: number;
  log: (message: string, error?: unknown) => void;
};

/**
 * A court's outgoing webhook (issue 4): settings (court.manage; the secret is write-only and sealed
 * at rest), a test send, the delivery list, and the delivery worker that sends the outbox rows
 * `notify` queued — signed, with a timeout, retried 1 min / 5 min / 30 min / 2 h, then failed; every
 * attempt recorded.
 */
export function createWebhookService({ store, access, clock, secrets, timeoutMs, log }: Deps) {
  const { repos } = store;

  function present(courtId: string, row: WebhookSettingTable | undefined): WebhookView {
    return {
      courtId,
      url: row?.url ?? '',
      enabled: row?.enabled === 1,
      kinds: row ? (JSON.parse(row.kinds) as NotificationKind[]) : [],
      hasSecret: Boolean(row?.secretSealed),
      updatedAt: row?.updatedAt ?? null,
      // A court without a setting reads as version 1; its first save stores version 2.
      version: row?.version ?? 1,
    };
  }

  async function courtInScope(actor: Actor, courtId: string) {
    await access.require(actor, 'court.manage');
    return access.inScope(actor, asScopedCourt(await repos.courts.getById(courtId)), 'court', courtId);
  }

  function openSecret(sealed: string | null | undefined): string | null {
    if (!sealed) return null;
    try {
      return secrets.open(sealed);
    } catch {
      return null;
    }
  }

  /** One POST; never throws: the outcome is recorded as an attempt. */
  async function post(url: string, secret: string, deliveryId: string, body: string): Promise<AttemptResult> {
    const started = performance.now();
    const timestamp = Math.floor(clock.now().getTime() / 1000);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'CourtRisk-Webhook/1',
          'x-courtrisk-delivery': deliveryId,
          'x-courtrisk-signature': signWebhook(secret, timestamp, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel();
      const ok = response.status >= 200 && response.status < 300;
      return { statusCode: response.status, error: ok ? null : `接收方返回 HTTP ${response.status}`, durationMs: Math.round(performance.now() - started) };
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      const reason = timedOut ? `超时（${timeoutMs / 1000} 秒内未响应）` : `无法连接：${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}`;
      return { statusCode: null, error: reason, durationMs: Math.round(performance.now() - started) };
    }
  }

  /** Records attempt n and moves the delivery on: delivered, retried later, or failed for good. */
  async function record(delivery: WebhookDeliveryTable, attempt: number, result: AttemptResult, retry: boolean) {
    const nowMs = clock.now().getTime();
    const at = new Date(nowMs).toISOString();
    const delivered = result.error === null;
    const delay = WEBHOOK_RETRY_DELAYS_MS[attempt - 1];
    const patch: Partial<WebhookDeliveryTable> = delivered
      ? { status: 'delivered', deliveredAt: at, nextAttemptAt: null }
      : retry && delay !== undefined
        ? { status: 'pending', nextAttemptAt: new Date(nowMs + delay).toISOString() }
        : { status: 'failed', nextAttemptAt: null };
    await store.transaction(async (trx) => {
      await trx.webhooks.insertAttempt({ id: newId(), courtId: delivery.courtId, deliveryId: delivery.id, attempt, at, ...result });
      await trx.webhooks.updateDelivery(delivery.courtId, delivery.id, {
        ...patch,
        url: delivery.url,
        attempts: attempt,
        lastStatusCode: result.statusCode,
        lastError: result.error,
        updatedAt: at,
      });
    });
    return delivered;
  }

  return {
    async get(actor: Actor, courtId: string): Promise<WebhookView> {
      await courtInScope(actor, courtId);
      return present(courtId, await repos.webhooks.getSetting(courtId));
    },

    async update(actor: Actor, courtId: string, input: WebhookInput): Promise<WebhookView> {
      const court = await courtInScope(actor, courtId);
      const nowIso = clock.now().toISOString();
      await store.transaction(async (trx) => {
        const row = await trx.webhooks.getSetting(courtId);
        const secretSealed = input.secret !== undefined ? secrets.seal(input.secret) : (row?.secretSealed ?? null);
        if (input.enabled && !secretSealed) throw new ValidationError('启用推送前请设置签名密钥', [{ path: 'secret', message: '请填写签名密钥（至少 16 个字符）' }]);
        const fields = { url: input.url, secretSealed, enabled: input.enabled ? 1 : 0, kinds: JSON.stringify(input.kinds), updatedBy: actor.accountId, updatedAt: nowIso };
        const saved = row
          ? await trx.webhooks.updateSettingVersioned(courtId, input.version, fields)
          : input.version === 1 && (await trx.webhooks.insertFirstSetting({ id: newId(), courtId, ...fields, createdAt: nowIso, version: 2 }));
        if (!saved) throw new StaleVersionError('webhook');
        const before = { url: row?.url ?? '', enabled: row?.enabled ?? 0, kinds: row ? (JSON.parse(row.kinds) as string[]).join('、') : '' };
        const changes = describeChanges(before, { url: input.url, enabled: fields.enabled, kinds: input.kinds.join('、') }, { url: '推送地址', enabled: '启用', kinds: '推送类型' });
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId,
          action: 'webhook.update',
          targetType: 'court',
          targetId: courtId,
          summary: `修改「${court.name}」消息推送：${changes}${input.secret !== undefined ? '；已更换签名密钥' : ''}`,
        });
      });
      return present(courtId, await repos.webhooks.getSetting(courtId));
    },

    /** Sends one test message now with the saved URL and secret (enabled or not); recorded as a delivery. */
    async test(actor: Actor, courtId: string): Promise<WebhookTestResult> {
      const court = await courtInScope(actor, courtId);
      const setting = await repos.webhooks.getSetting(courtId);
      const secret = openSecret(setting?.secretSealed);
      if (!setting?.url || secret === null) throw new ValidationError('请先保存推送地址和签名密钥', [{ path: 'secret', message: '尚未设置签名密钥，或密钥无法解密，请重新填写' }]);
      const nowIso = clock.now().toISOString();
      const delivery: WebhookDeliveryTable = {
        id: newId(),
        courtId,
        notificationId: null,
        kind: 'test',
        url: setting.url,
        payload: JSON.stringify({ event: 'test', eventLabel: '测试推送', courtId, title: '测试推送', body: `来自「${court.name}」的测试消息`, createdAt: nowIso }),
        status: 'pending',
        attempts: 0,
        nextAttemptAt: null,
        lastStatusCode: null,
        lastError: null,
        deliveredAt: null,
        createdAt: nowIso,
        updatedAt: nowIso,
        version: 1,
      };
      await store.transaction(async (trx) => {
        await trx.webhooks.insertDeliveries([delivery]);
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId,
          action: 'webhook.test',
          targetType: 'court',
          targetId: courtId,
          summary: `测试「${court.name}」消息推送：${setting.url}`,
        });
      });
      const result = await post(setting.url, secret, delivery.id, delivery.payload);
      const delivered = await record(delivery, 1, result, false);
      return { delivered, status: result.statusCode, ...(result.error ? { error: result.error } : {}) };
    },

    async deliveries(actor: Actor, courtId: string, query: WebhookDeliveryListQuery): Promise<Paged<WebhookDeliveryView>> {
      await courtInScope(actor, courtId);
      const { rows, total } = await repos.webhooks.listDeliveries(courtId, query);
      const attempts = groupBy(await repos.webhooks.listAttempts(courtId, rows.map((r) => r.id)), (a) => a.deliveryId);
      return {
        items: rows.map((row) => ({
          id: row.id,
          kind: row.kind,
          status: row.status,
          attempts: row.attempts,
          nextAttemptAt: row.nextAttemptAt,
          lastStatusCode: row.lastStatusCode,
          lastError: row.lastError,
          deliveredAt: row.deliveredAt,
          createdAt: row.createdAt,
          attemptLog: (attempts.get(row.id) ?? []).map(({ attempt, at, statusCode, error, durationMs }) => ({ attempt, at, statusCode, error, durationMs })),
        })),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /**
     * One worker pass: sends every delivery due now (all courts), each claimed by a conditional
     * update so several servers never send the same one twice. Returns how many were attempted.
     */
    async deliverDue(): Promise<number> {
      const now = clock.now();
      const due = await repos.webhooks.listDue(now.toISOString(), DUE_BATCH);
      let attempted = 0;
      for (const delivery of due) {
        const lease = new Date(now.getTime() + CLAIM_LEASE_MS).toISOString();
        if (!(await repos.webhooks.claim(delivery.courtId, delivery.id, delivery.nextAttemptAt!, lease))) continue;
        attempted += 1;
        const attempt = delivery.attempts + 1;
        try {
          // The court's current setting decides: a disabled webhook sends nothing more, a changed URL gets the retries.
          const setting = await repos.webhooks.getSetting(delivery.courtId);
          const secret = openSecret(setting?.secretSealed);
          const refused = (error: string) => record(delivery, attempt, { statusCode: null, error, durationMs: 0 }, false);
          if (!setting || setting.enabled !== 1) await refused('推送已停用，未发送');
          else if (secret === null) await refused('签名密钥缺失或无法解密（主密钥是否更换？）');
          else await record({ ...delivery, url: setting.url }, attempt, await post(setting.url, secret, delivery.id, delivery.payload), true);
        } catch (error) {
          // Left claimed: it becomes due again when the lease ends.
          log(`webhook delivery ${delivery.id} could not be recorded`, error);
        }
      }
      return attempted;
    },
  };
}
export type WebhookService = ReturnType<typeof createWebhookService>;
