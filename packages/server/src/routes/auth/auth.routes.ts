import { ChangePasswordInput, LoginInput, OkBody, PERMISSION_GROUPS, DATA_SCOPES, dataScopeLabel, SessionView } from '@courtrisk/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { assertSameOrigin, clearSessionCookie, setSessionCookie } from '../../plugins/auth.js';

const PermissionCatalog = z.object({
  groups: z.array(z.object({ group: z.string(), items: z.array(z.object({ code: z.string(), label: z.string() })) })),
  scopes: z.array(z.object({ code: z.string(), label: z.string() })),
});

export function authRoutes(config: Config): FastifyPluginAsyncZod {
  return async (app) => {
    app.route({
      method: 'POST',
      url: '/auth/login',
      config: { public: true, rateLimit: { max: config.rateLimit.loginPerMinute, timeWindow: 60_000 } },
      schema: { tags: ['认证'], summary: '登录', body: LoginInput, response: { 200: SessionView } },
      handler: async (req, reply) => {
        assertSameOrigin(req);
        const { token, view } = await app.services.auth.login(req.body, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
        setSessionCookie(reply, req, token, config);
        return view;
      },
    });
    app.route({
      method: 'POST',
      url: '/auth/logout',
      config: { allowPendingPasswordChange: true },
      schema: { tags: ['认证'], summary: '退出登录', response: { 200: OkBody } },
      handler: async (req, reply) => {
        await app.services.auth.logout(req.actor);
        clearSessionCookie(reply);
        return { ok: true as const };
      },
    });
    app.route({
      method: 'POST',
      url: '/auth/logout-all',
      config: { allowPendingPasswordChange: true },
      schema: { tags: ['认证'], summary: '退出全部设备', response: { 200: z.object({ ok: z.literal(true), ended: z.number() }) } },
      handler: async (req, reply) => {
        const ended = await app.services.auth.logoutAll(req.actor);
        clearSessionCookie(reply);
        return { ok: true as const, ended };
      },
    });
    app.route({
      method: 'GET',
      url: '/auth/me',
      config: { allowPendingPasswordChange: true },
      schema: { tags: ['认证'], summary: '当前用户、权限与 CSRF 令牌', response: { 200: SessionView } },
      handler: (req) => app.services.auth.me(req.actor, req.session.csrfToken, req.session.expiresAt),
    });
    app.route({
      method: 'POST',
      url: '/auth/password',
      config: { allowPendingPasswordChange: true },
      schema: { tags: ['认证'], summary: '修改本人密码', body: ChangePasswordInput, response: { 200: SessionView } },
      handler: (req) => app.services.auth.changePassword(req.actor, req.body, req.session.expiresAt),
    });
    app.route({
      method: 'GET',
      url: '/permissions',
      schema: { tags: ['认证'], summary: '权限目录与数据范围', response: { 200: PermissionCatalog } },
      handler: async () => ({
        groups: PERMISSION_GROUPS.map((g) => ({ group: g.group, items: g.items.map(([code, label]) => ({ code, label })) })),
        scopes: DATA_SCOPES.map((code) => ({ code, label: dataScopeLabel[code] })),
      }),
    });
  };
}
