import { describe, expect, it } from 'vitest';
import { formatBytes, formatRatio } from './format';
import { labelOptions } from './options';

describe('formatRatio', () => {
  it('shows a share as a percentage with at most one decimal', () => {
    expect(formatRatio(0.923)).toBe('92.3%');
    expect(formatRatio(1)).toBe('100%');
    expect(formatRatio(0)).toBe('0%');
    expect(formatRatio(2 / 3)).toBe('66.7%');
  });

  it('shows a dash before anything was triaged', () => {
    expect(formatRatio(null)).toBe('—');
    expect(formatRatio(undefined)).toBe('—');
    expect(formatRatio(Number.NaN)).toBe('—');
  });
});

describe('formatBytes', () => {
  it('picks the unit that keeps the number small', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});

describe('labelOptions', () => {
  it('lists a label map as select options in its order', () => {
    expect(labelOptions({ pending: '在审', closed: '已结' })).toEqual([
      { value: 'pending', label: '在审' },
      { value: 'closed', label: '已结' },
    ]);
  });
});
