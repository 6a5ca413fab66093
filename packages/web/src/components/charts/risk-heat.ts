import { RISK_DOMAINS, RISK_LEVELS, riskDomainLabel, riskLevelLabel, type HeatCell, type RiskDomain, type RiskLevel } from '@courtrisk/core';
import { zh } from '../../locales/zh-CN';
import type { ChartOption } from './echarts';
import { EMPTY_CELL_COLOR, LEVEL_COLOR, LEVEL_TEXT_COLOR, MUTED_TEXT_COLOR } from './palette';

/** The short level name for an axis: 红 / 橙 / 黄 / 蓝 from `一级（红）`. */
const shortLevel = (level: RiskLevel) => riskLevelLabel[level].replace(/^.*（(.)）$/, '$1');

/** Hex `#rrggbb` with an alpha channel, so a cell's shade grows with its count. */
const withAlpha = (hex: string, alpha: number) =>
  `${hex}${Math.round(alpha * 255)
    .toString(16)
    .padStart(2, '0')}`;

/**
 * 风险热力: five domains (rows) × four levels (columns) of open risks. A cell takes its level's
 * colour, deeper the more risks it holds; empty cells stay grey. Each data item carries
 * `{ domain, level }` so a click can open the register filtered to that cell.
 */
export function buildRiskHeatOption(cells: readonly HeatCell[]): ChartOption {
  const count = (domain: RiskDomain, level: RiskLevel) =>
    cells.filter((cell) => cell.domain === domain && cell.level === level).reduce((sum, cell) => sum + cell.count, 0);
  const max = Math.max(1, ...cells.map((cell) => cell.count));
  const data = RISK_DOMAINS.flatMap((domain, y) =>
    RISK_LEVELS.map((level, x) => {
      const value = count(domain, level);
      return {
        value: [x, y, value],
        domain,
        level,
        itemStyle: { color: value === 0 ? EMPTY_CELL_COLOR : withAlpha(LEVEL_COLOR[level], 0.35 + (0.65 * value) / max) },
        label: { color: value === 0 ? MUTED_TEXT_COLOR : LEVEL_TEXT_COLOR[level] },
      };
    }),
  );
  return {
    grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      formatter: (params) => {
        const item = (Array.isArray(params) ? params[0] : params)?.data as (typeof data)[number] | undefined;
        return item ? zh.workbench.heatTooltip(riskDomainLabel[item.domain], riskLevelLabel[item.level], item.value[2] ?? 0) : '';
      },
    },
    xAxis: { type: 'category', data: RISK_LEVELS.map(shortLevel), position: 'top', axisTick: { show: false }, splitArea: { show: false } },
    yAxis: { type: 'category', data: RISK_DOMAINS.map((domain) => riskDomainLabel[domain]), inverse: true, axisTick: { show: false } },
    series: [
      {
        type: 'heatmap',
        data,
        label: { show: true, fontSize: 14, fontWeight: 'bold' },
        itemStyle: { borderColor: '#fff', borderWidth: 3, borderRadius: 4 },
        emphasis: { itemStyle: { borderColor: '#303133', borderWidth: 2 } },
        cursor: 'pointer',
      },
    ],
  };
}
