import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RISK_LEVELS, type RiskLevel } from '../screening/rule-schema.js';
import { DEFAULT_RISK_MATRIX, isMoreSevere, maxLevel, RiskMatrix, scoreRisk } from './scoring.js';

describe('scoreRisk — PRODUCT.md §4 default bands (≥20 红, 12–19 橙, 6–11 黄, 1–5 蓝)', () => {
  it.each<[number, number, number, RiskLevel]>([
    [5, 5, 25, 'red'],
    [4, 5, 20, 'red'],
    [4, 4, 16, 'orange'],
    [3, 4, 12, 'orange'],
    [2, 5, 10, 'yellow'],
    [2, 3, 6, 'yellow'],
    [1, 5, 5, 'blue'],
    [1, 1, 1, 'blue'],
  ])('%i × %i = %i → %s', (likelihood, impact, score, level) => {
    expect(scoreRisk(likelihood, impact, DEFAULT_RISK_MATRIX)).toEqual({
      likelihood,
      impact,
      score,
      level,
      criteria: { matrixVersion: 1, bands: { red: 20, orange: 12, yellow: 6 } },
    });
  });

  it('keeps the criteria it was scored under when the court later changes its matrix', () => {
    const matrix = RiskMatrix.parse({ version: 1, bands: { red: 20, orange: 12, yellow: 6 } });
    const scored = scoreRisk(3, 5, matrix);
    matrix.bands.orange = 16;
    matrix.version = 2;
    expect(scored.level).toBe('orange');
    expect(scored.criteria).toEqual({ matrixVersion: 1, bands: { red: 20, orange: 12, yellow: 6 } });
    expect(scoreRisk(3, 5, matrix)).toMatchObject({ level: 'yellow', criteria: { matrixVersion: 2 } });
  });

  it('uses a stricter court matrix', () => {
    const strict = RiskMatrix.parse({ version: 3, bands: { red: 15, orange: 9, yellow: 4 } });
    expect(scoreRisk(3, 5, strict).level).toBe('red');
    expect(scoreRisk(3, 3, strict).level).toBe('orange');
    expect(scoreRisk(2, 2, strict).level).toBe('yellow');
    expect(scoreRisk(1, 3, strict).level).toBe('blue');
  });

  it.each([
    [0, 3],
    [6, 1],
    [2.5, 2],
    [Number.NaN, 2],
  ])('throws on factor %s × %s (validated at the boundary)', (likelihood, impact) => {
    expect(() => scoreRisk(likelihood, impact, DEFAULT_RISK_MATRIX)).toThrow(RangeError);
  });

  it('throws on an invalid matrix', () => {
    expect(() => scoreRisk(2, 2, { version: 1, bands: { red: 10, orange: 12, yellow: 6 } })).toThrow(RangeError);
  });

  it('maps every pair to the level whose band holds the product, for any valid matrix', () => {
    const matrices = fc
      .tuple(fc.integer({ min: 2, max: 25 }), fc.integer({ min: 2, max: 25 }), fc.integer({ min: 2, max: 25 }))
      .map(([a, b, c]) => ({ version: 1, bands: { red: a, orange: b, yellow: c } }))
      .filter((m) => RiskMatrix.safeParse(m).success);
    fc.assert(
      fc.property(matrices, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), (matrix, l, i) => {
        const { score, level } = scoreRisk(l, i, matrix);
        const { red, orange, yellow } = matrix.bands;
        const expected = score >= red ? 'red' : score >= orange ? 'orange' : score >= yellow ? 'yellow' : 'blue';
        expect(level).toBe(expected);
      }),
    );
  });
});

describe('RiskMatrix validation', () => {
  it('accepts the default and a custom matrix', () => {
    expect(RiskMatrix.safeParse({ version: 2, bands: { red: 25, orange: 15, yellow: 5 } }).success).toBe(true);
  });

  it.each<[string, unknown, string]>([
    ['red not above orange', { version: 1, bands: { red: 12, orange: 12, yellow: 6 } }, '一级（红）起点分须大于二级（橙）起点分（12）'],
    ['orange below yellow', { version: 1, bands: { red: 20, orange: 5, yellow: 6 } }, '二级（橙）起点分须大于三级（黄）起点分（6）'],
    ['yellow at 1 leaves blue empty', { version: 1, bands: { red: 20, orange: 12, yellow: 1 } }, '三级（黄）起点分须大于 1（1 分起为蓝色）'],
    ['above 25', { version: 1, bands: { red: 26, orange: 12, yellow: 6 } }, '红色起点分应在 1–25 之间'],
    ['not an integer', { version: 1, bands: { red: 20, orange: 12.5, yellow: 6 } }, '橙色起点分必须是整数'],
    ['an unreachable band', { version: 1, bands: { red: 15, orange: 13, yellow: 6 } }, '二级（橙）的分段 13–14 中没有可能出现的得分'],
    ['an unreachable yellow band', { version: 1, bands: { red: 20, orange: 12, yellow: 11 } }, '三级（黄）的分段 11–11 中没有可能出现的得分'],
    ['no version', { bands: { red: 20, orange: 12, yellow: 6 } }, '矩阵版本必须是数字'],
  ])('refuses %s', (_case, matrix, message) => {
    const result = RiskMatrix.safeParse(matrix);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message).join('\n')).toContain(message);
  });
});

describe('level comparison (突发事件应对法 第六十三条: 红 > 橙 > 黄 > 蓝)', () => {
  it('orders the levels', () => {
    expect(isMoreSevere('red', 'orange')).toBe(true);
    expect(isMoreSevere('orange', 'yellow')).toBe(true);
    expect(isMoreSevere('yellow', 'blue')).toBe(true);
    expect(isMoreSevere('blue', 'red')).toBe(false);
    expect(isMoreSevere('yellow', 'yellow')).toBe(false);
  });

  it('maxLevel picks the most severe', () => {
    expect(maxLevel('blue')).toBe('blue');
    expect(maxLevel('blue', 'yellow', 'orange', 'yellow')).toBe('orange');
    expect(maxLevel('yellow', 'red')).toBe('red');
  });

  it('maxLevel is commutative and one of its arguments, and isMoreSevere a strict order', () => {
    const anyLevel = fc.constantFrom(...RISK_LEVELS);
    fc.assert(
      fc.property(anyLevel, anyLevel, anyLevel, (a, b, c) => {
        expect(maxLevel(a, b)).toBe(maxLevel(b, a));
        expect(isMoreSevere(a, b) && isMoreSevere(b, a)).toBe(false);
        if (isMoreSevere(a, b) && isMoreSevere(b, c)) expect(isMoreSevere(a, c)).toBe(true);
        for (const level of [a, b, c]) expect(isMoreSevere(level, maxLevel(a, b, c))).toBe(false);
        expect([a, b, c]).toContain(maxLevel(a, b, c));
      }),
    );
  });
});
