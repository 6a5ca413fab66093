import type { Permission } from '@courtrisk/core';
import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router';

export interface SessionState {
  isLoggedIn: boolean;
  mustChangePassword: boolean;
  can(permission: Permission): boolean;
}

/** Only same-site paths may be used as a post-login target (no `//evil.example`). */
export function safeRedirect(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : undefined;
}

/**
 * Where a navigation may go: login first, then the forced password change, then the
 * permission each matched route declares. Returns true to proceed or the place to go instead.
 */
export function decideNavigation(
  to: Pick<RouteLocationNormalized, 'meta' | 'query' | 'fullPath' | 'matched'>,
  session: SessionState,
): true | RouteLocationRaw {
  if (to.meta.public) {
    return session.isLoggedIn ? (safeRedirect(to.query.redirect) ?? '/') : true;
  }
  if (!session.isLoggedIn) {
    return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  }
  if (session.mustChangePassword && !to.meta.allowDuringPasswordChange) {
    return { name: 'password' };
  }
  const allowed = to.matched.every((record) => !record.meta.permission || session.can(record.meta.permission));
  return allowed ? true : { name: 'forbidden' };
}
