import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, type LocalDate } from '../deadlines/local-date.js';
import { createHolidayCalendar } from '../deadlines/holiday-calendar.js';
import {
  calculatePetitionClocks,
  DEFAULT_PETITION_TIME_LIMITS,
  petitionClockWarnings,
  PetitionTimeLimitSettings,
  type PetitionClockKind,
  type PetitionStep,
  type PetitionTimeLimitInput,
} from './time-limits.js';

const weekendsOnly = createHolidayCalendar([]);
const d = (text: string) => text as LocalDate;
const step = (kind: PetitionStep['kind'], on: string, extra: Partial<PetitionStep> = {}): PetitionStep => ({ kind, on: d(on), ...extra });
const run = (input: PetitionTimeLimitInput, today: string, settings = DEFAULT_PETITION_TIME_LIMITS) => calculatePetitionClocks(input, settings, weekendsOnly, d(today));
const clockOf = (input: PetitionTimeLimitInput, today: string, kind: PetitionClockKind, settings = DEFAULT_PETITION_TIME_LIMITS) =>
  run(input, today, settings).clocks.find((clock) => clock.kind === kind);
const nonLitigation = (steps: PetitionStep[]): PetitionTimeLimitInput => ({ nature: 'non_litigation', receivedOn: d('2024-03-01'), steps });

describe('defaults (信访工作条例 2022, LEGAL.md: secondary)', () => {
  it('15 days to decide, 60 to handle (+≤30), 30 for each 复查/复核 request and opinion, no holiday move', () => {
    expect(DEFAULT_PETITION_TIME_LIMITS).toEqual({
      acceptanceDays: 15, handlingDays: 60, maxExtensionDays: 30, reviewRequestDays: 30, reviewDays: 30, recheckRequestDays: 30, recheckDays: 30, dueSoonDays: 5, holidayRule: 'none',
    });
  });

  it('names the field in Chinese when a setting is wrong', () => {
    const result = PetitionTimeLimitSettings.safeParse({ handlingDays: 0, holidayRule: 'maybe' });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['办理期限至少为 1 日', '节假日规则应为 extend（顺延）或 none（不顺延）']);
  });
});

describe('acceptance clock (收到之日起 15 日)', () => {
  it('does not count the day of receipt: received 03-01 → due 03-16', () => {
    expect(clockOf(nonLitigation([]), '2024-03-05', 'acceptance')).toMatchObject({ startedOn: '2024-03-01', dueOn: '2024-03-16', status: 'running', daysLeft: 11, satisfiedOn: null });
  });

  it.each([
    ['2024-03-10', 'running'],
    ['2024-03-11', 'due_soon'],
    ['2024-03-16', 'due_soon'],
    ['2024-03-17', 'overdue'],
  ])('on %s it is %s (due soon = last 5 days, the due day is still in time)', (today, status) => {
    expect(clockOf(nonLitigation([]), today, 'acceptance')?.status).toBe(status);
  });

  it.each([
    ['accepted', '2024-03-16', 'met'],
    ['not_accepted', '2024-03-10', 'met'],
    ['transferred', '2024-03-02', 'met'],
    ['accepted', '2024-03-17', 'met_late'],
  ] as const)('is met by %s on %s → %s', (kind, on, status) => {
    expect(clockOf(nonLitigation([step(kind, on)]), '2024-04-30', 'acceptance')).toMatchObject({ status, satisfiedOn: on, daysLeft: null });
  });

  it('moves a last day on a weekend only with holidayRule extend (2024-03-16 is a Saturday)', () => {
    const extend = PetitionTimeLimitSettings.parse({ holidayRule: 'extend' });
    expect(clockOf(nonLitigation([]), '2024-03-05', 'acceptance', extend)?.dueOn).toBe('2024-03-18');
    expect(clockOf(nonLitigation([]), '2024-03-05', 'acceptance')?.dueOn).toBe('2024-03-16');
  });
});

describe('handling clock (受理之日起 60 日，延长 ≤ 30 日)', () => {
  it('starts at acceptance and stops at the reply', () => {
    const input = nonLitigation([step('accepted', '2024-03-05'), step('replied', '2024-04-20')]);
    expect(clockOf(input, '2024-05-30', 'handling')).toMatchObject({ startedOn: '2024-03-05', dueOn: '2024-05-04', status: 'met' });
  });

  it('adds an approved extension, and explains it', () => {
    const clock = clockOf(nonLitigation([step('accepted', '2024-03-05'), step('extended', '2024-04-30', { days: 30 })]), '2024-05-30', 'handling');
    expect(clock).toMatchObject({ dueOn: '2024-06-03', status: 'due_soon', daysLeft: 4 });
    expect(clock?.basis).toBe('信访工作条例（2022）：受理之日起 60 日内办结，经批准延长 30 日（上限 30 日）：自 2024年3月5日次日起算，另加 30 日，至 2024年6月3日');
  });

  it('counts extensions only up to 30 days in total and reports the excess', () => {
    const result = run(nonLitigation([step('accepted', '2024-03-05'), step('extended', '2024-04-20', { days: 20 }), step('extended', '2024-05-20', { days: 20 })]), '2024-05-30');
    expect(result.clocks.find((c) => c.kind === 'handling')?.dueOn).toBe('2024-06-03');
    expect(result.problems).toEqual(['延长办理期限合计超过 30 日上限，2024年5月20日批准的 20 日只计入 10 日']);
  });

  it('does not start before acceptance, nor after not_accepted', () => {
    expect(clockOf(nonLitigation([]), '2024-03-05', 'handling')).toBeUndefined();
    expect(clockOf(nonLitigation([step('not_accepted', '2024-03-05')]), '2024-06-05', 'handling')).toBeUndefined();
  });

  it('end = acceptance + 60 + extension for any dates (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 40 }), (acceptAfter, extension) => {
        const acceptedOn = addDays(d('2024-03-01'), acceptAfter);
        const steps = [step('accepted', acceptedOn), ...(extension > 0 ? [step('extended', addDays(acceptedOn, 10), { days: extension })] : [])];
        const clock = clockOf(nonLitigation(steps), '2024-03-20', 'handling')!;
        return daysBetween(acceptedOn, clock.dueOn) === 60 + Math.min(extension, 30);
      }),
    );
  });
});

describe('复查 and 复核', () => {
  const replied = [step('accepted', '2024-03-05'), step('replied', '2024-04-20', { until: d('2024-04-22') })];

  it('opens the petitioner’s 30-day window from receipt of the reply; it lapses without a request', () => {
    expect(clockOf(nonLitigation(replied), '2024-05-22', 'reviewRequest')).toMatchObject({ owner: 'petitioner', startedOn: '2024-04-22', dueOn: '2024-05-22', status: 'running' });
    expect(clockOf(nonLitigation(replied), '2024-05-23', 'reviewRequest')?.status).toBe('lapsed');
  });

  it('runs 30 days for the 复查 opinion from the request', () => {
    const input = nonLitigation([...replied, step('review_requested', '2024-05-10')]);
    expect(clockOf(input, '2024-06-10', 'review')).toMatchObject({ owner: 'court', dueOn: '2024-06-09', status: 'overdue', daysLeft: -1 });
  });

  it('excludes hearing days from the 复核 period', () => {
    const input = nonLitigation([
      ...replied,
      step('review_requested', '2024-05-10'),
      step('review_replied', '2024-06-01'),
      step('recheck_requested', '2024-06-15'),
      step('hearing', '2024-06-20', { until: d('2024-06-21') }),
    ]);
    const clock = clockOf(input, '2024-07-01', 'recheck');
    expect(clock?.dueOn).toBe('2024-07-17');
    expect(clock?.basis).toContain('听证 2 日不计入');
  });
});

describe('诉访分离: 涉诉 petitions', () => {
  it('run only the acceptance (routing) clock and report steps of the 信访 procedure', () => {
    const result = run({ nature: 'litigation', receivedOn: d('2024-03-01'), steps: [step('routed_to_litigation', '2024-03-04'), step('review_requested', '2024-04-01')] }, '2024-05-01');
    expect(result.clocks.map((clock) => [clock.kind, clock.status])).toEqual([['acceptance', 'met']]);
    expect(result.problems).toEqual(['涉诉信访按诉访分离导入诉讼程序，“申请复查”（2024年4月1日）不适用信访办理期限，未计时']);
  });
});

describe('petitionClockWarnings', () => {
  it('warns on the court’s overdue (yellow) and due-soon (blue) clocks, never on the petitioner’s windows', () => {
    const input = nonLitigation([step('accepted', '2024-03-05'), step('replied', '2024-04-20')]);
    expect(petitionClockWarnings('pet-1', run(input, '2024-06-01').clocks)).toEqual([]);
    const overdue = petitionClockWarnings('pet-1', run(nonLitigation([step('accepted', '2024-03-05')]), '2024-05-06').clocks);
    expect(overdue).toEqual([
      {
        key: 'petition:pet-1:clock:handling:2024-05-04',
        domain: 'internal_management',
        subtype: '信访办理期限',
        level: 'yellow',
        title: '信访办理答复已超期',
        explanation: '信访工作条例（2022）：受理之日起 60 日内办结：自 2024年3月5日次日起算，至 2024年5月4日；已超期 2 日',
      },
    ]);
    expect(petitionClockWarnings('pet-1', run(nonLitigation([]), '2024-03-12').clocks).map((w) => w.level)).toEqual(['blue']);
  });
});
