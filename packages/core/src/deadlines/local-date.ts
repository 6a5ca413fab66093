import { z } from 'zod';

/**
 * A calendar date without time or time zone, written `YYYY-MM-DD`.
 *
 * Court periods are counted in whole calendar days (民法典(2020) 第二百条: 期间按照公历年、月、日计算),
 * so the engine never touches a clock or a time zone: every operation below is integer arithmetic
 * on the proleptic Gregorian calendar. The brand makes the compiler reject unchecked strings;
 * obtain values from {@link parseLocalDate} or {@link LocalDateSchema}.
 */
export type LocalDate = string & { readonly __brand: 'LocalDate' };

/** The parts of a {@link LocalDate}; `month` is 1–12, `day` is 1–31. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** True for years divisible by 4, except centuries not divisible by 400 (Gregorian rule). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`: February has 29 in leap years. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function partsAreValid({ year, month, day }: DateParts): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

/** The value of the ASCII digit 0–9 at `index`, or -1. */
function digitAt(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

/**
 * `YYYY-MM-DD` (exactly /^(\d{4})-(\d{2})-(\d{2})$/), read character by character: the engine
 * parses dates thousands of times per case list, and that regular expression was its largest
 * single cost (bench/trial-monitoring.bench.ts).
 */
function splitLocalDate(text: string): DateParts | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const y1 = digitAt(text, 0), y2 = digitAt(text, 1), y3 = digitAt(text, 2), y4 = digitAt(text, 3);
  const m1 = digitAt(text, 5), m2 = digitAt(text, 6), d1 = digitAt(text, 8), d2 = digitAt(text, 9);
  if ((y1 | y2 | y3 | y4 | m1 | m2 | d1 | d2) < 0) return undefined;
  const parts = { year: y1 * 1000 + y2 * 100 + y3 * 10 + y4, month: m1 * 10 + m2, day: d1 * 10 + d2 };
  return partsAreValid(parts) ? parts : undefined;
}

/** True when `text` is a real calendar date written `YYYY-MM-DD` (so `2023-02-29` is false). */
export function isLocalDate(text: string): text is LocalDate {
  return splitLocalDate(text) !== undefined;
}

/**
 * Parses `YYYY-MM-DD`. Throws a RangeError for anything else, including impossible dates such as
 * `2023-02-29`: callers pass dates that were validated at the boundary ({@link LocalDateSchema}),
 * so a bad string here is a programming error.
 */
export function parseLocalDate(text: string): LocalDate {
  if (!isLocalDate(text)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${text}`);
  return text;
}

const padNumber = (value: number, width: number) => String(value).padStart(width, '0');

/** Builds a {@link LocalDate} from its parts; throws a RangeError for an impossible date. */
export function localDateFromParts(parts: DateParts): LocalDate {
  if (!partsAreValid(parts)) throw new RangeError(`Not a calendar date: ${JSON.stringify(parts)}`);
  return `${padNumber(parts.year, 4)}-${padNumber(parts.month, 2)}-${padNumber(parts.day, 2)}` as LocalDate;
}

/** The year, month and day of a {@link LocalDate}. */
export function toDateParts(date: LocalDate): DateParts {
  const parts = splitLocalDate(date);
  if (!parts) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return parts;
}

/**
 * Days since 1970-01-01 (which is day 0). Uses H. Hinnant's `days_from_civil` integer algorithm,
 * so the result never depends on the machine's time zone.
 */
export function toEpochDay(date: LocalDate): number {
  const { year, month, day } = toDateParts(date);
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Inverse of {@link toEpochDay} (H. Hinnant's `civil_from_days`). */
export function fromEpochDay(epochDay: number): LocalDate {
  const shifted = epochDay + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return localDateFromParts({ year, month, day });
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Calendar days from `from` to `to`: positive when `to` is later, 0 for the same day. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Negative when `a` is earlier than `b`, 0 when equal, positive when later (usable with `sort`). */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return toEpochDay(a) - toEpochDay(b);
}

/** ISO weekday: 1 = Monday … 6 = Saturday, 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(date: LocalDate): number {
  return ((((toEpochDay(date) + 3) % 7) + 7) % 7) + 1;
}

/**
 * `date` moved by whole calendar months, landing on the same-numbered day or, when the target
 * month is shorter, on its last day — 民法典(2020) 第二百零二条: 到期月的对应日为期间的最后一日；
 * 没有对应日的，月末日为期间的最后一日. Examples: 08-31 + 6 months → 02-28 (02-29 in leap years);
 * 01-31 + 1 month → 02-28/29. Negative `months` move back with the same clamping.
 */
export function addMonthsClamped(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = toDateParts(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return localDateFromParts({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/** `2025-03-01` → `2025年3月1日`, the form used in basis lines shown to court staff. */
export function formatChineseDate(date: LocalDate): string {
  const { year, month, day } = toDateParts(date);
  return `${year}年${month}月${day}日`;
}

/** Boundary schema: accepts a `YYYY-MM-DD` string that is a real date and yields a {@link LocalDate}. */
export const LocalDateSchema = z
  .string({ message: '日期必须是文字' })
  .refine(isLocalDate, { message: '日期格式应为 YYYY-MM-DD 且为真实日期' })
  .transform((text) => text as LocalDate);
