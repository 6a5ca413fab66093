import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestPlatform, login, loginReady, STRONG_PASSWORD, testDialects, type TestPlatform } from './harness.js';

describe.each(testDialects())('authentication on %s', (dialect) => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform(dialect);
  });
  afterAll(() => platform.close());

  it('rejects a wrong password without saying whether the account exists', async () => {
    const unknown = await call(platform, null, 'POST', '/api/v1/auth/login', { username: 'nobody_here', password: 'x' });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().message).toBe('账号或密码错误');
    const wrong = await call(platform, null, 'POST', '/api/v1/auth/login', { username: 'nh_admin', password: 'wrong' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().message).toContain('账号或密码错误');
  });

  it('locks an account after 5 failures for 15 minutes, even for the right password', async () => {
    const { password } = platform.demoAccount('xc_judge');
    for (let i = 0; i < 4; i++) {
      expect((await call(platform, null, 'POST', '/api/v1/auth/login', { username: 'xc_judge', password: 'bad' })).statusCode).toBe(401);
    }
    const fifth = await call(platform, null, 'POST', '/api/v1/auth/login', { username: 'xc_judge', password: 'bad' });
    expect(fifth.statusCode).toBe(423);
    const right = await call(platform, null, 'POST', '/api/v1/auth/login', { username: 'xc_judge', password });
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe('account_locked');
    platform.clock.advanceMinutes(16);
    expect((await call(platform, null, 'POST', '/api/v1/auth/login', { username: 'xc_judge', password })).statusCode).toBe(200);
  });

  it('records every login attempt, failed and successful, with IP and user agent', async () => {
    const admin = await loginReady(platform, 'zy_admin');
    const res = await call(platform, admin, 'GET', '/api/v1/login-logs?username=xc_judge&pageSize=50');
    expect(res.statusCode).toBe(200);
    const rows = res.json().items as { success: boolean; ip: string; reason: string }[];
    expect(rows.filter((r) => !r.success).length).toBeGreaterThanOrEqual(5);
    expect(rows.some((r) => r.success)).toBe(true);
    expect(rows[0]!.ip).toBe('127.0.0.1');
  });

  it('forces a change of the initial password before anything else', async () => {
    const session = await login(platform, 'zy_risk', platform.demoAccount('zy_risk').password);
    const blocked = await call(platform, session, 'GET', '/api/v1/courts');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('password_change_required');
    expect((await call(platform, session, 'GET', '/api/v1/auth/me')).json().account.mustChangePassword).toBe(true);
  });

  it.each([
    ['Short1!', '至少 10 位'],
    ['alllowercaseletters', '至少三类'],
    ['zy_chiefAbc123!', '不能包含账号名'],
  ])('refuses the new password %s (%s)', async (newPassword, reason) => {
    const { password } = platform.demoAccount('zy_chief');
    const session = await login(platform, 'zy_chief', password);
    const res = await call(platform, session, 'POST', '/api/v1/auth/password', { currentPassword: password, newPassword });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(reason);
  });

  it('ends an idle session after 30 minutes and any session after 12 hours', async () => {
    const session = await loginReady(platform, 'zy_leader');
    platform.clock.advanceMinutes(29);
    expect((await call(platform, session, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    platform.clock.advanceMinutes(31);
    const idle = await call(platform, session, 'GET', '/api/v1/auth/me');
    expect(idle.statusCode).toBe(401);
    expect(idle.json().code).toBe('session_expired');

    const busy = await login(platform, 'zy_leader', STRONG_PASSWORD);
    for (let i = 0; i < 25; i++) {
      platform.clock.advanceMinutes(29);
      const res = await call(platform, busy, 'GET', '/api/v1/auth/me');
      if (i < 24) expect(res.statusCode).toBe(200);
      else expect(res.statusCode).toBe(401);
    }
  });

  it('rejects state-changing requests without the CSRF token', async () => {
    const session = await loginReady(platform, 'dc_admin');
    const withoutToken = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: session.cookie },
    });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().code).toBe('csrf_failed');
    const wrongToken = await call(platform, { ...session, csrf: 'forged' }, 'POST', '/api/v1/auth/logout');
    expect(wrongToken.statusCode).toBe(403);
    expect((await call(platform, session, 'POST', '/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await call(platform, session, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('refuses a cross-site login post', async () => {
    const res = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { username: 'dc_admin', password: STRONG_PASSWORD },
    });
    expect(res.statusCode).toBe(403);
  });

  it('sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const res = await call(platform, null, 'POST', '/api/v1/auth/login', { username: 'dc_admin', password: STRONG_PASSWORD });
    const cookie = res.cookies.find((c) => c.name === 'cr_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
  });

  it('logs out everywhere', async () => {
    const first = await login(platform, 'dc_admin', STRONG_PASSWORD);
    const second = await login(platform, 'dc_admin', STRONG_PASSWORD);
    const res = await call(platform, first, 'POST', '/api/v1/auth/logout-all');
    expect(res.statusCode).toBe(200);
    expect(res.json().ended).toBeGreaterThanOrEqual(2);
    expect((await call(platform, second, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('ends the sessions of a disabled account at once', async () => {
    const admin = await login(platform, 'zy_admin', STRONG_PASSWORD);
    const judge = await loginReady(platform, 'dc_judge');
    const account = (await call(platform, admin, 'GET', '/api/v1/accounts?keyword=dc_judge')).json().items[0];
    const res = await call(platform, admin, 'PATCH', `/api/v1/accounts/${account.id}`, { status: 'disabled', version: account.version });
    expect(res.statusCode).toBe(200);
    expect((await call(platform, judge, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const again = await call(platform, null, 'POST', '/api/v1/auth/login', { username: 'dc_judge', password: STRONG_PASSWORD });
    expect(again.statusCode).toBe(403);
  });
});

describe('rate limits', () => {
  it('answers 429 with a Chinese message once the login limit is spent', async () => {
    const platform = await createTestPlatform('sqlite', { env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' }, demo: false });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        codes.push((await call(platform, null, 'POST', '/api/v1/auth/login', { username: 'someone', password: 'x' })).statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
      const res = await call(platform, null, 'POST', '/api/v1/auth/login', { username: 'someone', password: 'x' });
      expect(res.json()).toMatchObject({ code: 'rate_limited', message: '请求过于频繁，请稍后再试' });
    } finally {
      await platform.close();
    }
  });
});
