import type { NotificationView } from '@courtrisk/core';
import { useRouter } from 'vue-router';
import { showError, showSuccess } from '../../components/feedback';
import { zh } from '../../locales/zh-CN';
import { useNotificationStore } from '../../stores/notifications';

/** What the bell and the 消息通知 page both do with messages. */
export function useNotificationActions() {
  const store = useNotificationStore();
  const router = useRouter();

  /** Marks it read and goes to what it is about (the risk, the warnings…). */
  async function open(notification: NotificationView): Promise<void> {
    // Getting there matters more than the read mark: a failed mark is reported, the navigation still happens.
    await store.markRead(notification).catch(showError);
    if (notification.link) await router.push(notification.link);
  }

  async function markAllRead(): Promise<void> {
    try {
      showSuccess(zh.notifications.allRead(await store.markAllRead()));
    } catch (error) {
      showError(error);
    }
  }

  return { store, open, markAllRead };
}
