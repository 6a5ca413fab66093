import { WorkbenchView, type RiskClock, type WorkbenchClock, type WorkbenchTask } from '@courtrisk/core';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as workbenchApi from '../../api/workbench';
import { useAuthStore } from '../../stores/auth';
import { hasAnySection, heatCellLink, notShown, sortClocks, sortTasks, useWorkbench, workbenchFigures } from './useWorkbench';

const push = vi.fn();
vi.mock('vue-router', async (importOriginal) => ({
  ...(await importOriginal<typeof import('vue-router')>()),
  useRouter: () => ({ push }),
}));
vi.mock('../../api/workbench', () => ({ getWorkbench: vi.fn() }));
const getWorkbench = vi.mocked(workbenchApi.getWorkbench);

const OWN_COURT = '11111111-1111-4111-8111-111111111111';
const LOWER_COURT = '22222222-2222-4222-8222-222222222222';

const task = (id: string, dueOn: string, overdue: boolean): WorkbenchTask => ({
  id,
  riskId: `risk-${id}`,
  riskTitle: `风险 ${id}`,
  riskLevel: 'orange',
  description: `任务 ${id}`,
  dueOn,
  status: 'in_progress',
  overdue,
});

const clock = (key: string, dueAt: string, status: RiskClock['status']): WorkbenchClock => ({
  riskId: `risk-${key}`,
  riskTitle: `风险 ${key}`,
  courtName: '示例市中级人民法院',
  ownerName: '张法官',
  clock: {
    key,
    riskId: `risk-${key}`,
    kind: 'reportToLeader',
    label: '报告院领导',
    level: 'red',
    startedAt: '2026-03-01T00:00:00.000Z',
    dueAt,
    status,
    satisfiedAt: null,
    late: false,
    running: true,
    satisfiedBy: '“报告院领导”记录',
    basis: '红色风险 2 小时内',
  },
});

/** What the server sends to an account with no section at all (e.g. 系统管理员). */
const empty: WorkbenchView = {
  courtId: OWN_COURT,
  courtName: '示例市中级人民法院',
  generatedAt: '2026-03-04T01:00:00.000Z',
  myTasks: null,
  myClocks: null,
  newWarnings: null,
  overdue: null,
  heat: null,
  trend: null,
  perCourt: null,
  lowerReports: null,
};

/** A 中院 risk office's view, in the server's shape (`{ total, items }` list sections, `riskId` on reports). */
const full: WorkbenchView = {
  ...empty,
  myTasks: { total: 12, items: [task('a', '2026-03-20', false), task('b', '2026-03-01', true)] },
  myClocks: [clock('x', '2026-03-01T00:00:00.000Z', 'missed'), clock('y', '2026-03-20T00:00:00.000Z', 'due_soon')],
  newWarnings: {
    total: 42,
    items: [
      { source: 'petition', id: 'pw1', title: '重复信访', level: 'orange', domain: 'social_stability', courtId: OWN_COURT, petitionId: 'p1', petitionerId: 'pp1', petitionerName: '张某', createdAt: '2026-03-03T03:00:00.000Z' },
      { source: 'case', id: 'w1', title: '非法集资风险', level: 'red', domain: 'financial', courtId: OWN_COURT, caseId: 'c1', caseNumber: '(2025)示01民初7号', createdAt: '2026-03-03T02:00:00.000Z' },
    ],
    bySource: { case: 40, petition: 2, opinion: 0 },
  },
  overdue: {
    clocks: { total: 11, items: [clock('x', '2026-03-01T00:00:00.000Z', 'missed')] },
    tasks: { total: 1, items: [task('b', '2026-03-01', true)] },
  },
  heat: [
    { domain: 'financial', level: 'red', count: 2 },
    { domain: 'social_stability', level: 'orange', count: 1 },
  ],
  trend: [
    { date: '2026-03-03', new: 2, closed: 0 },
    { date: '2026-03-04', new: 0, closed: 1 },
  ],
  perCourt: [{ courtId: LOWER_COURT, courtName: '东城区人民法院', open: 1, red: 1, orange: 0, overdue: 0, reportedUp: 1 }],
  lowerReports: {
    total: 1,
    items: [
      { riskId: 'risk-dc', courtId: LOWER_COURT, courtName: '东城区人民法院', title: '欠薪聚集', level: 'red', status: 'pending_assessment', reportedAt: '2026-03-02T01:00:00.000Z', automatic: true },
    ],
  },
};

beforeEach(() => {
  setActivePinia(createPinia());
  push.mockClear();
  getWorkbench.mockReset();
});

describe('the fixtures', () => {
  it('are what the server sends (core WorkbenchView), so a contract change breaks these tests', () => {
    expect(WorkbenchView.parse(empty)).toEqual(empty);
    expect(WorkbenchView.parse(full)).toEqual(full);
  });
});

describe('workbench lists', () => {
  it('puts overdue tasks first, then the nearest due date', () => {
    const sorted = sortTasks([task('a', '2025-03-20', false), task('b', '2025-03-25', true), task('c', '2025-03-12', false), task('d', '2025-03-01', true)]);
    expect(sorted.map((t) => t.id)).toEqual(['d', 'b', 'c', 'a']);
  });

  it('puts missed clocks first, then the soonest due', () => {
    const sorted = sortClocks([
      clock('soon', '2025-03-10T08:00:00.000Z', 'due_soon'),
      clock('missed-late', '2025-03-09T08:00:00.000Z', 'missed'),
      clock('sooner', '2025-03-10T02:00:00.000Z', 'due_soon'),
      clock('missed-early', '2025-03-01T08:00:00.000Z', 'missed'),
    ]);
    expect(sorted.map((c) => c.clock.key)).toEqual(['missed-early', 'missed-late', 'sooner', 'soon']);
  });

  it('says how many of a section are not shown', () => {
    expect(notShown(full.overdue!.clocks)).toBe(10);
    expect(notShown(full.lowerReports)).toBe(0);
    expect(notShown(null)).toBe(0);
  });
});

describe('workbenchFigures', () => {
  it('takes totals from the sections, not from the ten items shown', () => {
    expect(workbenchFigures(full)).toEqual({
      tasks: { total: 12, overdue: 1, overdueMore: false },
      clocks: { total: 2, missed: 1 },
      warnings: { total: 42, breakdown: '案件 40 · 信访 2 · 舆情 0' },
      overdue: { total: 12 },
    });
  });

  it('marks the overdue count of my tasks as a lower bound when every task shown is overdue and more are hidden', () => {
    const allOverdue = { ...full, myTasks: { total: 15, items: [task('a', '2026-03-01', true), task('b', '2026-03-02', true)] } };
    expect(workbenchFigures(allOverdue).tasks).toEqual({ total: 15, overdue: 2, overdueMore: true });
  });

  it('leaves out the sections the account may not see', () => {
    expect(workbenchFigures(empty)).toEqual({ tasks: null, clocks: null, warnings: null, overdue: null });
    expect(hasAnySection(empty)).toBe(false);
    expect(hasAnySection({ ...empty, newWarnings: { total: 0, items: [], bySource: { case: 0, petition: null, opinion: null } } })).toBe(true);
  });

  it('breaks 新预警 down by source only when the account reads more than one source', () => {
    const caseOnly = { ...full, newWarnings: { total: 5, items: [], bySource: { case: 5, petition: null, opinion: null } } };
    expect(workbenchFigures(caseOnly).warnings).toEqual({ total: 5, breakdown: null });
    const withOpinion = { ...full, newWarnings: { total: 7, items: [], bySource: { case: 5, petition: null, opinion: 2 } } };
    expect(workbenchFigures(withOpinion).warnings).toEqual({ total: 7, breakdown: '案件 5 · 舆情 2' });
  });
});

describe('heatCellLink', () => {
  it('opens the register on the cell’s 在办 risks, adding the court only when it is not the account’s own (the heat counts one court)', () => {
    expect(heatCellLink({ domain: 'financial', level: 'red' }, OWN_COURT, OWN_COURT)).toEqual({ path: '/risks', query: { domain: 'financial', level: 'red', status: 'open' } });
    expect(heatCellLink({ domain: 'cyber', level: 'blue' }, LOWER_COURT, OWN_COURT)).toEqual({
      path: '/risks',
      query: { domain: 'cyber', level: 'blue', status: 'open', courtId: LOWER_COURT },
    });
  });
});

describe('useWorkbench', () => {
  const signIn = (permissions: string[]) =>
    useAuthStore().setSession({ account: { courtId: OWN_COURT, displayName: '风险办' }, permissions } as unknown as Parameters<ReturnType<typeof useAuthStore>['setSession']>[0]);

  it('reads the server’s sections into the page’s lists and figures', async () => {
    signIn(['risk.read', 'warning.read']);
    getWorkbench.mockResolvedValue(full);
    const page = useWorkbench();
    await vi.waitFor(() => expect(page.view.value).not.toBeNull());
    expect(getWorkbench).toHaveBeenCalledWith(OWN_COURT);
    expect(page.hasSections.value).toBe(true);
    expect(page.tasks.value.map((t) => t.id)).toEqual(['b', 'a']);
    expect(page.clocks.value.map((c) => c.clock.key)).toEqual(['x', 'y']);
    expect(page.overdueClocks.value).toHaveLength(1);
    expect(page.overdueTasks.value.map((t) => t.id)).toEqual(['b']);
    expect(page.overdueNotShown.value).toBe(10);
    expect(page.openRiskCount.value).toBe(3);
    expect(page.trendTotals.value).toEqual({ new: 2, closed: 1 });
    expect(page.canOpenLowerReports.value).toBe(false);
  });

  it('tells an account with every section null that there is nothing for it', async () => {
    signIn([]);
    getWorkbench.mockResolvedValue(empty);
    const page = useWorkbench();
    await vi.waitFor(() => expect(page.view.value).not.toBeNull());
    expect(page.hasSections.value).toBe(false);
    expect(page.tasks.value).toEqual([]);
    expect(page.openRiskCount.value).toBe(0);
  });

  it('opens the register from a heat cell of the court on screen', async () => {
    signIn(['risk.read', 'risk.instruct']);
    getWorkbench.mockResolvedValue({ ...full, courtId: LOWER_COURT });
    const page = useWorkbench();
    await vi.waitFor(() => expect(page.view.value).not.toBeNull());
    expect(page.canOpenLowerReports.value).toBe(true);
    page.openHeatCell({ data: { domain: 'financial', level: 'red', value: [0, 2, 2] } } as never);
    expect(push).toHaveBeenCalledWith({ path: '/risks', query: { domain: 'financial', level: 'red', status: 'open', courtId: LOWER_COURT } });
    page.openHeatCell({ data: undefined } as never);
    expect(push).toHaveBeenCalledTimes(1);
  });
});
