import { describe, expect, it } from 'vitest';
import { parseLocalDate } from '../deadlines/local-date.js';
import { chinaDateOf, ClockDuration, clockDurationMs, endOfChinaDay, formatClockDuration, InstantSchema, toEpochMs, toIsoInstant } from './time.js';

describe('instants', () => {
  it('reads an offset instant and writes ISO UTC with milliseconds', () => {
    expect(toIsoInstant(toEpochMs('2024-06-03T09:00:00+08:00'))).toBe('2024-06-03T01:00:00.000Z');
    expect(toEpochMs('2024-06-03T01:00:00.000Z')).toBe(toEpochMs('2024-06-03T09:00:00+08:00'));
  });

  it.each(['2024-06-03T09:00:00', '2024-06-03', 'yesterday', '2024-06-03T09:00+08:00'])('throws on %s (no offset, or not an instant)', (text) => {
    expect(() => toEpochMs(text)).toThrow(RangeError);
  });

  it('the boundary schema wants an offset', () => {
    expect(InstantSchema.safeParse('2024-06-03T09:00:00+08:00').success).toBe(true);
    expect(InstantSchema.safeParse('2024-06-03T09:00:00').error?.issues[0]?.message).toContain('带时区');
  });

  it('takes the Beijing date: 15:59:59.999Z is still the same day, 16:00Z is the next', () => {
    expect(chinaDateOf(toEpochMs('2024-06-03T15:59:59.999Z'))).toBe('2024-06-03');
    expect(chinaDateOf(toEpochMs('2024-06-03T16:00:00.000Z'))).toBe('2024-06-04');
    expect(chinaDateOf(toEpochMs('2024-06-03T00:30:00+08:00'))).toBe('2024-06-03');
  });

  it('ends a Beijing day at 23:59:59.999', () => {
    expect(toIsoInstant(endOfChinaDay(parseLocalDate('2024-06-03')))).toBe('2024-06-03T15:59:59.999Z');
    expect(chinaDateOf(endOfChinaDay(parseLocalDate('2024-12-31')))).toBe('2024-12-31');
    expect(chinaDateOf(endOfChinaDay(parseLocalDate('2024-12-31')) + 1)).toBe('2025-01-01');
  });
});

describe('ClockDuration', () => {
  it('counts a day as 24 hours and labels in Chinese', () => {
    expect(clockDurationMs({ amount: 3, unit: 'day' })).toBe(clockDurationMs({ amount: 72, unit: 'hour' }));
    expect(formatClockDuration({ amount: 2, unit: 'hour' })).toBe('2小时');
    expect(formatClockDuration({ amount: 15, unit: 'day' })).toBe('15天');
  });

  it.each<[unknown, string]>([
    [{ amount: 0, unit: 'hour' }, '时长至少为 1'],
    [{ amount: 1.5, unit: 'day' }, '时长必须是整数'],
    [{ amount: 3, unit: 'week' }, '时长单位应为 hour（小时）或 day（天）'],
    [{ amount: 367, unit: 'day' }, '时长不能超过一年'],
  ])('refuses %j', (duration, message) => {
    expect(ClockDuration.safeParse(duration).error?.issues[0]?.message).toBe(message);
  });
});
