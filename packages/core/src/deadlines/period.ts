import { z } from 'zod';
import { addDays, addMonthsClamped, compareLocalDates, daysBetween, type LocalDate } from './local-date.js';

/**
 * The length of a statutory period: whole months plus days. Most 审限 are in months (六个月),
 * some in days (三十日), one in both (刑事诉讼法(2018) 第二百二十条: 一个半月, read here as
 * one month and fifteen days — see docs/deadlines.md).
 */
export interface PeriodLength {
  /** Calendar months, counted per 民法典(2020) 第二百零二条 (same-numbered day, else month end). */
  months: number;
  /** Calendar days, added after the months. */
  days: number;
}

export const PeriodLengthSchema = z
  .object({
    months: z.number().int().min(0).max(1200).default(0).describe('月数'),
    days: z.number().int().min(0).max(36_600).default(0).describe('日数'),
  })
  .refine((length) => length.months + length.days > 0, { message: '期间长度必须大于零' });

/** A period of `months` months (六个月 → `periodOfMonths(6)`). */
export function periodOfMonths(months: number): PeriodLength {
  return { months, days: 0 };
}

/** A period of `days` days (三十日 → `periodOfDays(30)`). */
export function periodOfDays(days: number): PeriodLength {
  return { months: 0, days };
}

/** Component-wise sum: a base period plus its extensions. */
export function sumPeriodLengths(lengths: readonly PeriodLength[]): PeriodLength {
  return lengths.reduce((sum, length) => ({ months: sum.months + length.months, days: sum.days + length.days }), {
    months: 0,
    days: 0,
  });
}

/** `6个月`, `30日`, `1个月15日` — the form used in basis lines. */
export function formatPeriodLength(length: PeriodLength): string {
  const monthsText = length.months > 0 ? `${length.months}个月` : '';
  const daysText = length.days > 0 || length.months === 0 ? `${length.days}日` : '';
  return monthsText + daysText;
}

/**
 * The last day of a period of `length` that starts running on `start`.
 *
 * Rules: the starting day is not counted (民事诉讼法(2023) 第八十五条第二款; 刑事诉讼法(2018)
 * 第一百零五条第二款; 民法典(2020) 第二百零一条), so a period of N days from the 15th ends on the
 * 15th + N. Months end on the same-numbered day of the last month or, if that month has no such
 * day, on its last day (民法典(2020) 第二百零二条 — 民事诉讼法 第八十五条 itself is silent on month
 * ends). Months are applied before days. The holiday rule is separate: {@link applyHolidayRule}.
 *
 * Edge cases: 08-31 + 6 months → 02-28 (02-29 in a leap year); 01-31 + 1 month + 15 days → 03-14
 * (03-15 in a leap year).
 */
export function calculatePeriodEnd(start: LocalDate, length: PeriodLength): LocalDate {
  return addDays(addMonthsClamped(start, length.months), length.days);
}

/** Number of calendar days a period of `length` covers when it starts on `start`. */
export function periodLengthInDays(start: LocalDate, length: PeriodLength): number {
  return daysBetween(start, calculatePeriodEnd(start, length));
}

/** True when, counted from `start`, period `a` ends later than period `b`. */
export function isLongerFrom(start: LocalDate, a: PeriodLength, b: PeriodLength): boolean {
  return compareLocalDates(calculatePeriodEnd(start, a), calculatePeriodEnd(start, b)) > 0;
}

/**
 * The State Council rest-day calendar, injected by the caller (the server loads the yearly
 * 国务院办公厅 notices from data). `isRestDay` is true for Saturdays and Sundays, statutory
 * holidays and 调休 rest days, and false for weekend days turned into working days (调休上班).
 */
export interface HolidayCalendar {
  isRestDay(date: LocalDate): boolean;
}

/**
 * Whether a period whose last day is a rest day moves to the next working day.
 * - `extend`: 民事诉讼法(2023) 第八十五条第三款 (期间届满的最后一日是法定休假日的，以法定休假日后的
 *   第一日为期间届满的日期); 刑事诉讼法(2018) 第一百零五条第四款 (same, except while the defendant is
 *   in custody).
 * - `none`: the last day stays where it falls. Whether 第八十五条第三款 governs the court's own 审限
 *   (as opposed to parties' periods) is not settled in the sources we hold, so it is a setting.
 */
export const HOLIDAY_RULES = ['extend', 'none'] as const;
export type HolidayRule = (typeof HOLIDAY_RULES)[number];

/** Safety bound: no official schedule has more than nine consecutive rest days. */
const MAX_CONSECUTIVE_REST_DAYS = 31;

/**
 * Applies the holiday rule to a period's last day and returns the day it finally ends on.
 * With `extend`, a last day that is a rest day moves to the first following working day
 * (调休上班 weekends count as working days, so 2025-01-25 (Sat) moves to 2025-01-26 (Sun, 上班)).
 * Throws if the calendar reports more than 31 consecutive rest days (a broken calendar).
 */
export function applyHolidayRule(lastDay: LocalDate, rule: HolidayRule, calendar: HolidayCalendar): LocalDate {
  if (rule === 'none') return lastDay;
  let day = lastDay;
  for (let step = 0; calendar.isRestDay(day); step += 1) {
    if (step >= MAX_CONSECUTIVE_REST_DAYS) throw new RangeError(`Holiday calendar has no working day after ${lastDay}`);
    day = addDays(day, 1);
  }
  return day;
}
