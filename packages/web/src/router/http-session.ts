import { ElMessage } from 'element-plus';
import type { Router } from 'vue-router';
import { setHttpSessionHooks } from '../api/http';
import { zh } from '../locales/zh-CN';
import type { AuthStore } from '../stores/auth';

/** Lets every API call carry the CSRF token and react to a lapsed session or a forced password change. */
export function connectHttpToSession(router: Router, auth: AuthStore): void {
  setHttpSessionHooks({
    csrfToken: () => auth.csrfToken,
    onUnauthorized() {
      // A failed login or the first `/auth/me` probe is answered by its caller, not redirected.
      if (!auth.isLoggedIn) return;
      auth.setSession(null);
      ElMessage.warning({ message: zh.errors.sessionExpired, grouping: true });
      const current = router.currentRoute.value;
      const redirect = current.meta.public ? undefined : current.fullPath;
      void router.push({ name: 'login', query: redirect && redirect !== '/' ? { redirect } : {} });
    },
    onPasswordChangeRequired() {
      const session = auth.session;
      if (session) auth.setSession({ ...session, account: { ...session.account, mustChangePassword: true } });
      void router.push({ name: 'password' });
    },
  });
}
