import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFen, formatYuan, parseAmount } from './amount.js';

describe('parseAmount', () => {
  it.each([
    ['1234.5', 123450n, '1234.50'],
    ['1,234.50', 123450n, '1234.50'],
    ['¥100万', 1_000_000_00n, '1000000'],
    ['1.5亿', 150_000_000_00n, '150000000'],
    ['0.01', 1n, '0.01'],
    ['150000元', 15_000_000n, '150000'],
  ])('%s → %s 分', (text, fen, yuan) => {
    expect(parseAmount(text)).toEqual({ ok: true, fen, yuan });
  });
  it.each(['abc', '1.234', '-5', '1e6', ''])('rejects %j', (text) => {
    expect(parseAmount(text).ok).toBe(false);
  });
  it('is exact where floating point is not (0.1 + 0.2)', () => {
    const a = parseAmount('0.1');
    const b = parseAmount('0.2');
    if (!a.ok || !b.ok) throw new Error('parse');
    expect(formatFen(a.fen + b.fen)).toBe('0.30');
  });
  it('round-trips any amount in 分 (property)', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (fen) => {
      const parsed = parseAmount(formatFen(fen));
      return parsed.ok && parsed.fen === fen;
    }));
  });
  it('formats for display', () => {
    expect(formatYuan('1234567.8')).toBe('1,234,567.80 元');
  });
});
