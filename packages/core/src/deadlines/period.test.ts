import { describe, expect, it } from 'vitest';
import { parseLocalDate as d } from './local-date.js';
import {
  applyHolidayRule,
  calculatePeriodEnd,
  formatPeriodLength,
  PeriodLengthSchema,
  periodLengthInDays,
  periodOfDays,
  periodOfMonths,
  type HolidayCalendar,
} from './period.js';
import { officialCalendar, weekendCalendar } from './test-support.js';

describe('calculatePeriodEnd — 民事诉讼法(2023) 第八十五条第二款 (start day not counted) + 民法典(2020) 第二百零二条 (month ends)', () => {
  it.each([
    // start, months, days, last day — hand-computed
    ['2024-03-15', 6, 0, '2024-09-15'],
    ['2024-08-31', 6, 0, '2025-02-28'], // no 02-31: month end
    ['2023-08-31', 6, 0, '2024-02-29'], // leap year
    ['2024-03-15', 0, 30, '2024-04-14'], // 16 days to 03-31, then 14
    ['2024-02-15', 0, 30, '2024-03-16'], // February 2024 has 29 days
    ['2023-02-15', 0, 30, '2023-03-17'], // February 2023 has 28 days
    ['2024-12-20', 0, 45, '2025-02-03'], // 行政诉讼法 第八十三条 45 days across the year end
    ['2024-03-15', 0, 20, '2024-04-04'],
    ['2024-01-31', 1, 15, '2024-03-15'], // 一个半月 = 1 month (→ 02-29) + 15 days
    ['2023-01-31', 1, 15, '2023-03-15'], // 02-28 + 15
    ['2024-03-15', 1, 15, '2024-04-30'],
  ])('%s + %i months %i days ends on %s', (start, months, days, expected) => {
    expect(calculatePeriodEnd(d(start), { months, days })).toBe(expected);
  });

  it('counts the days a period covers', () => {
    expect(periodLengthInDays(d('2024-03-15'), periodOfMonths(6))).toBe(184);
    expect(periodLengthInDays(d('2024-03-15'), periodOfDays(30))).toBe(30);
  });
});

describe('applyHolidayRule — 民事诉讼法(2023) 第八十五条第三款', () => {
  it.each([
    ['2024-10-01', 'extend', '2024-10-08'], // 国庆 10-01..10-07 (国办发明电〔2023〕7号)
    ['2024-10-01', 'none', '2024-10-01'],
    ['2025-06-15', 'extend', '2025-06-16'], // Sunday → Monday
    ['2025-01-25', 'extend', '2025-01-26'], // Saturday → Sunday 01-26 is 调休上班 (国办发明电〔2024〕12号)
    ['2025-01-26', 'extend', '2025-01-26'], // 调休上班 day is a working day
    ['2025-01-28', 'extend', '2025-02-05'], // 春节 01-28..02-04
    ['2026-02-14', 'extend', '2026-02-14'], // 调休上班 Saturday (国办发明电〔2025〕7号)
    ['2026-02-15', 'extend', '2026-02-24'], // 春节 02-15..02-23
    ['2024-06-10', 'extend', '2024-06-11'], // 端午 Monday
    ['2024-09-16', 'extend', '2024-09-18'], // 中秋 09-15..09-17
  ] as const)('last day %s with rule %s ends on %s', (lastDay, rule, expected) => {
    expect(applyHolidayRule(d(lastDay), rule, officialCalendar)).toBe(expected);
  });

  it('with a weekend-only calendar a holiday weekday does not move', () => {
    expect(applyHolidayRule(d('2024-10-01'), 'extend', weekendCalendar)).toBe('2024-10-01');
  });

  it('refuses a calendar without working days', () => {
    const broken: HolidayCalendar = { isRestDay: () => true };
    expect(() => applyHolidayRule(d('2024-10-01'), 'extend', broken)).toThrow(RangeError);
  });
});

describe('period lengths', () => {
  it.each([
    [{ months: 6, days: 0 }, '6个月'],
    [{ months: 0, days: 30 }, '30日'],
    [{ months: 1, days: 15 }, '1个月15日'],
  ])('formats %j as %s', (length, text) => {
    expect(formatPeriodLength(length)).toBe(text);
  });

  it('rejects an empty period', () => {
    expect(PeriodLengthSchema.safeParse({ months: 0, days: 0 }).success).toBe(false);
    expect(PeriodLengthSchema.parse({ days: 10 })).toEqual({ months: 0, days: 10 });
  });
});
