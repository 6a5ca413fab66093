import type { HeatCell, WorkbenchClock, WorkbenchTask, WorkbenchView } from '@courtrisk/core';
import { computed, ref, shallowRef } from 'vue';
import { useRouter, type RouteLocationRaw } from 'vue-router';
import { getWorkbench } from '../../api/workbench';
import { showError } from '../../components/feedback';
import type { ECElementEvent } from '../../components/charts/echarts';
import { buildRiskHeatOption } from '../../components/charts/risk-heat';
import { buildRiskTrendOption } from '../../components/charts/risk-trend';
import { useAuthStore } from '../../stores/auth';
import { warningSourceBreakdown } from '../warnings/warning-ref';

/** One item of a list section, straight from core's contract. */
export type WorkbenchWarningItem = NonNullable<WorkbenchView['newWarnings']>['items'][number];
export type WorkbenchReportItem = NonNullable<WorkbenchView['lowerReports']>['items'][number];

/** The sections of the view (the rest is the court and the time it was computed). */
export const WORKBENCH_SECTIONS = ['myTasks', 'myClocks', 'newWarnings', 'overdue', 'heat', 'trend', 'perCourt', 'lowerReports'] as const satisfies readonly (keyof WorkbenchView)[];

/** Whether the account may see any section at all; every section null means "nothing here for your role". */
export const hasAnySection = (view: WorkbenchView): boolean => WORKBENCH_SECTIONS.some((key) => view[key] !== null);

/** Overdue first, then by 办理期限. */
export const sortTasks = (tasks: readonly WorkbenchTask[]): WorkbenchTask[] =>
  [...tasks].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn));

/** Missed first, then the soonest due. */
export const sortClocks = (clocks: readonly WorkbenchClock[]): WorkbenchClock[] =>
  [...clocks].sort(
    (a, b) => Number(b.clock.status === 'missed') - Number(a.clock.status === 'missed') || a.clock.dueAt.localeCompare(b.clock.dueAt),
  );

/**
 * The four numbers at the top of the page; null where the account has no such section. 新预警 adds its
 * count per source (案件 / 信访 / 舆情) when the account reads more than one. List sections
 * carry only their first items, so totals come from `total`; the overdue share of my tasks is counted in
 * the items (earliest due first, so overdue ones lead) and is a lower bound (`overdueMore`) only when every
 * item shown is overdue and more are not shown.
 */
export function workbenchFigures(view: WorkbenchView) {
  const myTasks = view.myTasks;
  const overdueShown = myTasks ? myTasks.items.filter((task) => task.overdue).length : 0;
  return {
    tasks: myTasks && {
      total: myTasks.total,
      overdue: overdueShown,
      overdueMore: overdueShown > 0 && overdueShown === myTasks.items.length && myTasks.total > myTasks.items.length,
    },
    clocks: view.myClocks && {
      total: view.myClocks.length,
      missed: view.myClocks.filter((item) => item.clock.status === 'missed').length,
    },
    warnings: view.newWarnings && { total: view.newWarnings.total, breakdown: warningSourceBreakdown(view.newWarnings.bySource) },
    overdue: view.overdue && { total: view.overdue.clocks.total + view.overdue.tasks.total },
  };
}

/** How many of a list section are not shown (the server sends the first ten). */
export const notShown = (section: { total: number; items: readonly unknown[] } | null): number =>
  section ? Math.max(0, section.total - section.items.length) : 0;

/**
 * The register filtered to one heat cell. The server counts only the chosen court's own risks (lower
 * courts appear in 辖区法院概况 instead), so the link never adds `includeLowerCourts`; a court other
 * than the account's own is passed on, as the register otherwise opens on the own court. The grid counts
 * risks 在办 (待研判 … 持续监测), and so does the list it opens.
 */
export function heatCellLink(cell: Pick<HeatCell, 'domain' | 'level'>, courtId: string, ownCourtId: string | undefined): RouteLocationRaw {
  return { path: '/risks', query: { domain: cell.domain, level: cell.level, status: 'open', ...(courtId !== ownCourtId ? { courtId } : {}) } };
}

/** 工作台: what needs the user today, the risk picture of the court and, for upper courts, of the courts below. */
export function useWorkbench() {
  const auth = useAuthStore();
  const router = useRouter();
  /** An upper court may look at one lower court; it starts on the account's own court. */
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
  const hasSections = computed(() => view.value !== null && hasAnySection(view.value));
  const tasks = computed(() => sortTasks(view.value?.myTasks?.items ?? []));
  const clocks = computed(() => sortClocks(view.value?.myClocks ?? []));
  const overdueClocks = computed(() => sortClocks(view.value?.overdue?.clocks.items ?? []));
  const overdueTasks = computed(() => sortTasks(view.value?.overdue?.tasks.items ?? []));
  const overdueNotShown = computed(() => notShown(view.value?.overdue?.clocks ?? null) + notShown(view.value?.overdue?.tasks ?? null));
  const openRiskCount = computed(() => (view.value?.heat ?? []).reduce((sum, cell) => sum + cell.count, 0));
  const trendTotals = computed(() =>
    (view.value?.trend ?? []).reduce((sum, point) => ({ new: sum.new + point.new, closed: sum.closed + point.closed }), { new: 0, closed: 0 }),
  );
  const heatOption = computed(() => buildRiskHeatOption(view.value?.heat ?? []));
  const trendOption = computed(() => buildRiskTrendOption(view.value?.trend ?? []));
  /** 下级上报's full list is the leaders' page (risk.instruct); others open each risk from the card. */
  const canOpenLowerReports = computed(() => auth.can('risk.instruct'));
  /** 去研判 for those who triage warnings; the others (e.g. 承办法官) only read them. */
  const canTriage = computed(() => auth.can('warning.triage'));

  /** A heat cell opens the register filtered to its domain and level. */
  function openHeatCell(event: ECElementEvent): void {
    const cell = event.data as Partial<HeatCell> | undefined;
    if (!cell?.domain || !cell.level || !view.value) return;
    void router.push(heatCellLink({ domain: cell.domain, level: cell.level }, view.value.courtId, auth.account?.courtId));
  }

  void load();

  return {
    auth,
    courtId,
    view,
    loading,
    load,
    hasSections,
    figures,
    tasks,
    clocks,
    overdueClocks,
    overdueTasks,
    overdueNotShown,
    openRiskCount,
    trendTotals,
    heatOption,
    trendOption,
    canOpenLowerReports,
    canTriage,
    openHeatCell,
  };
}
