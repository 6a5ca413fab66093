import { notificationKindLabel, type NotificationKind } from '@courtrisk/core';
import { newId } from '../ids.js';
import type { Repositories } from '../repositories/index.js';

/** One notification to create (issue 4; kinds in docs/risk-api.md). */
export interface NewNotification {
  /** The recipient's court (the row lives in the recipient's tenant; an upward report lands upstairs). */
  courtId: string;
  recipientId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** Web route to open, e.g. `/risks/<id>`. */
  link?: string;
  riskId?: string;
  /** Unique per recipient: notifying the same key again is a no-op (scheduler re-runs, retries). */
  dedupeKey?: string;
}

/** The webhook body (also what the signature covers). */
export interface WebhookPayload {
  event: NotificationKind;
  eventLabel: string;
  notificationId: string;
  courtId: string;
  recipient: { id: string; username: string | null; displayName: string | null };
  title: string;
  body: string;
  link: string | null;
  riskId: string | null;
  createdAt: string;
}

/** The repositories `notify` writes through (those of the caller's transaction). */
export type NotifyRepos = Pick<Repositories, 'notifications' | 'webhooks'>;

/**
 * Creates notifications inside the caller's transaction (`trx` is the repositories of
 * `store.transaction`), so a notification exists exactly when the change that caused it commits.
 * Keyed items already sent to that recipient are skipped on both databases. For every notification
 * actually created whose court has an enabled webhook for its kind, a delivery is queued in the same
 * transaction (outbox): the delivery worker sends it after commit, with retries.
 *
 * `at` is the ISO instant of the change (the caller's clock), used as `createdAt`.
 */
export async function notify(trx: NotifyRepos, items: readonly NewNotification[], at: string): Promise<void> {
  if (items.length === 0) return;
  const inserted = await trx.notifications.insertNew(
    dedupeWithin(items).map((item) => ({
      id: newId(),
      courtId: item.courtId,
      recipientId: item.recipientId,
      kind: item.kind,
      title: item.title,
      body: item.body,
      link: item.link ?? null,
      riskId: item.riskId ?? null,
      dedupeKey: item.dedupeKey ?? null,
      readAt: null,
      createdAt: at,
    })),
  );
  if (inserted.length === 0) return;
  const hooks = await trx.webhooks.listEnabled([...new Set(inserted.map((row) => row.courtId))]);
  if (hooks.length === 0) return;
  const deliveries = [];
  for (const hook of hooks) {
    const kinds = new Set(JSON.parse(hook.kinds) as string[]);
    const rows = inserted.filter((row) => row.courtId === hook.courtId && kinds.has(row.kind));
    if (rows.length === 0) continue;
    const names = new Map((await trx.notifications.listRecipients(hook.courtId, rows.map((r) => r.recipientId))).map((a) => [a.id, a]));
    for (const row of rows) {
      const recipient = names.get(row.recipientId);
      const payload: WebhookPayload = {
        event: row.kind as NotificationKind,
        eventLabel: notificationKindLabel[row.kind as NotificationKind],
        notificationId: row.id,
        courtId: row.courtId,
        recipient: { id: row.recipientId, username: recipient?.username ?? null, displayName: recipient?.displayName ?? null },
        title: row.title,
        body: row.body,
        link: row.link,
        riskId: row.riskId,
        createdAt: row.createdAt,
      };
      deliveries.push({
        id: newId(),
        courtId: hook.courtId,
        notificationId: row.id,
        kind: row.kind,
        url: hook.url,
        payload: JSON.stringify(payload),
        status: 'pending' as const,
        attempts: 0,
        nextAttemptAt: at,
        lastStatusCode: null,
        lastError: null,
        deliveredAt: null,
        createdAt: at,
        updatedAt: at,
        version: 1,
      });
    }
  }
  await trx.webhooks.insertDeliveries(deliveries);
}

/** The same key for the same recipient twice in one call would violate the unique key in PostgreSQL's multi-row insert. */
function dedupeWithin(items: readonly NewNotification[]): NewNotification[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (item.dedupeKey === undefined) return true;
    const key = `${item.courtId}|${item.recipientId}|${item.dedupeKey}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
