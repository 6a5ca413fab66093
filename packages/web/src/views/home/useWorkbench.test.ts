import type { TaskView } from '@courtrisk/core';
import { describe, expect, it } from 'vitest';
import type { WorkbenchClock, WorkbenchView } from '../../api/workbench';
import { sortClocks, sortTasks, workbenchFigures } from './useWorkbench';

const task = (id: string, dueOn: string, overdue: boolean) => ({ id, dueOn, overdue }) as TaskView;
const clock = (key: string, dueAt: string, status: WorkbenchClock['status']) => ({ key, dueAt, status }) as WorkbenchClock;

const empty: WorkbenchView = {
  myTasks: null,
  myClocks: null,
  newWarnings: null,
  overdue: null,
  heat: null,
  trend: null,
  perCourt: null,
  lowerReports: null,
};

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
    expect(sorted.map((c) => c.key)).toEqual(['missed-early', 'missed-late', 'sooner', 'soon']);
  });
});

describe('workbenchFigures', () => {
  it('counts each section the account has, and leaves out the others', () => {
    const figures = workbenchFigures({
      ...empty,
      myTasks: [task('a', '2025-03-20', false), task('b', '2025-03-01', true)],
      myClocks: [clock('x', '2025-03-01T00:00:00.000Z', 'missed'), clock('y', '2025-03-20T00:00:00.000Z', 'due_soon')],
      newWarnings: { count: 42, latest: [] },
      overdue: { clocks: [clock('x', '2025-03-01T00:00:00.000Z', 'missed')], tasks: [task('b', '2025-03-01', true)] },
    });
    expect(figures).toEqual({ tasks: { total: 2, overdue: 1 }, clocks: { total: 2, missed: 1 }, warnings: { total: 42 }, overdue: { total: 2 } });
    expect(workbenchFigures(empty)).toEqual({ tasks: null, clocks: null, warnings: null, overdue: null });
  });
});
