import type { Permission } from '@courtrisk/core';
import type { ObjectDirective } from 'vue';
import { useAuthStore } from '../stores/auth';

/**
 * `v-can="'account.manage'"` removes the element when the session lacks the permission.
 * The permission list comes from the server (`/auth/me`); the UI never works the rules out itself.
 * A session's permissions do not change while a page is shown (logging out leaves the page),
 * so checking once on mount is enough.
 */
export const vCan: ObjectDirective<HTMLElement, Permission> = {
  mounted(el, binding) {
    if (!useAuthStore().can(binding.value)) el.remove();
  },
};
