import { chinaDateOf, formatChineseDate, toEpochMs } from '@courtrisk/core';

/** An instant as court staff read it: Beijing time, e.g. `2026年3月2日 09:05`. */
export function formatBeijingInstant(iso: string): string {
  const ms = toEpochMs(iso);
  const clock = new Date(ms + 8 * 3_600_000).toISOString().slice(11, 16);
  return `${formatChineseDate(chinaDateOf(ms))} ${clock}`;
}
