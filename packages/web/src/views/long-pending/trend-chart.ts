import type { LongPendingSnapshotView } from '@courtrisk/core';
import type { ChartOption } from '../../components/charts/echarts';
import { LEVEL_COLOR } from '../../components/charts/palette';

/** Longer buckets in hotter colours: 12 → blue, 18 → orange, 36 → red (more buckets reuse the last). */
const BUCKET_COLORS = [LEVEL_COLOR.blue, LEVEL_COLOR.orange, LEVEL_COLOR.red, '#6b1d9f'];

export const bucketName = (months: number) => `${months}个月以上`;

/**
 * 长期未结趋势: one line per bucket across the weekly snapshots (x = ISO week). A bucket added
 * later by a settings change has no value in earlier weeks (a gap, not a zero).
 */
export function buildLongPendingTrendOption(snapshots: readonly LongPendingSnapshotView[]): ChartOption {
  const months = [...new Set(snapshots.flatMap((s) => s.buckets.map((b) => b.months)))].sort((a, b) => a - b);
  return {
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: months.map(bucketName) },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: snapshots.map((s) => s.isoWeek.replace('-W', '年第') + '周'), axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: months.map((m, index) => ({
      name: bucketName(m),
      type: 'line',
      smooth: true,
      symbolSize: 6,
      itemStyle: { color: BUCKET_COLORS[Math.min(index, BUCKET_COLORS.length - 1)] },
      data: snapshots.map((s) => s.buckets.find((b) => b.months === m)?.count ?? null),
    })),
  };
}
