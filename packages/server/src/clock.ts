/** Time comes in through this so tests can move it (idle expiry, lockout) without sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

/** Today's date in China Standard Time (UTC+8, no daylight saving), as YYYY-MM-DD. */
export function chinaToday(clock: Clock): string {
  return new Date(clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
