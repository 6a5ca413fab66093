import { computed } from 'vue';
import { buildMenu, type MenuItem } from '../../router/menu';
import { layoutRoutes } from '../../router/routes';
import { useAuthStore } from '../../stores/auth';

/** The pages this user may open, flattened from the menu, as shortcuts on the welcome page. */
export function useHome() {
  const auth = useAuthStore();
  const shortcuts = computed(() => buildMenu(layoutRoutes, auth.can).flatMap((item): MenuItem[] => item.children ?? []));
  return { auth, shortcuts };
}
