import { describe, expect, it } from 'vitest';
import { levelForScore } from './finding.js';

describe('levelForScore', () => {
  it.each([
    [25, 'red'],
    [20, 'red'],
    [19, 'orange'],
    [12, 'orange'],
    [11, 'yellow'],
    [6, 'yellow'],
    [5, 'blue'],
    [1, 'blue'],
  ] as const)('maps score %i to %s under the PRODUCT.md §4 default bands', (score, level) => {
    expect(levelForScore(score)).toBe(level);
  });

  it('follows a court’s own bands', () => {
    expect(levelForScore(16, { red: 16, orange: 9, yellow: 4 })).toBe('red');
    expect(levelForScore(4, { red: 16, orange: 9, yellow: 4 })).toBe('yellow');
  });
});
