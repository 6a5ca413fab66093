import type { Pinia } from 'pinia';
import { createRouter, createWebHistory, type RouterHistory } from 'vue-router';
import { showError } from '../components/feedback';
import { zh } from '../locales/zh-CN';
import { useAuthStore } from '../stores/auth';
import { decideNavigation } from './guard';
import { routes } from './routes';

/** The app router with its session guard; tests pass a memory history. */
export function createAppRouter(pinia: Pinia, history: RouterHistory = createWebHistory()) {
  const router = createRouter({ history, routes, scrollBehavior: () => ({ top: 0 }) });

  router.beforeEach(async (to) => {
    const auth = useAuthStore(pinia);
    // An unreachable server shows its error; the user lands on the login page and can retry.
    await auth.ensureLoaded().catch(showError);
    return decideNavigation(to, auth);
  });

  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} - ${zh.appName}` : zh.appName;
  });

  return router;
}
