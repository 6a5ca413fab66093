import type { NotificationView } from '@courtrisk/core';
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { countUnreadNotifications, listNotifications, markAllNotificationsRead, markNotificationRead } from '../api/notifications';

/** How many of the newest notifications the bell's dropdown shows. */
export const LATEST_COUNT = 8;

/**
 * The unread count and the newest notifications, shared by the header bell and the 消息通知 page so
 * that reading a message in one place updates the other.
 */
export const useNotificationStore = defineStore('notifications', () => {
  const unread = ref(0);
  const latest = shallowRef<NotificationView[]>([]);
  const loadingLatest = ref(false);

  async function refreshCount(): Promise<void> {
    unread.value = (await countUnreadNotifications()).count;
  }

  async function loadLatest(): Promise<void> {
    loadingLatest.value = true;
    try {
      const [page] = await Promise.all([listNotifications({ unreadOnly: 'false', page: 1, pageSize: LATEST_COUNT }), refreshCount()]);
      latest.value = page.items;
    } finally {
      loadingLatest.value = false;
    }
  }

  /** Marks one notification read (a no-op when it already is) and returns it as it now stands. */
  async function markRead(notification: NotificationView): Promise<NotificationView> {
    if (notification.read) return notification;
    const updated = await markNotificationRead(notification.id);
    latest.value = latest.value.map((item) => (item.id === updated.id ? updated : item));
    unread.value = Math.max(0, unread.value - 1);
    return updated;
  }

  /** Marks everything read; resolves to how many were unread. */
  async function markAllRead(): Promise<number> {
    const { count } = await markAllNotificationsRead();
    unread.value = 0;
    if (latest.value.some((item) => !item.read)) await loadLatest();
    return count;
  }

  return { unread, latest, loadingLatest, refreshCount, loadLatest, markRead, markAllRead };
});
