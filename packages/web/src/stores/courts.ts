import { buildTree, type CourtView } from '@courtrisk/core';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { listCourts } from '../api/courts';
import { useAuthStore } from './auth';

/** What a court selector needs of a court. */
export type CourtOption = Pick<CourtView, 'id' | 'parentId' | 'name'>;

/**
 * The courts the user can see, shared by every court selector and cached per account
 * (another user logging in on the same tab reloads them).
 */
export const useCourtStore = defineStore('courts', () => {
  const auth = useAuthStore();
  const courts = ref<CourtView[]>([]);
  const loading = ref(false);
  let loadedFor: string | null = null;
  let pending: Promise<void> | null = null;

  /** Accounts without `court.read` still get their own court, so selectors never come up empty. */
  const options = computed<CourtOption[]>(() => {
    if (courts.value.length > 0) return courts.value;
    const own = auth.account;
    return own ? [{ id: own.courtId, parentId: null, name: own.courtName }] : [];
  });
  const optionTree = computed(() => buildTree(options.value));

  function nameOf(courtId: string): string {
    return options.value.find((court) => court.id === courtId)?.name ?? '';
  }

  async function fetchCourts(accountId: string): Promise<void> {
    loading.value = true;
    try {
      courts.value = auth.can('court.read') ? await listCourts() : [];
      loadedFor = accountId;
    } finally {
      loading.value = false;
    }
  }

  /** Loads once per account; `force` re-reads after an edit. */
  function load(force = false): Promise<void> {
    const accountId = auth.account?.id;
    if (!accountId) return Promise.resolve();
    if (!force && loadedFor === accountId) return Promise.resolve();
    pending ??= fetchCourts(accountId).finally(() => {
      pending = null;
    });
    return pending;
  }

  return { courts, loading, options, optionTree, nameOf, load };
});
