import type { NotificationView } from '@courtrisk/core';
import { onBeforeUnmount, onMounted, ref, watch } from 'vue';
import { useRoute } from 'vue-router';
import { showError } from '../../components/feedback';
import { useNotificationActions } from './useNotificationActions';

/** How often the header asks for the unread count. */
export const POLL_INTERVAL_MS = 60_000;

/** The header bell: unread count polled every minute and on every page change, the newest messages on opening. */
export function useNotificationBell() {
  const { store, open: openNotification, markAllRead } = useNotificationActions();
  const route = useRoute();
  const visible = ref(false);
  let timer: ReturnType<typeof setInterval> | undefined;

  function poll(): void {
    // A background tab does not need a fresh count; it catches up on the next page change.
    if (document.visibilityState === 'hidden') return;
    // A missed poll is retried a minute later: no error toast every minute while the network is down.
    store.refreshCount().catch(() => undefined);
  }

  onMounted(() => {
    poll();
    timer = setInterval(poll, POLL_INTERVAL_MS);
  });
  onBeforeUnmount(() => clearInterval(timer));
  watch(() => route.fullPath, poll);

  const onShow = () => store.loadLatest().catch(showError);

  async function open(notification: NotificationView): Promise<void> {
    visible.value = false;
    await openNotification(notification);
  }

  return { store, visible, onShow, open, markAllRead };
}
