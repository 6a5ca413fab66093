import { dataScopeLabel, type ChangePasswordInput, type LoginInput, type Permission, type SessionView } from '@courtrisk/core';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import * as authApi from '../api/auth';
import { ApiError } from '../api/http';

/** Who is logged in and what the server says they may do; the UI never re-derives these rules. */
export const useAuthStore = defineStore('auth', () => {
  const session = ref<SessionView | null>(null);
  /** True once the first `/auth/me` probe has answered (logged in or not). */
  const loaded = ref(false);
  let loading: Promise<void> | null = null;

  const isLoggedIn = computed(() => session.value !== null);
  const account = computed(() => session.value?.account ?? null);
  const mustChangePassword = computed(() => session.value?.account.mustChangePassword ?? false);
  const csrfToken = computed(() => session.value?.csrfToken ?? null);
  const permissions = computed(() => new Set(session.value?.permissions ?? []));
  const scopeLabel = computed(() => (session.value ? dataScopeLabel[session.value.scope] : ''));

  function can(permission: Permission): boolean {
    return permissions.value.has(permission);
  }

  function setSession(next: SessionView | null): void {
    session.value = next;
    loaded.value = true;
  }

  /** Asks the server once whether a session cookie is still valid; a 401 just means "not logged in". */
  function ensureLoaded(): Promise<void> {
    if (loaded.value) return Promise.resolve();
    loading ??= authApi
      .fetchSession()
      .then(setSession, (error: unknown) => {
        setSession(null);
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  async function login(input: LoginInput): Promise<void> {
    setSession(await authApi.login(input));
  }

  async function changePassword(input: ChangePasswordInput): Promise<void> {
    setSession(await authApi.changePassword(input));
  }

  /** Ends this session; the local state is cleared even when the server is unreachable. */
  async function logout(): Promise<void> {
    try {
      await authApi.logout();
    } finally {
      setSession(null);
    }
  }

  /** Ends every session of this account (other browsers and devices too). */
  async function logoutAll(): Promise<number> {
    try {
      return (await authApi.logoutAll()).ended;
    } finally {
      setSession(null);
    }
  }

  return {
    session,
    loaded,
    isLoggedIn,
    account,
    mustChangePassword,
    csrfToken,
    permissions,
    scopeLabel,
    can,
    setSession,
    ensureLoaded,
    login,
    changePassword,
    logout,
    logoutAll,
  };
});

export type AuthStore = ReturnType<typeof useAuthStore>;
