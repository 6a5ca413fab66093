import { describe, expect, it } from 'vitest';
import { parseLocalDate as d } from './local-date.js';
import { classifyLongPending, LongPendingThresholds } from './long-pending.js';

describe('classifyLongPending — 12/18/36 months by default (民法典(2020) 第二百零二条, 第一千二百五十九条)', () => {
  it.each<[string, string, number | null, string | null]>([
    ['2023-08-31', '2024-08-30', null, null],
    ['2023-08-31', '2024-08-31', 12, '2024-08-31'], // 一年以上 includes the day the year completes
    ['2023-08-31', '2025-02-27', 12, '2024-08-31'],
    ['2023-08-31', '2025-02-28', 18, '2025-02-28'], // no 02-31: month end
    ['2023-08-31', '2026-08-31', 36, '2026-08-31'],
    ['2024-02-29', '2025-02-28', 12, '2025-02-28'], // leap day filing
    ['2024-02-29', '2025-02-27', null, null],
  ])('filed %s, on %s → bucket %s', (filedOn, today, bucketMonths, reachedOn) => {
    const status = classifyLongPending({ filedOn: d(filedOn) }, d(today));
    expect([status.bucketMonths, status.reachedOn]).toEqual([bucketMonths, reachedOn]);
  });

  it('tells when the next bucket is reached', () => {
    expect(classifyLongPending({ filedOn: d('2023-08-31') }, d('2024-09-01')).next).toEqual({ bucketMonths: 18, reachedOn: '2025-02-28' });
    expect(classifyLongPending({ filedOn: d('2020-01-01') }, d('2024-01-01')).next).toBeNull();
  });

  it('a closed case is not pending', () => {
    expect(classifyLongPending({ filedOn: d('2020-01-01'), closedOn: d('2023-01-01') }, d('2024-01-01')).bucketMonths).toBeNull();
  });

  it('uses per-court buckets and rejects unordered ones', () => {
    const twoYears = LongPendingThresholds.parse({ bucketMonths: [24] });
    expect(classifyLongPending({ filedOn: d('2022-01-10') }, d('2024-01-10'), twoYears).bucketMonths).toBe(24);
    expect(LongPendingThresholds.safeParse({ bucketMonths: [18, 12] }).success).toBe(false);
  });
});
