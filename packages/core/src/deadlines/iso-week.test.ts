import { describe, expect, it } from 'vitest';
import { isoWeekMonday, isoWeekOf } from './iso-week.js';
import type { LocalDate } from './local-date.js';

// ISO 8601-1:2019 §5.2.3.4 (week 1 holds the year's first Thursday; weeks start on Monday).
describe('isoWeekOf', () => {
  it.each([
    ['2026-01-01', '2026-W01'], // Thursday
    ['2025-12-29', '2026-W01'], // Monday of the week holding 2026-01-01
    ['2027-01-01', '2026-W53'], // Friday: 2026 has 53 weeks
    ['2021-01-03', '2020-W53'], // Sunday
    ['2024-12-30', '2025-W01'],
    ['2026-03-02', '2026-W10'],
    ['2026-03-08', '2026-W10'], // Sunday closes the same week
  ])('%s is in %s', (date, week) => {
    expect(isoWeekOf(date as LocalDate)).toBe(week);
  });

  it('finds the Monday of the week', () => {
    expect(isoWeekMonday('2026-03-08' as LocalDate)).toBe('2026-03-02');
    expect(isoWeekMonday('2026-03-02' as LocalDate)).toBe('2026-03-02');
  });
});
