import type { TrialMonitorRow } from '@courtrisk/core';
import { describe, expect, it } from 'vitest';
import { groupByWeek, monthRange, worstTier } from './calendar';

const row = (caseNumber: string, deadline: string | null): TrialMonitorRow => ({
  caseId: caseNumber,
  courtId: 'c',
  courtName: '示例法院',
  caseNumber,
  departmentId: null,
  departmentName: null,
  judgeAccountId: null,
  judgeName: null,
  filedOn: '2025-09-16',
  procedure: null,
  procedureLabel: '',
  procedureOverridden: false,
  deadline,
  limitDays: null,
  daysUsed: null,
  daysLeft: null,
  tier: null,
  tierLabel: '',
  warningLevel: null,
  provisional: false,
});

describe('calendar helpers', () => {
  it('spans whole months, leap February included', () => {
    expect(monthRange('2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-03-31')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
  });

  it('colours a day by its worst tier, ignoring 正常', () => {
    expect(worstTier({ none: 3, notice: 1, warning: 0, urgent: 2, overdue: 0, unknown: 0 })).toBe('urgent');
    expect(worstTier({ none: 3, notice: 0, warning: 0, urgent: 0, overdue: 0, unknown: 0 })).toBeNull();
  });

  it('groups deadlines by ISO week, Monday to Sunday, in date order', () => {
    const groups = groupByWeek([row('A', '2026-03-16'), row('B', '2026-03-08'), row('C', '2026-03-22'), row('D', null), row('E', '2026-03-02')]);
    expect(groups.map((g) => [g.week, g.items.map((i) => i.caseNumber)])).toEqual([
      ['2026-W10', ['B', 'E']],
      ['2026-W12', ['A', 'C']],
    ]);
    expect(groups[0]!.label).toBe('2026年第10周（03-02 — 03-08）');
  });
});
