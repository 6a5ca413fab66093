import { z } from 'zod';
import { addDays, compareLocalDates, isoWeekday, LocalDateSchema, toDateParts, type LocalDate } from './local-date.js';
import type { HolidayCalendar } from './period.js';

/** One festival of a yearly notice: its consecutive rest days and the weekend days worked instead. */
const HolidayBlockSchema = z
  .object({
    name: z.string().min(1).describe('节日，如“春节”'),
    restFrom: LocalDateSchema.describe('放假首日'),
    restTo: LocalDateSchema.describe('放假末日（含）'),
    workingDays: z.array(LocalDateSchema).default([]).describe('调休上班日'),
  })
  .refine((block) => compareLocalDates(block.restFrom, block.restTo) <= 0, { message: '放假末日早于首日' });

/**
 * A `packages/core/data/holidays/<year>.json` file: one 国务院办公厅关于<year>年部分节假日安排的通知,
 * with the document number and where its text was checked. The server loads these files and
 * passes them to {@link createHolidayCalendar}; core itself reads no files.
 */
export const HolidayScheduleSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    source: z.object({
      title: z.string().min(1).describe('通知标题'),
      documentNumber: z.string().min(1).describe('文号，如 国办发明电〔2024〕12号'),
      issuedOn: LocalDateSchema.describe('发文日期'),
      checkedAgainst: z.array(z.string().min(1)).min(1).describe('核对过全文的出处'),
    }),
    holidays: z.array(HolidayBlockSchema).min(1),
  })
  .superRefine((schedule, ctx) => {
    for (const block of schedule.holidays) {
      for (const day of block.workingDays) {
        const weekday = isoWeekday(day);
        if (weekday !== 6 && weekday !== 7) {
          ctx.addIssue({ code: 'custom', message: `调休上班日 ${day} 不是周末`, path: ['holidays'] });
        }
      }
    }
  });
export type HolidaySchedule = z.infer<typeof HolidayScheduleSchema>;

/** A {@link HolidayCalendar} that also says which years it has official schedules for. */
export interface ScheduledHolidayCalendar extends HolidayCalendar {
  /** Years with a loaded notice; for other years only weekends are rest days. */
  readonly coveredYears: readonly number[];
  coversDate(date: LocalDate): boolean;
}

/**
 * Builds the rest-day calendar from yearly State Council schedules (国务院办公厅部分节假日安排的通知).
 * A date is a rest day when a notice lists it as 放假, or when it is a Saturday/Sunday that no notice
 * lists as 调休上班. For a year without a schedule only weekends are rest days — callers should
 * check {@link ScheduledHolidayCalendar.coversDate} and tell the user. `createHolidayCalendar([])` is
 * the weekend-only calendar.
 */
export function createHolidayCalendar(schedules: readonly HolidaySchedule[]): ScheduledHolidayCalendar {
  const restDays = new Set<string>();
  const workingDays = new Set<string>();
  for (const schedule of schedules) {
    for (const block of schedule.holidays) {
      for (let day = block.restFrom; compareLocalDates(day, block.restTo) <= 0; day = addDays(day, 1)) restDays.add(day);
      for (const day of block.workingDays) workingDays.add(day);
    }
  }
  const coveredYears = [...new Set(schedules.map((schedule) => schedule.year))].sort((a, b) => a - b);
  return {
    coveredYears,
    coversDate: (date) => coveredYears.includes(toDateParts(date).year),
    isRestDay(date) {
      if (workingDays.has(date)) return false;
      if (restDays.has(date)) return true;
      return isoWeekday(date) >= 6;
    },
  };
}
