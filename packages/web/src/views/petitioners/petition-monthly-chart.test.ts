import { describe, expect, it } from 'vitest';
import { buildPetitionMonthlyOption, monthLabel } from './petition-monthly-chart';

describe('buildPetitionMonthlyOption', () => {
  it('draws a bar per flag and the monthly total as a line, labelling year changes', () => {
    const option = buildPetitionMonthlyOption({
      months: ['2025-12', '2026-01', '2026-02'],
      total: [3, 5, 2],
      byFlag: [
        { kind: 'repeat', label: '重复访', counts: [1, 2, 0] },
        { kind: 'collective', label: '集体访', counts: [0, 1, 1] },
      ],
    });
    const series = option.series as { name: string; type: string; data: number[] }[];
    expect(series.map((s) => [s.name, s.type, s.data])).toEqual([
      ['重复访', 'bar', [1, 2, 0]],
      ['集体访', 'bar', [0, 1, 1]],
      ['信访件总数', 'line', [3, 5, 2]],
    ]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['2025年12月', '2026年1月', '2月']);
  });

  it('keeps a month label short inside a year', () => {
    expect(monthLabel('2026-07', 3)).toBe('7月');
  });
});
