import { computed } from 'vue';
import { listLoginLogs, loginLogExportUrl, type LoginLogFilters } from '../../api/login-logs';
import { useDateRange } from '../../composables/useDateRange';
import { usePagedList } from '../../composables/usePagedList';

const blankFilters = (): LoginLogFilters => ({ username: '', success: undefined, from: undefined, to: undefined });

export function useLoginLogs() {
  const list = usePagedList(listLoginLogs, blankFilters);
  const dateRange = useDateRange(list.filters);
  const exportUrl = computed(() => loginLogExportUrl({ ...list.filters }));
  void list.load();
  return { list, dateRange, exportUrl };
}
