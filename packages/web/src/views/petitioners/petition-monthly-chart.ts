import type { PetitionMonthlyView } from '@courtrisk/core';
import type { ChartOption } from '../../components/charts/echarts';
import { BRAND_COLOR } from '../../components/charts/palette';
import { zh } from '../../locales/zh-CN';

/** One colour per flag, in the order of PETITION_FLAG_KINDS (重复访, 越级访, 集体访, 极端言行). */
const FLAG_COLORS: Record<string, string> = { repeat: '#e6a23c', levelSkipping: '#9b59b6', collective: '#f56c6c', extremeSpeech: '#c0392b' };

/** `2026-03` → `3月`, or `2025年12月` at a year change so the axis stays unambiguous. */
export function monthLabel(month: string, index: number): string {
  const label = `${Number(month.slice(5, 7))}月`;
  return index === 0 || month.endsWith('-01') ? `${month.slice(0, 4)}年${label}` : label;
}

/** 每月信访件数: bars per flag, a line for all petitions of the month. */
export function buildPetitionMonthlyOption(view: PetitionMonthlyView): ChartOption {
  return {
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: view.months.map(monthLabel), axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      ...view.byFlag.map((series) => ({ name: series.label, type: 'bar' as const, data: series.counts, itemStyle: { color: FLAG_COLORS[series.kind] ?? BRAND_COLOR }, barMaxWidth: 12 })),
      { name: zh.petitions.monthlyTotal, type: 'line' as const, data: view.total, itemStyle: { color: BRAND_COLOR }, symbolSize: 5 },
    ],
  };
}
