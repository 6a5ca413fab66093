import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { AppError, UnauthorizedError } from '../errors.js';
import type { Actor } from '../services/actor.js';
import type { Services } from '../services/index.js';

export const SESSION_COOKIE = 'cr_sid';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    session: { csrfToken: string; expiresAt: string };
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, health). */
    public?: boolean;
    /** Reachable while the initial password has not been changed yet. */
    allowPendingPasswordChange?: boolean;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, token: string, config: Config) {
  const secure = config.cookieSecure === 'auto' ? request.protocol === 'https' : config.cookieSecure;
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * Session authentication, CSRF defence and the forced password change, for every /api/v1 route
 * not marked public. CSRF: SameSite=Strict cookies plus a per-session token that state-changing
 * requests echo in `X-CSRF-Token` (OWASP synchronizer token pattern).
 */
export function registerAuth(app: FastifyInstance, services: Services) {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('session', null as unknown as FastifyRequest['session']);
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/v1/') || request.routeOptions.config.public) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw new UnauthorizedError();
    const { actor, csrfToken, expiresAt } = await services.auth.authenticate(token, request.ip);
    if (UNSAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, csrfToken)) {
        throw new AppError('csrf_failed', 403, '请求校验失败，请刷新页面后重试');
      }
    }
    if (actor.mustChangePassword && !request.routeOptions.config.allowPendingPasswordChange) {
      throw new AppError('password_change_required', 403, '首次登录或密码被重置后须先修改密码');
    }
    request.actor = actor;
    request.session = { csrfToken, expiresAt };
  });
}

/** Login has no session yet: refuse cross-site form posts by Origin (login CSRF). */
export function assertSameOrigin(request: FastifyRequest) {
  const origin = request.headers.origin;
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError('csrf_failed', 403, '请求来源无效');
  }
  if (host !== request.host) throw new AppError('csrf_failed', 403, '请求来源与本站不一致');
}
