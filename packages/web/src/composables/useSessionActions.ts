import { useRouter } from 'vue-router';
import { confirmAction, showError, showSuccess } from '../components/feedback';
import { zh } from '../locales/zh-CN';
import { useAuthStore } from '../stores/auth';

/** 退出登录 / 退出全部设备, shared by the top bar and the profile page. */
export function useSessionActions() {
  const auth = useAuthStore();
  const router = useRouter();

  async function logout(): Promise<void> {
    try {
      await auth.logout();
      showSuccess(zh.layout.loggedOut);
    } catch (error) {
      showError(error);
    }
    await router.push({ name: 'login' });
  }

  async function logoutAll(): Promise<void> {
    if (!(await confirmAction(zh.layout.confirmLogoutAll, zh.layout.logoutAll))) return;
    try {
      showSuccess(zh.layout.loggedOutAll(await auth.logoutAll()));
    } catch (error) {
      showError(error);
    }
    await router.push({ name: 'login' });
  }

  return { logout, logoutAll };
}
