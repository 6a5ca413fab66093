import { describe, expect, it } from 'vitest';
import { buildTree, childCourtLevel, collectDescendantIds, wouldCreateCycle } from './court.js';

const rows = [
  { id: 'mid', parentId: null, name: '中院' },
  { id: 'a', parentId: 'mid', name: 'A' },
  { id: 'a1', parentId: 'a', name: 'A1' },
  { id: 'b', parentId: 'mid', name: 'B' },
];

describe('court tree', () => {
  it('builds a forest from flat rows', () => {
    const [root] = buildTree(rows);
    expect(root!.children.map((c) => c.id)).toEqual(['a', 'b']);
    expect(root!.children[0]!.children[0]!.id).toBe('a1');
  });
  it('treats rows whose parent is outside the list as roots (a 基层 sees only itself)', () => {
    expect(buildTree([rows[1]!]).map((r) => r.id)).toEqual(['a']);
  });
  it('collects descendants', () => {
    expect([...collectDescendantIds(rows, 'a')].sort()).toEqual(['a', 'a1']);
  });
  it('detects a move under oneself', () => {
    expect(wouldCreateCycle(rows, 'a', 'a1')).toBe(true);
    expect(wouldCreateCycle(rows, 'a', 'a')).toBe(true);
    expect(wouldCreateCycle(rows, 'a1', 'b')).toBe(false);
    expect(wouldCreateCycle(rows, 'a', null)).toBe(false);
  });
  // 人民法院组织法(2018) 第十二条: 最高 / 高级 / 中级 / 基层.
  it('derives the level of a lower court', () => {
    expect(childCourtLevel('high')).toBe('intermediate');
    expect(childCourtLevel('intermediate')).toBe('basic');
    expect(childCourtLevel('basic')).toBeUndefined();
  });
});
