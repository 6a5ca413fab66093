import type { NotificationListQuery, NotificationView } from '@courtrisk/core';
import { listNotifications } from '../../api/notifications';
import { runRowAction } from '../../components/feedback';
import { usePagedList } from '../../composables/usePagedList';
import { useNotificationActions } from './useNotificationActions';

type Filters = Pick<NotificationListQuery, 'unreadOnly'>;

/** 消息通知: every message of the account, newest first, optionally only the unread ones. */
export function useNotificationList() {
  const actions = useNotificationActions();
  const list = usePagedList(listNotifications, (): Filters => ({ unreadOnly: 'false' }));

  const markRead = (notification: NotificationView) => runRowAction({ run: () => actions.store.markRead(notification), reload: list.load });

  async function markAllRead(): Promise<void> {
    await actions.markAllRead();
    await list.load();
  }

  void list.load();

  return { list, store: actions.store, open: actions.open, markRead, markAllRead };
}
