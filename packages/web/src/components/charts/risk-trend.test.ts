import { describe, expect, it } from 'vitest';
import { buildRiskTrendOption } from './risk-trend';

describe('buildRiskTrendOption', () => {
  it('shows new risks as bars and closed ones as a line over short date labels', () => {
    const option = buildRiskTrendOption([
      { date: '2025-03-09', new: 2, closed: 0 },
      { date: '2025-03-10', new: 0, closed: 1 },
    ]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['3/9', '3/10']);
    const series = option.series as { name: string; type: string; data: number[] }[];
    expect(series.map((s) => [s.name, s.type, s.data])).toEqual([
      ['新增', 'bar', [2, 0]],
      ['销号', 'line', [0, 1]],
    ]);
  });
});
