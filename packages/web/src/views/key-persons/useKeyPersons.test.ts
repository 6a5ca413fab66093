import { describe, expect, it } from 'vitest';
import { keyPersonRowClass, reviewCountdown } from './useKeyPersons';

describe('key person list helpers', () => {
  it('marks overdue reviews red and those due soon orange', () => {
    expect(keyPersonRowClass({ row: { reviewStatus: 'overdue' } })).toBe('review-overdue');
    expect(keyPersonRowClass({ row: { reviewStatus: 'due_soon' } })).toBe('review-due-soon');
    expect(keyPersonRowClass({ row: { reviewStatus: 'scheduled' } })).toBe('');
  });

  it('counts days left, or days overdue', () => {
    expect(reviewCountdown({ daysLeft: 3 })).toBe('剩余 3 天');
    expect(reviewCountdown({ daysLeft: 0 })).toBe('剩余 0 天');
    expect(reviewCountdown({ daysLeft: -5 })).toBe('超期 5 天');
  });
});
