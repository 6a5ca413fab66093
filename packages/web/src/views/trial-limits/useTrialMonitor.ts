import type { DepartmentView, TrialMonitorList } from '@courtrisk/core';
import { computed, reactive, ref, shallowRef, watch } from 'vue';
import { listDepartments } from '../../api/departments';
import { listTrialMonitor, trialMonitorExportUrl, type TrialMonitorFilters } from '../../api/trial-limits';
import { showError } from '../../components/feedback';
import { DEFAULT_PAGE_SIZE } from '../../composables/usePagedList';
import { useCourtStore } from '../../stores/courts';
import type { TierTab } from './trial-monitor';

type Filters = Pick<TrialMonitorFilters, 'courtId' | 'departmentId' | 'judgeAccountId' | 'procedure'> & { tier: TierTab };

const blankFilters = (): Filters => ({ courtId: undefined, departmentId: undefined, judgeAccountId: undefined, procedure: undefined, tier: '' });

/**
 * 我的审限 (`mine`: the caller's own cases) and 审限监控 (court and department views): the list
 * answer carries the tier counts for the tabs and the judges for the judge filter.
 */
export function useTrialMonitor(mine: boolean, fetchList = listTrialMonitor) {
  if (!mine) void useCourtStore().load().catch(showError);
  const filters = reactive(blankFilters());
  const page = ref(1);
  const pageSize = ref(DEFAULT_PAGE_SIZE);
  const result = shallowRef<TrialMonitorList | null>(null);
  const loading = ref(false);
  const departments = shallowRef<DepartmentView[]>([]);
  let latest = 0;

  const query = (): TrialMonitorFilters => ({
    ...(mine ? { mine: 'true' as const } : { courtId: filters.courtId, departmentId: filters.departmentId, judgeAccountId: filters.judgeAccountId, procedure: filters.procedure }),
    ...(filters.tier ? { tier: filters.tier } : {}),
  });

  async function load(): Promise<void> {
    const ticket = ++latest;
    loading.value = true;
    try {
      const answer = await fetchList({ ...query(), page: page.value, pageSize: pageSize.value });
      if (ticket === latest) result.value = answer;
    } catch (error) {
      if (ticket === latest) showError(error);
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  function search(): Promise<void> {
    page.value = 1;
    return load();
  }

  function reset(): Promise<void> {
    Object.assign(filters, blankFilters());
    return search();
  }

  // A department belongs to one court: choosing a court lists its departments and clears the old one.
  watch(
    () => filters.courtId,
    async (courtId) => {
      filters.departmentId = undefined;
      departments.value = [];
      if (!courtId) return;
      try {
        departments.value = await listDepartments(courtId);
      } catch (error) {
        showError(error);
      }
    },
  );
  watch(() => filters.tier, search);

  const exportUrl = computed(() => trialMonitorExportUrl(query()));
  const rows = computed(() => result.value?.items ?? []);
  const total = computed(() => result.value?.total ?? 0);

  void load();
  return { filters, page, pageSize, result, rows, total, loading, departments, exportUrl, load, search, reset };
}
