/**
 * Shared fixtures for the deadline tests (not exported from the package): the official holiday
 * calendars and a builder that validates test inputs through the same schema the server uses.
 */
import schedule2024 from '../../data/holidays/2024.json' with { type: 'json' };
import schedule2025 from '../../data/holidays/2025.json' with { type: 'json' };
import schedule2026 from '../../data/holidays/2026.json' with { type: 'json' };
import type { z } from 'zod';
import { createHolidayCalendar, HolidayScheduleSchema } from './holiday-calendar.js';
import { TrialLimitInput } from './process-events.js';

export const OFFICIAL_SCHEDULES = [schedule2024, schedule2025, schedule2026].map((raw) => HolidayScheduleSchema.parse(raw));

/** Weekends plus the State Council notices for 2024–2026. */
export const officialCalendar = createHolidayCalendar(OFFICIAL_SCHEDULES);

/** Weekends only: isolates tests from the holiday data. */
export const weekendCalendar = createHolidayCalendar([]);

/** Parses a plain-string test input into a {@link TrialLimitInput}. */
export function buildInput(fields: z.input<typeof TrialLimitInput>): TrialLimitInput {
  return TrialLimitInput.parse(fields);
}
