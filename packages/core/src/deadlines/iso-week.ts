import { addDays, daysBetween, isoWeekday, toDateParts, type LocalDate } from './local-date.js';

/**
 * ISO 8601 week of a date, as `YYYY-Www` (weeks start on Monday; week 1 holds the year's first
 * Thursday), so 2026-01-01 (Thursday) is 2026-W01 and 2027-01-01 (Friday) is 2026-W53. The
 * 长期未结 ledger keeps one snapshot per court and ISO week.
 */
export function isoWeekOf(date: LocalDate): string {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const { year } = toDateParts(thursday);
  // 01-04 is always in week 1, so that week's Thursday anchors the count.
  const january4 = `${year}-01-04` as LocalDate;
  const week = 1 + daysBetween(addDays(january4, 4 - isoWeekday(january4)), thursday) / 7;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday that starts `date`'s ISO week. */
export function isoWeekMonday(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}
