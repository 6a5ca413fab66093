import type { TrialCalendarView } from '@courtrisk/core';
import { computed, ref, shallowRef, watch } from 'vue';
import { getTrialCalendar } from '../../api/trial-limits';
import { showError } from '../../components/feedback';
import { dayOf, groupByWeek, monthRange } from './calendar';

/** Today in Beijing as `YYYY-MM-DD` (the limits are computed for that day). */
const beijingToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** 审限日历: the visible month's deadlines, the chosen day's cases, and the same month by week. */
export function useTrialCalendar(fetchCalendar = getTrialCalendar) {
  const month = ref(new Date());
  const selected = ref(beijingToday());
  const mineOnly = ref(false);
  const mode = ref<'calendar' | 'week'>('calendar');
  const view = shallowRef<TrialCalendarView | null>(null);
  const loading = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      view.value = await fetchCalendar({ ...monthRange(selected.value), ...(mineOnly.value ? { mine: 'true' as const } : {}) });
    } catch (error) {
      showError(error);
    } finally {
      loading.value = false;
    }
  }

  // el-calendar moves `month` by its own buttons: follow it to the month's first day.
  watch(month, (date) => {
    const day = new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
    if (day.slice(0, 7) !== selected.value.slice(0, 7)) {
      selected.value = day;
      void load();
    } else selected.value = day;
  });
  watch(mineOnly, load);

  const selectedItems = computed(() => (view.value?.items ?? []).filter((item) => item.deadline === selected.value));
  const weeks = computed(() => groupByWeek(view.value?.items ?? []));
  const countOn = (date: string) => dayOf(view.value, date);

  void load();
  return { month, selected, mineOnly, mode, view, loading, selectedItems, weeks, countOn, load };
}
