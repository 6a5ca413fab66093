import { describe, expect, it } from 'vitest';
import { bandRanges, matrixGrid } from './matrix';

describe('matrixGrid', () => {
  it('colours the 5×5 grid by the default bands, highest impact on the top row', () => {
    const grid = matrixGrid({ red: 20, orange: 12, yellow: 6 });
    expect(grid.map((row) => row[0]!.impact)).toEqual([5, 4, 3, 2, 1]);
    expect(grid[0]!.map((cell) => `${cell.score}${cell.level[0]}`)).toEqual(['5b', '10y', '15o', '20r', '25r']);
    expect(grid[4]!.map((cell) => cell.level)).toEqual(['blue', 'blue', 'blue', 'blue', 'blue']);
  });

  it('follows edited bands', () => {
    const grid = matrixGrid({ red: 16, orange: 9, yellow: 4 });
    expect(grid[1]!.find((cell) => cell.likelihood === 4)).toMatchObject({ score: 16, level: 'red' });
    expect(grid[2]!.find((cell) => cell.likelihood === 3)).toMatchObject({ score: 9, level: 'orange' });
  });
});

describe('bandRanges', () => {
  it('gives each level its inclusive score range, 红 up to 25 and 蓝 from 1', () => {
    expect(bandRanges({ red: 20, orange: 12, yellow: 6 })).toEqual([
      { level: 'red', from: 20, to: 25 },
      { level: 'orange', from: 12, to: 19 },
      { level: 'yellow', from: 6, to: 11 },
      { level: 'blue', from: 1, to: 5 },
    ]);
  });
});
