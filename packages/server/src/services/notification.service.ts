import { notificationKindLabel, type NotificationKind, type NotificationListQuery, type NotificationView, type Paged } from '@courtrisk/core';
import type { Clock } from '../clock.js';
import type { NotificationTable } from '../db/schema.js';
import { NotFoundError } from '../errors.js';
import type { Actor } from './actor.js';
import type { Store } from './store.js';

export function presentNotification(row: NotificationTable): NotificationView {
  const kind = row.kind as NotificationKind;
  return {
    id: row.id,
    kind,
    kindLabel: notificationKindLabel[kind],
    title: row.title,
    body: row.body,
    link: row.link,
    riskId: row.riskId,
    read: row.readAt !== null,
    readAt: row.readAt,
    createdAt: row.createdAt,
  };
}

/**
 * The signed-in account's own notifications. No permission beyond being signed in: every query is
 * bound to the caller's court and account id, so another account's notification answers 404.
 * Marking as read is not audited: it changes nothing but the reader's own inbox.
 */
export function createNotificationService({ store, clock }: { store: Store; clock: Clock }) {
  const { repos } = store;
  return {
    async list(actor: Actor, query: NotificationListQuery): Promise<Paged<NotificationView>> {
      const { rows, total } = await repos.notifications.list(actor.courtId, actor.accountId, { ...query, unreadOnly: query.unreadOnly === 'true' });
      return { items: rows.map(presentNotification), total, page: query.page, pageSize: query.pageSize };
    },
    async unreadCount(actor: Actor) {
      return { count: await repos.notifications.countUnread(actor.courtId, actor.accountId) };
    },
    async markRead(actor: Actor, id: string): Promise<NotificationView> {
      if (!(await repos.notifications.get(actor.courtId, actor.accountId, id))) throw new NotFoundError('notification', id);
      await repos.notifications.markRead(actor.courtId, actor.accountId, id, clock.now().toISOString());
      return presentNotification((await repos.notifications.get(actor.courtId, actor.accountId, id))!);
    },
    async markAllRead(actor: Actor) {
      return { count: await repos.notifications.markAllRead(actor.courtId, actor.accountId, clock.now().toISOString()) };
    },
  };
}
export type NotificationService = ReturnType<typeof createNotificationService>;
