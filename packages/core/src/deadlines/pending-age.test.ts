import { describe, expect, it } from 'vitest';
import type { LocalDate } from './local-date.js';
import { classifyLongPending } from './long-pending.js';
import { measurePendingAge } from './pending-age.js';

// 民法典(2020) 第二百零一条（开始当日不计入）、第二百零二条（没有对应日的，月末日为期间最后一日）.
describe('measurePendingAge', () => {
  it.each([
    ['2025-03-02', '2026-03-02', 12, 365],
    ['2025-03-02', '2026-03-01', 11, 364],
    ['2023-08-31', '2024-02-29', 6, 182],
    ['2023-08-31', '2024-02-28', 5, 181],
    ['2026-03-02', '2026-03-02', 0, 0],
    ['2026-03-05', '2026-03-02', 0, 0],
  ])('filed %s, on %s: %i months, %i days', (filedOn, today, months, days) => {
    expect(measurePendingAge(filedOn as LocalDate, today as LocalDate)).toEqual({ months, days });
  });

  it('agrees with the ledger buckets on the day a bucket is reached', () => {
    const filedOn = '2023-08-31' as LocalDate;
    const { reachedOn } = classifyLongPending({ filedOn }, '2025-03-01' as LocalDate);
    expect(reachedOn).toBe('2025-02-28');
    expect(measurePendingAge(filedOn, reachedOn!).months).toBe(18);
  });
});
