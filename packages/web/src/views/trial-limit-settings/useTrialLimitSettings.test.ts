import { TrialLimitSettingsInput } from '@courtrisk/core';
import { describe, expect, it } from 'vitest';
import { settingsFieldErrors } from './useTrialLimitSettings';

const valid = {
  holidayRule: 'extend',
  thresholds: { noticeUsedShare: { numerator: 2, denominator: 3 }, warningDaysLeft: { civil: 30, enforcement: 30, criminal: 15, administrative: 15 }, urgentDaysLeft: 5 },
  longPending: { bucketMonths: [12, 18, 36] },
  version: 0,
};

describe('trial-limit settings form', () => {
  it('puts each core-schema message under its field', () => {
    const parsed = TrialLimitSettingsInput.safeParse({ ...valid, longPending: { bucketMonths: [12, 12] } });
    expect(parsed.success).toBe(false);
    expect(settingsFieldErrors(parsed.error!.issues)).toEqual({ 'longPending.bucketMonths': '分档月数必须严格递增' });
  });

  it('shows the 预警 ≥ 紧急 rule under the 紧急 field', () => {
    const parsed = TrialLimitSettingsInput.safeParse({ ...valid, thresholds: { ...valid.thresholds, urgentDaysLeft: 40 } });
    expect(settingsFieldErrors(parsed.error!.issues)).toEqual({ 'thresholds.urgentDaysLeft': '预警天数不能小于紧急天数' });
  });

  it('accepts the defaults', () => {
    expect(TrialLimitSettingsInput.safeParse(valid).success).toBe(true);
  });
});
