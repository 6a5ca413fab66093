import type { SessionView } from '@courtrisk/core';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as authApi from '../api/auth';
import { ApiError } from '../api/http';
import { useAuthStore } from './auth';

vi.mock('../api/auth');
const api = vi.mocked(authApi);

const session = (overrides: Partial<SessionView['account']> = {}): SessionView => ({
  account: {
    id: 'a1',
    username: 'zy_judge',
    displayName: '王法官',
    courtId: 'c1',
    courtName: '示例市中级人民法院',
    departmentId: 'd1',
    departmentName: '刑事审判第一庭',
    mustChangePassword: false,
    ...overrides,
  },
  roles: [{ id: 'r1', code: 'judge', name: '承办法官' }],
  permissions: ['court.read', 'case.read'],
  scope: 'self',
  csrfToken: 'csrf-1',
  expiresAt: '2030-01-01T00:00:00.000Z',
});

beforeEach(() => {
  vi.resetAllMocks();
  setActivePinia(createPinia());
});

describe('useAuthStore', () => {
  it('starts logged out and allows nothing', () => {
    const auth = useAuthStore();
    expect(auth.isLoggedIn).toBe(false);
    expect(auth.can('court.read')).toBe(false);
    expect(auth.csrfToken).toBeNull();
  });

  it('after login holds the session, its CSRF token and exactly the permissions the server sent', async () => {
    api.login.mockResolvedValue(session());
    const auth = useAuthStore();
    await auth.login({ username: 'zy_judge', password: 'x' });
    expect(auth.isLoggedIn).toBe(true);
    expect(auth.csrfToken).toBe('csrf-1');
    expect(auth.can('court.read')).toBe(true);
    expect(auth.can('account.manage')).toBe(false);
    expect(auth.scopeLabel).toBe('仅本人');
  });

  it('asks the server once, even when several navigations wait for it', async () => {
    api.fetchSession.mockResolvedValue(session());
    const auth = useAuthStore();
    await Promise.all([auth.ensureLoaded(), auth.ensureLoaded()]);
    await auth.ensureLoaded();
    expect(api.fetchSession).toHaveBeenCalledTimes(1);
    expect(auth.account?.username).toBe('zy_judge');
  });

  it('treats a 401 from /auth/me as "not logged in", and other failures as errors', async () => {
    api.fetchSession.mockRejectedValueOnce(new ApiError(401, 'unauthorized', '请先登录'));
    const first = useAuthStore();
    await expect(first.ensureLoaded()).resolves.toBeUndefined();
    expect(first.loaded).toBe(true);
    expect(first.isLoggedIn).toBe(false);

    setActivePinia(createPinia());
    api.fetchSession.mockRejectedValueOnce(new ApiError(0, 'network', '无法连接服务器'));
    const second = useAuthStore();
    await expect(second.ensureLoaded()).rejects.toMatchObject({ code: 'network' });
    expect(second.isLoggedIn).toBe(false);
  });

  it('replaces the session (and CSRF token) after a password change', async () => {
    api.login.mockResolvedValue(session({ mustChangePassword: true }));
    api.changePassword.mockResolvedValue({ ...session(), csrfToken: 'csrf-2' });
    const auth = useAuthStore();
    await auth.login({ username: 'zy_judge', password: 'x' });
    expect(auth.mustChangePassword).toBe(true);
    await auth.changePassword({ currentPassword: 'x', newPassword: 'y' });
    expect(auth.mustChangePassword).toBe(false);
    expect(auth.csrfToken).toBe('csrf-2');
  });

  it('forgets the session on logout even when the server cannot be reached', async () => {
    api.login.mockResolvedValue(session());
    api.logout.mockRejectedValue(new ApiError(0, 'network', '无法连接服务器'));
    const auth = useAuthStore();
    await auth.login({ username: 'zy_judge', password: 'x' });
    await expect(auth.logout()).rejects.toBeInstanceOf(ApiError);
    expect(auth.isLoggedIn).toBe(false);
  });

  it('reports how many sessions logging out everywhere ended', async () => {
    api.login.mockResolvedValue(session());
    api.logoutAll.mockResolvedValue({ ok: true, ended: 3 });
    const auth = useAuthStore();
    await auth.login({ username: 'zy_judge', password: 'x' });
    await expect(auth.logoutAll()).resolves.toBe(3);
    expect(auth.isLoggedIn).toBe(false);
  });
});
