import { describe, expect, it } from 'vitest';
import { buildInput, weekendCalendar } from './test-support.js';
import { calculateTrialLimit } from './trial-limit.js';
import { classifyTrialLimit, DEFAULT_TRIAL_LIMIT_THRESHOLDS, TrialLimitThresholds, type TrialLimitTier } from './warning-tier.js';

const resultOn = (procedure: 'civilFirstInstanceOrdinary' | 'criminalPublicFirstInstance' | 'administrativeSimple' | 'enforcement', today: string, closedOn?: string) =>
  calculateTrialLimit(
    buildInput({ procedure, filedOn: '2024-03-15', today, ...(closedOn === undefined ? {} : { closedOn }) }),
    { holidayRule: 'none' },
    weekendCalendar,
  );

describe('classifyTrialLimit — issue 5 thresholds (提示 ≥ 2/3 used; 预警 ≤ 30/15 days; 紧急 ≤ 5; 超审限)', () => {
  it.each<[string, Parameters<typeof resultOn>[0], string, TrialLimitTier]>([
    // civil ordinary: deadline 2024-09-15, 184 days; two thirds = 122.67 days
    ['civil, 122 days used', 'civilFirstInstanceOrdinary', '2024-07-15', 'none'],
    ['civil, 123 days used', 'civilFirstInstanceOrdinary', '2024-07-16', 'notice'],
    ['civil, 31 days left', 'civilFirstInstanceOrdinary', '2024-08-15', 'notice'],
    ['civil, 30 days left', 'civilFirstInstanceOrdinary', '2024-08-16', 'warning'],
    ['civil, 6 days left', 'civilFirstInstanceOrdinary', '2024-09-09', 'warning'],
    ['civil, 5 days left', 'civilFirstInstanceOrdinary', '2024-09-10', 'urgent'],
    ['civil, deadline day', 'civilFirstInstanceOrdinary', '2024-09-15', 'urgent'],
    ['civil, one day over', 'civilFirstInstanceOrdinary', '2024-09-16', 'overdue'],
    // criminal: deadline 2024-05-15, 61 days; two thirds = 40.67
    ['criminal, 40 days used', 'criminalPublicFirstInstance', '2024-04-24', 'none'],
    ['criminal, 41 days used', 'criminalPublicFirstInstance', '2024-04-25', 'notice'],
    ['criminal, 16 days left', 'criminalPublicFirstInstance', '2024-04-29', 'notice'],
    ['criminal, 15 days left', 'criminalPublicFirstInstance', '2024-04-30', 'warning'],
    // administrative simple: 45 days to 2024-04-29; two thirds = 30 days
    ['administrative, 29 used, 16 left', 'administrativeSimple', '2024-04-13', 'none'],
    ['administrative, 15 days left', 'administrativeSimple', '2024-04-14', 'warning'],
    // enforcement: 30-day warning like civil
    ['enforcement, 30 days left', 'enforcement', '2024-08-16', 'warning'],
  ])('%s → %s', (_case, procedure, today, tier) => {
    expect(classifyTrialLimit(resultOn(procedure, today))).toBe(tier);
  });

  it('a case closed in time is not warned; one closed late stays 超审限', () => {
    expect(classifyTrialLimit(resultOn('civilFirstInstanceOrdinary', '2024-12-01', '2024-09-14'))).toBe('none');
    expect(classifyTrialLimit(resultOn('civilFirstInstanceOrdinary', '2024-12-01', '2024-09-20'))).toBe('overdue');
  });

  it('uses per-court thresholds', () => {
    const strict = TrialLimitThresholds.parse({ noticeUsedShare: { numerator: 1, denominator: 2 }, urgentDaysLeft: 10, warningDaysLeft: { civil: 45 } });
    expect(strict.warningDaysLeft.criminal).toBe(15);
    expect(classifyTrialLimit(resultOn('civilFirstInstanceOrdinary', '2024-06-15'), strict)).toBe('notice');
    expect(classifyTrialLimit(resultOn('civilFirstInstanceOrdinary', '2024-08-01'), strict)).toBe('warning');
    expect(classifyTrialLimit(resultOn('civilFirstInstanceOrdinary', '2024-09-05'), strict)).toBe('urgent');
  });

  it('rejects thresholds where 预警 is tighter than 紧急, or a share above one', () => {
    expect(TrialLimitThresholds.safeParse({ urgentDaysLeft: 20, warningDaysLeft: { criminal: 10 } }).success).toBe(false);
    expect(TrialLimitThresholds.safeParse({ noticeUsedShare: { numerator: 4, denominator: 3 } }).success).toBe(false);
  });

  it('defaults to 2/3, 30/30/15/15 and 5 days', () => {
    expect(DEFAULT_TRIAL_LIMIT_THRESHOLDS).toEqual({
      noticeUsedShare: { numerator: 2, denominator: 3 },
      warningDaysLeft: { civil: 30, enforcement: 30, criminal: 15, administrative: 15 },
      urgentDaysLeft: 5,
    });
  });
});
