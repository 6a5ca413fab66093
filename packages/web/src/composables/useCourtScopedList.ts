import { ref, shallowRef, watch } from 'vue';
import { showError } from '../components/feedback';
import { useAuthStore } from '../stores/auth';
import { useCourtStore } from '../stores/courts';

/**
 * A list that belongs to one court (departments, roles, dictionary items) with the court
 * selector that drives it; starts at the user's own court and reloads when it changes.
 */
export function useCourtScopedList<Row>(fetchForCourt: (courtId: string) => Promise<Row[]>) {
  const auth = useAuthStore();
  const courtStore = useCourtStore();
  const courtId = ref(auth.account?.courtId ?? '');
  const rows = shallowRef<Row[]>([]);
  const loading = ref(false);
  let latest = 0;

  async function reload(): Promise<void> {
    if (!courtId.value) return;
    const ticket = ++latest;
    loading.value = true;
    try {
      const result = await fetchForCourt(courtId.value);
      if (ticket === latest) rows.value = result;
    } catch (error) {
      if (ticket === latest) showError(error);
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  watch(courtId, reload, { immediate: true });
  void courtStore.load().catch(showError);

  return { courtId, rows, loading, reload };
}
