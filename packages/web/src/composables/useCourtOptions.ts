import { shallowRef, watch, type WatchSource } from 'vue';
import { showError } from '../components/feedback';

/**
 * Choices that depend on a chosen court (its departments, its roles): reloaded whenever the
 * court changes, empty while none is chosen. Only the newest court's answer is kept.
 */
export function useCourtOptions<Option>(
  courtId: WatchSource<string | null | undefined>,
  fetchForCourt: (courtId: string) => Promise<Option[]>,
) {
  const options = shallowRef<Option[]>([]);
  let latest = 0;

  watch(
    courtId,
    async (id) => {
      const ticket = ++latest;
      options.value = [];
      if (!id) return;
      try {
        const result = await fetchForCourt(id);
        if (ticket === latest) options.value = result;
      } catch (error) {
        if (ticket === latest) showError(error);
      }
    },
    { immediate: true },
  );

  return options;
}
