import type { TrendPoint } from '@courtrisk/core';
import { zh } from '../../locales/zh-CN';
import type { ChartOption } from './echarts';
import { BRAND_COLOR, SUCCESS_COLOR } from './palette';

/** `2025-03-07` → `3/7`, short enough for thirty labels. */
const shortDate = (date: string) => `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}`;

/** 近 30 天新增与销号: bars for risks registered each day, a line for risks closed. */
export function buildRiskTrendOption(points: readonly TrendPoint[]): ChartOption {
  return {
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: [zh.workbench.trendNew, zh.workbench.trendClosed] },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: points.map((point) => shortDate(point.date)), axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: zh.workbench.trendNew, type: 'bar', data: points.map((point) => point.new), itemStyle: { color: BRAND_COLOR }, barMaxWidth: 14 },
      { name: zh.workbench.trendClosed, type: 'line', data: points.map((point) => point.closed), itemStyle: { color: SUCCESS_COLOR }, symbolSize: 5 },
    ],
  };
}
