import { describe, expect, it } from 'vitest';
import { compareWarningRefs } from './warning-ref.js';

const at = (source: 'case' | 'petition' | 'opinion', id: string, createdAt: string) => ({ source, id, createdAt });

describe('compareWarningRefs', () => {
  it('puts the newest first, equal instants in source order (案件, 信访, 舆情), then by id', () => {
    const rows = [
      at('petition', 'p1', '2026-03-03T02:00:00.000Z'),
      at('opinion', 'o1', '2026-03-04T00:00:00.000Z'),
      at('opinion', 'o2', '2026-03-03T02:00:00.000Z'),
      at('case', 'c2', '2026-03-03T02:00:00.000Z'),
      at('case', 'c1', '2026-03-03T02:00:00.000Z'),
    ];
    expect(rows.sort(compareWarningRefs).map((r) => r.id)).toEqual(['o1', 'c1', 'c2', 'p1', 'o2']);
  });

  it('is zero only for the same warning', () => {
    expect(compareWarningRefs(at('case', 'c1', '2026-03-03T02:00:00.000Z'), at('case', 'c1', '2026-03-03T02:00:00.000Z'))).toBe(0);
  });
});
