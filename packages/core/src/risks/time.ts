import { z } from 'zod';
import { fromEpochDay, toEpochDay, type LocalDate } from '../deadlines/local-date.js';

/**
 * Instants and elapsed durations for the risk lifecycle. Core has no clock: the caller passes `now`
 * as an ISO 8601 instant with an explicit offset (`2024-06-01T09:30:00+08:00` or `…Z`). Instants are
 * stored as ISO UTC (STYLE.md §4); arithmetic is on epoch milliseconds.
 */

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 24 * MS_PER_HOUR;
/** 北京时间 UTC+8; China has observed no daylight saving time since 1991. */
const CHINA_OFFSET_MS = 8 * MS_PER_HOUR;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Boundary schema for an instant: ISO 8601 with seconds and an explicit `Z` or `±hh:mm` offset. */
export const InstantSchema = z.iso.datetime({ offset: true, local: false, error: '时间格式应为带时区的 ISO 8601，如 2024-06-01T09:30:00+08:00' });

/**
 * Epoch milliseconds of an ISO 8601 instant with an explicit offset. Throws a RangeError for text
 * without an offset (its meaning would depend on the machine's time zone) or that is not a time:
 * instants are validated at the boundary with {@link InstantSchema}, so this is a programming error.
 */
export function toEpochMs(instant: string): number {
  const ms = ISO_WITH_OFFSET.test(instant) ? Date.parse(instant) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO 8601 instant with offset: ${instant}`);
  return ms;
}

/** The canonical stored form of an instant: ISO 8601 UTC with milliseconds (`2024-06-01T01:30:00.000Z`). */
export function toIsoInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** The calendar date in Beijing time (UTC+8) at `epochMs` — the court's "today" for that instant. */
export function chinaDateOf(epochMs: number): LocalDate {
  return fromEpochDay(Math.floor((epochMs + CHINA_OFFSET_MS) / MS_PER_DAY));
}

/** The last millisecond (23:59:59.999 Beijing time) of `date`: "by that day" deadlines end here. */
export function endOfChinaDay(date: LocalDate): number {
  return (toEpochDay(date) + 1) * MS_PER_DAY - CHINA_OFFSET_MS - 1;
}

/** Units a service-level duration is written in. */
export const CLOCK_DURATION_UNITS = ['hour', 'day'] as const;
export type ClockDurationUnit = (typeof CLOCK_DURATION_UNITS)[number];
const clockDurationUnitLabel: Record<ClockDurationUnit, string> = { hour: '小时', day: '天' };

/**
 * An elapsed service-level duration, written the way PRODUCT.md §5 writes it (`2 h`, `3 days`) so an
 * admin edits "3 天" rather than "72 小时". A day is exactly 24 hours: the clocks run on elapsed
 * time, weekends and holidays included (risks do not wait for Monday). At most one year.
 */
export const ClockDuration: z.ZodType<ClockDuration, ClockDuration> = z
  .strictObject({
    amount: z.number({ error: '时长必须是数字' }).int({ error: '时长必须是整数' }).min(1, { error: '时长至少为 1' }),
    unit: z.enum(CLOCK_DURATION_UNITS, { error: '时长单位应为 hour（小时）或 day（天）' }),
  })
  .refine((duration) => clockDurationMs(duration) <= 366 * MS_PER_DAY, { error: '时长不能超过一年' });
/** An elapsed duration such as `2 h` or `3 days` (see the {@link ClockDuration} schema). */
export interface ClockDuration {
  readonly amount: number;
  readonly unit: ClockDurationUnit;
}

/** Milliseconds in `duration` (a day is 24 hours). */
export function clockDurationMs(duration: ClockDuration): number {
  return duration.amount * (duration.unit === 'hour' ? MS_PER_HOUR : MS_PER_DAY);
}

/** `{ amount: 2, unit: 'hour' }` → `2小时`; `{ amount: 3, unit: 'day' }` → `3天`. */
export function formatClockDuration(duration: ClockDuration): string {
  return `${duration.amount}${clockDurationUnitLabel[duration.unit]}`;
}
