/**
 * Exact comparison of money amounts written as decimal yuan strings ("1000000", "1500000.50").
 * PRODUCT.md §3 keeps amounts as exact decimals; thresholds such as the 非法集资解释 (2022) Art. 6
 * "100万元" must not be missed by a binary-floating-point rounding error, so amounts are compared
 * digit by digit and never converted to `number`.
 */

/** Non-negative decimal with at most one point and no sign, exponent, separators or spaces. */
export const DECIMAL_YUAN_PATTERN = /^\d+(\.\d+)?$/;

/**
 * −1, 0 or 1 as `a` is less than, equal to or greater than `b`.
 * Leading zeros in the integer part and trailing zeros in the fraction are insignificant
 * ("007.50" equals "7.5"). Both arguments must match `DECIMAL_YUAN_PATTERN`; callers validate.
 */
export function compareDecimalYuan(a: string, b: string): -1 | 0 | 1 {
  const [aInteger, aFraction] = splitDecimal(a);
  const [bInteger, bFraction] = splitDecimal(b);
  if (aInteger.length !== bInteger.length) return aInteger.length < bInteger.length ? -1 : 1;
  if (aInteger !== bInteger) return aInteger < bInteger ? -1 : 1;
  const width = Math.max(aFraction.length, bFraction.length);
  const aPadded = aFraction.padEnd(width, '0');
  const bPadded = bFraction.padEnd(width, '0');
  if (aPadded === bPadded) return 0;
  return aPadded < bPadded ? -1 : 1;
}

/** Integer part without leading zeros (at least "0") and fraction part (possibly empty). */
function splitDecimal(value: string): [integer: string, fraction: string] {
  const point = value.indexOf('.');
  const integer = (point === -1 ? value : value.slice(0, point)).replace(/^0+(?=\d)/, '');
  const fraction = point === -1 ? '' : value.slice(point + 1);
  return [integer, fraction];
}
