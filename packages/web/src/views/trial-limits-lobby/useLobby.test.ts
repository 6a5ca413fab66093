import { describe, expect, it } from 'vitest';
import { formatLobbyClock, nextScroll } from './useLobby';

describe('lobby screen helpers', () => {
  it('shows Beijing time whatever the display time zone', () => {
    expect(formatLobbyClock(new Date('2026-03-02T01:05:03Z'))).toBe('2026年3月2日 星期一 09:05:03');
    expect(formatLobbyClock(new Date('2026-03-01T16:00:00Z'))).toBe('2026年3月2日 星期一 00:00:00');
  });

  it('scrolls down a step at a time, pauses at the bottom, then returns to the top and pauses', () => {
    expect(nextScroll({ top: 10, max: 100, now: 1_000, pausedUntil: 0 })).toEqual({ top: 11, pausedUntil: 0 });
    const atBottom = nextScroll({ top: 99, max: 100, now: 1_000, pausedUntil: 0 });
    expect(atBottom).toEqual({ top: 100, pausedUntil: 6_000 });
    expect(nextScroll({ top: 100, max: 100, now: 3_000, pausedUntil: 6_000 })).toEqual({ top: 100, pausedUntil: 6_000 });
    expect(nextScroll({ top: 100, max: 100, now: 6_000, pausedUntil: 6_000 })).toEqual({ top: 0, pausedUntil: 11_000 });
  });

  it('does not move a list that fits on the screen', () => {
    expect(nextScroll({ top: 0, max: 0, now: 10_000, pausedUntil: 0 })).toEqual({ top: 0, pausedUntil: 0 });
  });
});
