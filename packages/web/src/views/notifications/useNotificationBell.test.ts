import type { NotificationView } from '@courtrisk/core';
import { mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import * as api from '../../api/notifications';
import { useNotificationStore } from '../../stores/notifications';
import { POLL_INTERVAL_MS, useNotificationBell } from './useNotificationBell';

vi.mock('../../api/notifications', () => ({
  countUnreadNotifications: vi.fn(),
  listNotifications: vi.fn(),
  markNotificationRead: vi.fn(),
  markAllNotificationsRead: vi.fn(),
}));
vi.mock('../../components/feedback', () => ({ showError: vi.fn(), showSuccess: vi.fn() }));

const notification = (overrides: Partial<NotificationView> = {}): NotificationView => ({
  id: 'n1',
  kind: 'clock_missed',
  kindLabel: '时限已超时',
  title: '首次研判已超时',
  body: '「某楼盘逾期交房群体纠纷」的首次研判已超时',
  link: '/risks/r1',
  riskId: 'r1',
  read: false,
  readAt: null,
  createdAt: '2025-03-10T04:00:00.000Z',
  ...overrides,
});

async function mountBell() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { render: () => null } },
      { path: '/warnings', component: { render: () => null } },
      { path: '/risks/:id', component: { render: () => null } },
    ],
  });
  await router.push('/');
  let bell!: ReturnType<typeof useNotificationBell>;
  const Host = defineComponent({
    setup() {
      bell = useNotificationBell();
      return () => h('div');
    },
  });
  const pinia = createPinia();
  const wrapper = mount(Host, { global: { plugins: [pinia, router] } });
  return { bell, router, wrapper, store: useNotificationStore(pinia) };
}

beforeEach(() => {
  vi.clearAllMocks();
  vi.useFakeTimers();
  vi.mocked(api.countUnreadNotifications).mockResolvedValue({ count: 3 });
});
afterEach(() => vi.useRealTimers());

describe('useNotificationBell', () => {
  it('asks for the unread count on mount, every minute, and on each page change', async () => {
    const { router, store } = await mountBell();
    await vi.waitFor(() => expect(store.unread).toBe(3));
    expect(api.countUnreadNotifications).toHaveBeenCalledTimes(1);
    vi.mocked(api.countUnreadNotifications).mockResolvedValue({ count: 5 });
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    expect(api.countUnreadNotifications).toHaveBeenCalledTimes(2);
    expect(store.unread).toBe(5);
    await router.push('/warnings');
    await vi.waitFor(() => expect(api.countUnreadNotifications).toHaveBeenCalledTimes(3));
  });

  it('stops polling when the header goes away', async () => {
    const { wrapper } = await mountBell();
    wrapper.unmount();
    await vi.advanceTimersByTimeAsync(3 * POLL_INTERVAL_MS);
    expect(api.countUnreadNotifications).toHaveBeenCalledTimes(1);
  });

  it('opening a message marks it read, lowers the count and goes to what it is about', async () => {
    const { bell, router, store } = await mountBell();
    await vi.waitFor(() => expect(store.unread).toBe(3));
    const withoutLink = notification({ id: 'n2', link: null });
    vi.mocked(api.listNotifications).mockResolvedValue({ items: [notification(), withoutLink], total: 2, page: 1, pageSize: 8 });
    await bell.onShow();
    vi.mocked(api.markNotificationRead).mockImplementation(async (id) => notification({ id, link: null, read: true, readAt: '2025-03-10T05:00:00.000Z' }));

    await bell.open(withoutLink);
    expect(store.unread).toBe(2);
    expect(store.latest.map((item) => item.read)).toEqual([false, true]);
    expect(router.currentRoute.value.fullPath).toBe('/');

    bell.visible.value = true;
    await bell.open(store.latest[0]!);
    expect(api.markNotificationRead).toHaveBeenLastCalledWith('n1');
    expect(bell.visible.value).toBe(false);
    expect(router.currentRoute.value.fullPath).toBe('/risks/r1');
  });

  it('全部标为已读 zeroes the count', async () => {
    const { bell, store } = await mountBell();
    await vi.waitFor(() => expect(store.unread).toBe(3));
    vi.mocked(api.markAllNotificationsRead).mockResolvedValue({ count: 3 });
    await bell.markAllRead();
    expect(store.unread).toBe(0);
  });
});
