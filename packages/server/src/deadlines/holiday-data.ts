import fs from 'node:fs';
import path from 'node:path';
import { createHolidayCalendar, HolidayScheduleSchema, type ScheduledHolidayCalendar } from '@courtrisk/core';

/** The State Council holiday notices shipped in packages/core/data/holidays (one JSON per year). */
export const HOLIDAY_DATA_DIR = path.resolve(import.meta.dirname, '../../../core/data/holidays');

/** Reads and validates every `<year>.json`; a malformed file fails loudly at start-up. */
export function loadHolidayCalendar(dir = HOLIDAY_DATA_DIR): ScheduledHolidayCalendar {
  const schedules = fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .sort()
    .map((f) => {
      const parsed = HolidayScheduleSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
      if (!parsed.success) throw new Error(`节假日数据 ${f} 格式错误：${parsed.error.message}`);
      return parsed.data;
    });
  return createHolidayCalendar(schedules);
}
