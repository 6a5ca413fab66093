import { describe, expect, it } from 'vitest';
import { timeAgo } from './time-ago';

const now = Date.parse('2025-03-10T12:00:00+08:00');

describe('timeAgo', () => {
  it.each([
    ['2025-03-10T11:59:30+08:00', '刚刚'],
    ['2025-03-10T11:55:00+08:00', '5 分钟前'],
    ['2025-03-10T09:00:00+08:00', '3 小时前'],
    ['2025-03-08T12:00:00+08:00', '2 天前'],
    ['2025-02-20T08:05:00+08:00', '2025-02-20 08:05'],
  ])('%s → %s', (iso, expected) => {
    expect(timeAgo(iso, now)).toBe(expected);
  });
});
