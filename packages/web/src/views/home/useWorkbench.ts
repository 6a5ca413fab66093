import type { TaskView } from '@courtrisk/core';
import { computed, ref, shallowRef } from 'vue';
import { useRouter } from 'vue-router';
import { getWorkbench, type WorkbenchClock, type WorkbenchView } from '../../api/workbench';
import { showError } from '../../components/feedback';
import type { ECElementEvent } from '../../components/charts/echarts';
import { buildRiskHeatOption, type HeatCell } from '../../components/charts/risk-heat';
import { buildRiskTrendOption } from '../../components/charts/risk-trend';
import { useAuthStore } from '../../stores/auth';

/** Overdue first, then by 办理期限. */
export const sortTasks = (tasks: readonly TaskView[]): TaskView[] =>
  [...tasks].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn));

/** Missed first, then the soonest due. */
export const sortClocks = (clocks: readonly WorkbenchClock[]): WorkbenchClock[] =>
  [...clocks].sort((a, b) => Number(b.status === 'missed') - Number(a.status === 'missed') || a.dueAt.localeCompare(b.dueAt));

/** The four numbers at the top of the page; null where the account has no such section. */
export function workbenchFigures(view: WorkbenchView) {
  return {
    tasks: view.myTasks && { total: view.myTasks.length, overdue: view.myTasks.filter((task) => task.overdue).length },
    clocks: view.myClocks && {
      total: view.myClocks.length,
      missed: view.myClocks.filter((clock) => clock.status === 'missed').length,
    },
    warnings: view.newWarnings && { total: view.newWarnings.count },
    overdue: view.overdue && { total: view.overdue.clocks.length + view.overdue.tasks.length },
  };
}

/** 工作台: what needs the user today, the risk picture of the court and, for upper courts, of the courts below. */
export function useWorkbench() {
  const auth = useAuthStore();
  const router = useRouter();
  /** An upper court may look at one lower court; undefined is the account's own court. */
  const courtId = ref<string | undefined>(auth.account?.courtId);
  const view = shallowRef<WorkbenchView | null>(null);
  const loading = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      view.value = await getWorkbench(courtId.value);
    } catch (error) {
      showError(error);
    } finally {
      loading.value = false;
    }
  }

  const figures = computed(() => view.value && workbenchFigures(view.value));
  const hasSections = computed(() => view.value !== null && Object.values(view.value).some((section) => section !== null && section !== undefined));
  const tasks = computed(() => sortTasks(view.value?.myTasks ?? []));
  const clocks = computed(() => sortClocks(view.value?.myClocks ?? []));
  const overdueClocks = computed(() => sortClocks(view.value?.overdue?.clocks ?? []));
  const overdueTasks = computed(() => sortTasks(view.value?.overdue?.tasks ?? []));
  const openRiskCount = computed(() => (view.value?.heat ?? []).reduce((sum, cell) => sum + cell.count, 0));
  const heatOption = computed(() => buildRiskHeatOption(view.value?.heat ?? []));
  const trendOption = computed(() => buildRiskTrendOption(view.value?.trend ?? []));

  /** A heat cell opens the register filtered to its domain and level. */
  function openHeatCell(event: ECElementEvent): void {
    const cell = event.data as Partial<HeatCell> | undefined;
    if (!cell?.domain || !cell.level) return;
    const otherCourt = courtId.value && courtId.value !== auth.account?.courtId ? { courtId: courtId.value } : {};
    void router.push({ path: '/risks', query: { domain: cell.domain, level: cell.level, ...otherCourt } });
  }

  void load();

  return { auth, courtId, view, loading, load, hasSections, figures, tasks, clocks, overdueClocks, overdueTasks, openRiskCount, heatOption, trendOption, openHeatCell };
}
