import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday, parseLocalDate as d } from './local-date.js';
import { createHolidayCalendar, HolidayScheduleSchema } from './holiday-calendar.js';
import { OFFICIAL_SCHEDULES, officialCalendar } from './test-support.js';

describe('official schedules (国务院办公厅部分节假日安排的通知)', () => {
  it.each([
    [2024, '国办发明电〔2023〕7号'],
    [2025, '国办发明电〔2024〕12号'],
    [2026, '国办发明电〔2025〕7号'],
  ])('%i is sourced to %s', (year, documentNumber) => {
    const schedule = OFFICIAL_SCHEDULES.find((candidate) => candidate.year === year);
    expect(schedule?.source.documentNumber).toBe(documentNumber);
    expect(schedule?.source.title).toBe(`国务院办公厅关于${year}年部分节假日安排的通知`);
  });

  it('every rest block lies inside its year and every 调休上班 day is a weekend', () => {
    for (const schedule of OFFICIAL_SCHEDULES) {
      for (const block of schedule.holidays) {
        expect(block.restFrom.startsWith(String(schedule.year))).toBe(true);
        for (const day of block.workingDays) expect(isoWeekday(day)).toBeGreaterThanOrEqual(6);
      }
    }
  });

  it.each([
    // weekdays as printed in the notices
    ['2025-01-28', 2], // 农历除夕、周二
    ['2025-02-04', 2],
    ['2025-05-31', 6],
    ['2025-10-08', 3],
    ['2026-02-15', 7], // 腊月二十八、周日
    ['2026-02-23', 1],
    ['2026-09-25', 5],
  ])('the notice calls %s weekday %i', (date, weekday) => {
    expect(isoWeekday(d(date))).toBe(weekday);
  });

  it.each([
    // days off per notice, counted over the whole rest block including weekends inside it
    [2024, '春节', 8],
    [2025, '春节', 8],
    [2026, '春节', 9],
    [2025, '国庆节、中秋节', 8],
    [2026, '国庆节', 7],
  ])('%i %s lasts %i days', (year, name, days) => {
    const block = OFFICIAL_SCHEDULES.find((s) => s.year === year)?.holidays.find((h) => h.name === name);
    expect(block).toBeDefined();
    let count = 0;
    for (let day = block!.restFrom; day <= block!.restTo; day = addDays(day, 1)) count += officialCalendar.isRestDay(day) ? 1 : 0;
    expect(count).toBe(days);
  });

  it('knows which years it covers', () => {
    expect(officialCalendar.coveredYears).toEqual([2024, 2025, 2026]);
    expect(officialCalendar.coversDate(d('2026-12-31'))).toBe(true);
    expect(officialCalendar.coversDate(d('2027-01-01'))).toBe(false);
  });

  it('falls back to weekends for an uncovered year', () => {
    expect(officialCalendar.isRestDay(d('2027-01-02'))).toBe(true); // Saturday
    expect(officialCalendar.isRestDay(d('2027-01-01'))).toBe(false); // no 2027 notice loaded
  });

  it('rejects a schedule whose 调休上班 day is a weekday', () => {
    const bad = structuredClone(OFFICIAL_SCHEDULES[0]!) as unknown as { holidays: { workingDays: string[] }[] };
    bad.holidays[0]!.workingDays = ['2024-01-02'];
    expect(HolidayScheduleSchema.safeParse(bad).success).toBe(false);
  });

  it('an empty calendar knows only weekends', () => {
    const calendar = createHolidayCalendar([]);
    expect(calendar.isRestDay(d('2024-10-01'))).toBe(false);
    expect(calendar.isRestDay(d('2024-10-05'))).toBe(true);
  });
});
