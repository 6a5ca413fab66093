import { addMonthsClamped, compareLocalDates, daysBetween, type LocalDate } from './local-date.js';

/**
 * How long a case has been pending on `today`: whole months completed since filing, counted like
 * {@link classifyLongPending} (民法典(2020) 第二百零一条 filing day not counted, 第二百零二条 month ends
 * clamp, so 2023-08-31 → 2024-02-29 completes six months), and calendar days. Zero before filing.
 */
export function measurePendingAge(filedOn: LocalDate, today: LocalDate): { months: number; days: number } {
  if (compareLocalDates(today, filedOn) <= 0) return { months: 0, days: 0 };
  // Start from the year difference and correct by at most a month either way.
  let months = Math.max(0, (Number(today.slice(0, 4)) - Number(filedOn.slice(0, 4))) * 12 + Number(today.slice(5, 7)) - Number(filedOn.slice(5, 7)) - 1);
  while (compareLocalDates(addMonthsClamped(filedOn, months + 1), today) <= 0) months++;
  return { months, days: daysBetween(filedOn, today) };
}
