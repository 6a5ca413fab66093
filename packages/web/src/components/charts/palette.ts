import type { RiskLevel } from '@courtrisk/core';

/** The statutory level colours of RiskLevelTag (`--cr-level-*` in styles.css); canvas charts cannot read CSS variables. */
export const LEVEL_COLOR: Record<RiskLevel, string> = {
  red: '#c8161d',
  orange: '#e06a00',
  yellow: '#f2c200',
  blue: '#1d5fd6',
};

/** Text on a level colour: white, except on yellow where it cannot be read. */
export const LEVEL_TEXT_COLOR: Record<RiskLevel, string> = { red: '#fff', orange: '#fff', yellow: '#3d3000', blue: '#fff' };

export const BRAND_COLOR = '#9f1d20';
export const SUCCESS_COLOR = '#2e7d32';
export const EMPTY_CELL_COLOR = '#f4f4f5';
export const MUTED_TEXT_COLOR = '#909399';
