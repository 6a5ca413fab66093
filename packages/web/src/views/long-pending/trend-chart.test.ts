import type { LongPendingSnapshotView } from '@courtrisk/core';
import { describe, expect, it } from 'vitest';
import { buildLongPendingTrendOption } from './trend-chart';

const snap = (isoWeek: string, buckets: [number, number][]): LongPendingSnapshotView => ({
  courtId: 'c',
  courtName: '示例法院',
  isoWeek,
  takenOn: '2026-03-02',
  openCases: 10,
  buckets: buckets.map(([months, count]) => ({ months, count })),
  takenBy: '系统',
});

describe('buildLongPendingTrendOption', () => {
  it('draws one line per bucket over the weeks, a gap where a week lacks the bucket', () => {
    const option = buildLongPendingTrendOption([snap('2026-W10', [[12, 5], [18, 2]]), snap('2026-W11', [[12, 4], [18, 2], [36, 1]])]);
    expect(option.xAxis).toMatchObject({ data: ['2026年第10周', '2026年第11周'] });
    const series = option.series as { name: string; data: (number | null)[] }[];
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['12个月以上', [5, 4]],
      ['18个月以上', [2, 2]],
      ['36个月以上', [null, 1]],
    ]);
  });

  it('has no series without snapshots', () => {
    expect(buildLongPendingTrendOption([]).series).toEqual([]);
  });
});
