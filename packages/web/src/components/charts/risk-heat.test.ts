import { describe, expect, it } from 'vitest';
import { LEVEL_COLOR } from './palette';
import { buildRiskHeatOption } from './risk-heat';

type HeatItem = { value: [number, number, number]; domain: string; level: string; itemStyle: { color: string } };

const itemsOf = (option: ReturnType<typeof buildRiskHeatOption>) => (option.series as { data: HeatItem[] }[])[0]!.data;

describe('buildRiskHeatOption', () => {
  it('lays out five domains by four levels, every cell present even when empty', () => {
    const option = buildRiskHeatOption([{ domain: 'financial', level: 'red', count: 3 }]);
    expect((option.yAxis as { data: string[] }).data).toEqual(['政治安全', '社会稳定', '金融', '网络安全', '内部管理']);
    expect((option.xAxis as { data: string[] }).data).toEqual(['红', '橙', '黄', '蓝']);
    const items = itemsOf(option);
    expect(items).toHaveLength(20);
    expect(items.find((item) => item.domain === 'financial' && item.level === 'red')).toMatchObject({ value: [0, 2, 3] });
    expect(items.find((item) => item.domain === 'cyber' && item.level === 'blue')).toMatchObject({ value: [3, 3, 0] });
  });

  it('colours a cell in its level colour, deeper with more risks, and leaves empty cells grey', () => {
    const items = itemsOf(
      buildRiskHeatOption([
        { domain: 'social_stability', level: 'orange', count: 10 },
        { domain: 'political_security', level: 'orange', count: 1 },
      ]),
    );
    const full = items.find((item) => item.domain === 'social_stability' && item.level === 'orange')!.itemStyle.color;
    const light = items.find((item) => item.domain === 'political_security' && item.level === 'orange')!.itemStyle.color;
    const empty = items.find((item) => item.domain === 'cyber' && item.level === 'orange')!.itemStyle.color;
    expect(full).toBe(`${LEVEL_COLOR.orange}ff`);
    expect(light.startsWith(LEVEL_COLOR.orange)).toBe(true);
    expect(parseInt(light.slice(7), 16)).toBeLessThan(255);
    expect(empty.startsWith(LEVEL_COLOR.orange)).toBe(false);
  });
});
