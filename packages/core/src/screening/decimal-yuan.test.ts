import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDecimalYuan, DECIMAL_YUAN_PATTERN } from './decimal-yuan.js';

/** Reference: scale both to the longer fraction and compare as BigInt. */
function compareByBigInt(a: string, b: string): number {
  const [aInteger = '', aFraction = ''] = a.split('.');
  const [bInteger = '', bFraction = ''] = b.split('.');
  const width = Math.max(aFraction.length, bFraction.length);
  const scaledA = BigInt(aInteger + aFraction.padEnd(width, '0'));
  const scaledB = BigInt(bInteger + bFraction.padEnd(width, '0'));
  return scaledA === scaledB ? 0 : scaledA < scaledB ? -1 : 1;
}

const decimalArbitrary = fc
  .tuple(fc.stringMatching(/^\d{1,20}$/), fc.option(fc.stringMatching(/^\d{1,6}$/), { nil: undefined }))
  .map(([integer, fraction]) => (fraction === undefined ? integer : `${integer}.${fraction}`));

describe('compareDecimalYuan', () => {
  it.each([
    ['1000000', '1000000.00', 0],
    ['999999.99', '1000000', -1],
    ['1000000.01', '1000000', 1],
    ['007.50', '7.5', 0],
    ['0.1', '0.10000', 0],
    ['50000000', '49999999.999', 1],
    // 0.1 + 0.2 style rounding cannot creep in: these differ only in the 17th significant digit
    ['12345678901234567.8', '12345678901234567.9', -1],
  ] as const)('compares %s with %s as %i', (a, b, expected) => {
    expect(compareDecimalYuan(a, b)).toBe(expected);
    expect(compareDecimalYuan(b, a)).toBe(expected === 0 ? 0 : -expected);
  });

  it('agrees with a BigInt comparison on arbitrary decimals', () => {
    fc.assert(
      fc.property(decimalArbitrary, decimalArbitrary, (a, b) => {
        expect(compareDecimalYuan(a, b)).toBe(compareByBigInt(a, b));
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts only plain non-negative decimals', () => {
    expect(['0', '12', '12.5', '0012.50'].every((value) => DECIMAL_YUAN_PATTERN.test(value))).toBe(true);
    expect(['-1', '1e6', '1,000', ' 1', '1.', '.5', '１２'].some((value) => DECIMAL_YUAN_PATTERN.test(value))).toBe(false);
  });
});
