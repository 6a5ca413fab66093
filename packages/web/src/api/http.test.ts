import type { SessionView } from '@courtrisk/core';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { connectHttpToSession } from '../router/http-session';
import { useAuthStore } from '../stores/auth';
import { ApiError, http, setHttpSessionHooks, toQueryString } from './http';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const fetchMock = vi.fn<typeof fetch>();

function lastRequest() {
  const [url, init] = fetchMock.mock.calls.at(-1)!;
  return { url: String(url), init: init!, headers: init!.headers as Record<string, string> };
}

const session: SessionView = {
  account: {
    id: 'a1',
    username: 'zy_admin',
    displayName: '管理员',
    courtId: 'c1',
    courtName: '示例市中级人民法院',
    departmentId: null,
    departmentName: null,
    mustChangePassword: false,
  },
  roles: [{ id: 'r1', code: 'admin', name: '系统管理员' }],
  permissions: ['account.read'],
  scope: 'court_and_below',
  csrfToken: 'csrf-123',
  expiresAt: '2030-01-01T00:00:00.000Z',
};

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.unstubAllGlobals();
  setHttpSessionHooks({ csrfToken: () => null, onUnauthorized: () => undefined, onPasswordChangeRequired: () => undefined });
});

describe('http wrapper', () => {
  it('sends JSON with the session cookie and returns the parsed body', async () => {
    fetchMock.mockResolvedValue(json(200, { id: 'x' }));
    await expect(http.post('/courts', { name: '法院' })).resolves.toEqual({ id: 'x' });
    const { url, init, headers } = lastRequest();
    expect(url).toBe('/api/v1/courts');
    expect(init.credentials).toBe('same-origin');
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"name":"法院"}');
    expect(headers['Content-Type']).toBe('application/json');
  });

  it('adds X-CSRF-Token to state-changing requests only', async () => {
    setHttpSessionHooks({ csrfToken: () => 'tok', onUnauthorized: vi.fn(), onPasswordChangeRequired: vi.fn() });
    fetchMock.mockImplementation(async () => json(200, {}));
    for (const call of [
      () => http.post('/x'),
      () => http.put('/x', {}),
      () => http.patch('/x', {}),
      () => http.delete('/x'),
      () => http.upload('/x', new Blob(['a'])),
    ]) {
      await call();
      expect(lastRequest().headers['X-CSRF-Token']).toBe('tok');
    }
    await http.get('/x');
    expect(lastRequest().headers['X-CSRF-Token']).toBeUndefined();
  });

  it('puts non-empty filters into the query string', async () => {
    fetchMock.mockResolvedValue(json(200, []));
    await http.get('/accounts', { page: 2, keyword: '张', status: undefined, courtId: '' });
    expect(lastRequest().url).toBe('/api/v1/accounts?page=2&keyword=%E5%BC%A0');
    expect(toQueryString({})).toBe('');
  });

  it('uploads a file as the raw body, with its query and the CSRF token', async () => {
    setHttpSessionHooks({ csrfToken: () => 'tok', onUnauthorized: vi.fn(), onPasswordChangeRequired: vi.fn() });
    fetchMock.mockResolvedValue(json(200, { id: 'job-1' }));
    const file = new File(['案号,立案日期\n'], '案件.csv');
    await expect(http.upload('/imports/cases', file, { fileName: '案件.csv', courtId: undefined })).resolves.toEqual({ id: 'job-1' });
    const { url, init, headers } = lastRequest();
    expect(url).toBe('/api/v1/imports/cases?fileName=%E6%A1%88%E4%BB%B6.csv');
    expect(init.method).toBe('POST');
    expect(init.body).toBe(file);
    expect(headers['Content-Type']).toBe('application/octet-stream');
    expect(headers['X-CSRF-Token']).toBe('tok');
  });

  it('keeps the whole error body for endpoints that send more than a message', async () => {
    const problems = [{ line: 3, column: 5, path: 'rules.0.id', message: '规则编号不正确' }];
    fetchMock.mockResolvedValue(json(400, { code: 'rules_invalid', message: '规则包有误', requestId: 'r', problems }));
    const error = await http.put('/rules/packs/financial', {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'rules_invalid', details: { problems } });
  });

  it('turns the error body into a typed ApiError with the Chinese message and field errors', async () => {
    fetchMock.mockResolvedValue(
      json(400, {
        code: 'invalid_input',
        message: '输入有误',
        requestId: 'req-1',
        fields: [{ path: 'username', message: '账号格式不正确' }],
      }),
    );
    const error = await http.post('/accounts', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid_input',
      message: '输入有误',
      requestId: 'req-1',
      fields: [{ path: 'username', message: '账号格式不正确' }],
    });
  });

  it('gives a Chinese message when the server answers without a JSON body, or not at all', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>Bad Gateway</html>', { status: 502 }));
    await expect(http.get('/x')).rejects.toMatchObject({ status: 502, code: 'http_error', message: expect.stringContaining('HTTP 502') });
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(http.get('/x')).rejects.toMatchObject({ status: 0, code: 'network', message: expect.stringContaining('无法连接服务器') });
  });
});

describe('http wrapper connected to the session', () => {
  const Blank = defineComponent({ render: () => null });

  async function setup(path: string) {
    setActivePinia(createPinia());
    const auth = useAuthStore();
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/login', name: 'login', component: Blank, meta: { public: true } },
        { path: '/password', name: 'password', component: Blank },
        { path: '/:rest(.*)*', component: Blank },
      ],
    });
    await router.push(path);
    connectHttpToSession(router, auth);
    return { auth, router };
  }

  it('uses the CSRF token of the current session', async () => {
    const { auth } = await setup('/');
    auth.setSession(session);
    fetchMock.mockResolvedValue(json(200, {}));
    await http.post('/auth/logout');
    expect(lastRequest().headers['X-CSRF-Token']).toBe('csrf-123');
  });

  it('on 401 forgets the session and sends the user to the login page with a redirect back', async () => {
    const { auth, router } = await setup('/system/accounts?page=3');
    auth.setSession(session);
    fetchMock.mockResolvedValue(json(401, { code: 'session_expired', message: '会话已过期', requestId: 'r' }));
    await expect(http.get('/accounts')).rejects.toMatchObject({ status: 401 });
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'));
    expect(router.currentRoute.value.query.redirect).toBe('/system/accounts?page=3');
    expect(auth.isLoggedIn).toBe(false);
  });

  it('leaves a failed login on the login page (no redirect loop)', async () => {
    const { router } = await setup('/login');
    fetchMock.mockResolvedValue(json(401, { code: 'unauthorized', message: '账号或密码错误', requestId: 'r' }));
    await expect(http.post('/auth/login', {})).rejects.toMatchObject({ message: '账号或密码错误' });
    expect(router.currentRoute.value.fullPath).toBe('/login');
  });

  it('on 403 password_change_required goes to the change-password page', async () => {
    const { auth, router } = await setup('/system/roles');
    auth.setSession(session);
    fetchMock.mockResolvedValue(
      json(403, { code: 'password_change_required', message: '须先修改密码', requestId: 'r' }),
    );
    await expect(http.get('/roles')).rejects.toMatchObject({ code: 'password_change_required' });
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('password'));
    expect(auth.mustChangePassword).toBe(true);
  });

  it('does not redirect on an ordinary 403', async () => {
    const { auth, router } = await setup('/system/roles');
    auth.setSession(session);
    fetchMock.mockResolvedValue(json(403, { code: 'forbidden', message: '没有执行此操作的权限', requestId: 'r' }));
    await expect(http.get('/roles')).rejects.toMatchObject({ code: 'forbidden' });
    expect(router.currentRoute.value.fullPath).toBe('/system/roles');
  });
});
