import { describe, expect, it } from 'vitest';
import { parseLocalDate as d } from './local-date.js';
import { processEventKey, reconcileProcessEvent, type RecordedProcessEvent } from './process-event-key.js';
import { trialLimitRecipients } from './trial-limit-escalation.js';

describe('processEventKey / reconcileProcessEvent', () => {
  const appraisal: RecordedProcessEvent = { type: 'excludedPeriod', kind: 'appraisal', start: d('2025-10-01') };

  it('identifies an excluded period by kind and first day, so its end can be filled in later', () => {
    expect(processEventKey({ ...appraisal, end: d('2025-10-10') })).toBe(processEventKey(appraisal));
    expect(reconcileProcessEvent(appraisal, { ...appraisal, end: d('2025-10-10') })).toEqual({ action: 'complete', end: d('2025-10-10') });
    expect(reconcileProcessEvent({ ...appraisal, end: d('2025-10-10') }, appraisal)).toEqual({ action: 'unchanged' });
    expect(reconcileProcessEvent({ ...appraisal, end: d('2025-10-10') }, { ...appraisal, end: d('2025-10-12') }).action).toBe('conflict');
  });

  it('treats 6个月 and 6个月0日 as the same extension, and a different length as a conflict', () => {
    const extension = { type: 'extension' as const, approver: 'courtPresident' as const, length: { months: 6, days: 0 }, approvedOn: d('2026-03-01') };
    expect(reconcileProcessEvent(extension, { ...extension, length: { months: 6, days: 0 } })).toEqual({ action: 'unchanged' });
    const conflict = reconcileProcessEvent(extension, { ...extension, length: { months: 3, days: 0 } });
    expect(conflict).toMatchObject({ action: 'conflict' });
    expect(conflict.action === 'conflict' && conflict.message).toContain('延长6个月');
    expect(processEventKey({ ...extension, approver: 'higherCourt' })).not.toBe(processEventKey(extension));
  });
});

describe('trialLimitRecipients (PRODUCT.md §5 escalation ladder, a management rule)', () => {
  it.each([
    ['none', []],
    ['notice', ['judge']],
    ['warning', ['judge', 'departmentHead']],
    ['urgent', ['judge', 'departmentHead', 'riskOffice']],
    ['overdue', ['judge', 'departmentHead', 'riskOffice', 'leader']],
  ] as const)('%s → %j', (tier, groups) => {
    expect(trialLimitRecipients(tier)).toEqual(groups);
  });
});
