import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonthsClamped,
  daysBetween,
  daysInMonth,
  formatChineseDate,
  fromEpochDay,
  isLocalDate,
  isoWeekday,
  LocalDateSchema,
  localDateFromParts,
  parseLocalDate,
  toDateParts,
  toEpochDay,
} from './local-date.js';

const d = parseLocalDate;

/** Any date between 1901 and 2099 as a LocalDate. */
const arbitraryDate = fc
  .integer({ min: toEpochDay(d('1901-01-01')), max: toEpochDay(d('2099-12-31')) })
  .map((epochDay) => fromEpochDay(epochDay));

describe('parsing', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['2024-04-31', false],
    ['2024-13-01', false],
    ['2024-1-01', false],
    ['20240101', false],
    ['', false],
  ])('isLocalDate(%j) is %s (Gregorian leap rule)', (text, expected) => {
    expect(isLocalDate(text)).toBe(expected);
  });

  it('parseLocalDate throws for an impossible date', () => {
    expect(() => parseLocalDate('2023-02-29')).toThrow(RangeError);
  });

  it('LocalDateSchema reports a Chinese message for a bad date', () => {
    const result = LocalDateSchema.safeParse('2023-02-30');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('真实日期');
  });

  it('formats dates for basis lines as 2025年3月1日', () => {
    expect(formatChineseDate(d('2025-03-01'))).toBe('2025年3月1日');
  });
});

describe('calendar arithmetic', () => {
  it('epoch days agree with Date.UTC for every date (UTC arithmetic only)', () => {
    fc.assert(
      fc.property(arbitraryDate, (date) => {
        const { year, month, day } = toDateParts(date);
        expect(toEpochDay(date)).toBe(Date.UTC(year, month - 1, day) / 86_400_000);
      }),
    );
  });

  it('round-trips parts → date → parts', () => {
    fc.assert(
      fc.property(arbitraryDate, (date) => {
        expect(localDateFromParts(toDateParts(date))).toBe(date);
      }),
    );
  });

  it('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(arbitraryDate, fc.integer({ min: -2000, max: 2000 }), (date, days) => {
        expect(daysBetween(date, addDays(date, days))).toBe(days);
      }),
    );
  });

  it.each([
    ['1970-01-01', 4],
    ['2024-10-01', 2],
    ['2025-01-26', 7],
    ['2026-02-14', 6],
  ])('isoWeekday(%s) = %i', (date, weekday) => {
    expect(isoWeekday(d(date))).toBe(weekday);
  });

  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [1900, 2, 28],
    [2000, 2, 29],
    [2024, 4, 30],
    [2024, 12, 31],
  ])('daysInMonth(%i, %i) = %i', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});

describe('addMonthsClamped — 民法典(2020) 第二百零二条: same-numbered day, else month end', () => {
  it.each([
    ['2024-03-15', 6, '2024-09-15'],
    ['2024-08-31', 6, '2025-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-03-31', 1, '2024-04-30'],
    ['2024-12-15', 2, '2025-02-15'],
    ['2024-05-31', -3, '2024-02-29'],
  ])('%s + %i months = %s', (start, months, expected) => {
    expect(addMonthsClamped(d(start), months)).toBe(expected);
  });

  it('keeps the day when the target month has it, else lands on the last day', () => {
    fc.assert(
      fc.property(arbitraryDate, fc.integer({ min: 0, max: 60 }), (date, months) => {
        const start = toDateParts(date);
        const end = toDateParts(addMonthsClamped(date, months));
        expect(end.day).toBe(Math.min(start.day, daysInMonth(end.year, end.month)));
        expect((end.year - start.year) * 12 + end.month - start.month).toBe(months);
      }),
    );
  });
});
