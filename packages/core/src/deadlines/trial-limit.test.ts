import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ProcessEvent } from './process-events.js';
import { PROCEDURE_RULES, type ProcedureCode } from './procedures.js';
import { buildInput, officialCalendar, weekendCalendar } from './test-support.js';
import { calculateTrialLimit, type TrialLimitInconsistencyCode, type TrialLimitSettings } from './trial-limit.js';
import type { HolidayCalendar } from './period.js';

type RawEvent = z.input<typeof ProcessEvent>;
type RawInput = Parameters<typeof buildInput>[0];

const noHolidays: TrialLimitSettings = { holidayRule: 'none' };

function calculate(fields: RawInput, settings: TrialLimitSettings = noHolidays, calendar: HolidayCalendar = weekendCalendar) {
  return calculateTrialLimit(buildInput(fields), settings, calendar);
}

const codesOf = (result: ReturnType<typeof calculate>) => result.inconsistencies.map((issue) => issue.code).sort();

const extension = (approver: 'courtPresident' | 'higherCourt' | 'highCourt' | 'supremeCourt', length: { months?: number; days?: number }, approvedOn: string, requestedOn?: string): RawEvent => ({
  type: 'extension',
  approver,
  length,
  approvedOn,
  ...(requestedOn === undefined ? {} : { requestedOn }),
});
const excluded = (kind: Extract<RawEvent, { type: 'excludedPeriod' }>['kind'], start: string, end?: string, id?: string): RawEvent => ({
  type: 'excludedPeriod',
  kind,
  start,
  ...(end === undefined ? {} : { end }),
  ...(id === undefined ? {} : { id }),
});

describe('base limit of every procedure (filed 2024-03-15, holiday rule off)', () => {
  it.each<[ProcedureCode, string, number, string]>([
    ['civilFirstInstanceOrdinary', '2024-09-15', 184, '民事诉讼法(2023) 第一百五十二条: 6 months'],
    ['civilSimple', '2024-06-15', 92, '第一百六十四条: 3 months'],
    ['civilSmallClaims', '2024-05-15', 61, '第一百六十八条: 2 months'],
    ['civilSecondInstanceJudgment', '2024-06-15', 92, '第一百八十三条第一款: 3 months'],
    ['civilSecondInstanceRuling', '2024-04-14', 30, '第一百八十三条第二款: 30 days'],
    ['civilSpecial', '2024-04-14', 30, '第一百八十七条: 30 days'],
    ['civilSpecialVoterQualification', '2024-04-14', 30, '第一百八十七条: 30 days'],
    ['civilRetrialReview', '2024-06-15', 92, '第二百一十五条: 3 months'],
    ['criminalPublicFirstInstance', '2024-05-15', 61, '刑事诉讼法(2018) 第二百零八条: 2 months'],
    ['criminalPrivateDetained', '2024-05-15', 61, '第二百一十二条第二款 → 第二百零八条'],
    ['criminalPrivateNotDetained', '2024-09-15', 184, '第二百一十二条第二款: 6 months'],
    ['criminalSimple', '2024-04-04', 20, '第二百二十条: 20 days'],
    ['criminalSimpleOverThreeYears', '2024-04-04', 20, '第二百二十条: 20 days, extendable'],
    ['criminalExpedited', '2024-03-25', 10, '第二百二十五条: 10 days'],
    ['criminalExpeditedOverOneYear', '2024-03-25', 10, '第二百二十五条: 10 days, extendable'],
    ['criminalSecondInstance', '2024-05-15', 61, '第二百四十三条: 2 months'],
    ['criminalRetrial', '2024-06-15', 92, '第二百五十八条: 3 months'],
    ['administrativeFirstInstance', '2024-09-15', 184, '行政诉讼法(2017) 第八十一条: 6 months'],
    ['administrativeSimple', '2024-04-29', 45, '第八十三条: 45 days'],
    ['administrativeSecondInstance', '2024-06-15', 92, '第八十八条: 3 months'],
    ['enforcement', '2024-09-15', 184, '法释〔2000〕29号 第五条: 6 months'],
    ['nonLitigationEnforcement', '2024-06-15', 92, '法释〔2000〕29号 第五条: 3 months'],
  ])('%s ends on %s (%i days; %s)', (procedure, deadline, limitDays) => {
    const result = calculate({ procedure, filedOn: '2024-03-15', today: '2024-03-16' });
    expect(result.deadline).toBe(deadline);
    expect(result.limitDays).toBe(limitDays);
    expect(result.inconsistencies).toEqual([]);
    expect(result.basis[0]).toContain(PROCEDURE_RULES[procedure].citation.article);
  });
});

describe('month ends and leap years — 民法典(2020) 第二百零二条', () => {
  it.each<[ProcedureCode, string, string]>([
    ['civilFirstInstanceOrdinary', '2024-08-31', '2025-02-28'],
    ['civilFirstInstanceOrdinary', '2023-08-31', '2024-02-29'],
    ['civilSimple', '2024-11-30', '2025-02-28'],
    ['civilSmallClaims', '2023-12-31', '2024-02-29'],
    ['criminalPublicFirstInstance', '2024-12-31', '2025-02-28'],
    ['civilSecondInstanceRuling', '2024-02-15', '2024-03-16'],
    ['civilSecondInstanceRuling', '2023-02-15', '2023-03-17'],
    ['administrativeSimple', '2024-12-20', '2025-02-03'],
  ])('%s filed %s ends on %s', (procedure, filedOn, deadline) => {
    expect(calculate({ procedure, filedOn, today: filedOn }).deadline).toBe(deadline);
  });
});

describe('extensions — approver ladder per procedure', () => {
  it.each<[string, ProcedureCode, string, RawEvent[], string, TrialLimitInconsistencyCode[]]>([
    ['第一百五十二条: 本院院长 +6 months', 'civilFirstInstanceOrdinary', '2024-03-15', [extension('courtPresident', { months: 6 }, '2024-09-01')], '2025-03-15', []],
    ['第一百五十二条: then 上级法院 +3 months', 'civilFirstInstanceOrdinary', '2024-03-15', [extension('courtPresident', { months: 6 }, '2024-09-01'), extension('higherCourt', { months: 3 }, '2025-03-01')], '2025-06-15', []],
    ['第一百五十二条: 本院院长 a second time is beyond authority', 'civilFirstInstanceOrdinary', '2024-03-15', [extension('courtPresident', { months: 6 }, '2024-09-01'), extension('courtPresident', { months: 3 }, '2025-03-01')], '2025-03-15', ['extensionBeyondAuthority']],
    ['第一百五十二条: 本院院长 +8 months counts 6', 'civilFirstInstanceOrdinary', '2024-03-15', [extension('courtPresident', { months: 8 }, '2024-09-01')], '2025-03-15', ['extensionBeyondAuthority']],
    ['month-end: 08-31 + 6 + 6 months ends 08-31 (summed, not chained)', 'civilFirstInstanceOrdinary', '2023-08-31', [extension('courtPresident', { months: 6 }, '2024-02-01')], '2024-08-31', []],
    ['第一百六十四条: 本院院长 +1 month', 'civilSimple', '2024-03-15', [extension('courtPresident', { months: 1 }, '2024-06-01')], '2024-07-15', []],
    ['第一百六十八条: 小额诉讼 extended twice', 'civilSmallClaims', '2024-03-15', [extension('courtPresident', { months: 1 }, '2024-05-01'), extension('courtPresident', { months: 1 }, '2024-06-01')], '2024-06-15', ['extensionBeyondAuthority']],
    ['第一百六十八条: 小额诉讼 +2 months counts 1', 'civilSmallClaims', '2024-03-15', [extension('courtPresident', { months: 2 }, '2024-05-01')], '2024-06-15', ['extensionBeyondAuthority']],
    ['第一百八十三条第一款: 本院院长, no cap in law', 'civilSecondInstanceJudgment', '2024-03-15', [extension('courtPresident', { months: 3 }, '2024-06-01'), extension('courtPresident', { days: 20 }, '2024-09-01')], '2024-10-05', []],
    ['第一百八十三条第二款: no extension for a ruling appeal', 'civilSecondInstanceRuling', '2024-03-15', [extension('courtPresident', { days: 10 }, '2024-04-01')], '2024-04-14', ['extensionBeyondAuthority']],
    ['第二百一十五条: 本院院长 +2 months', 'civilRetrialReview', '2024-03-15', [extension('courtPresident', { months: 2 }, '2024-06-01')], '2024-08-15', []],
    ['第一百八十七条: voter qualification cases cannot be extended', 'civilSpecialVoterQualification', '2024-03-15', [extension('courtPresident', { days: 30 }, '2024-04-01')], '2024-04-14', ['extensionBeyondAuthority']],
    ['第二百零八条: 本院 to the 3-month ceiling', 'criminalPublicFirstInstance', '2024-03-15', [extension('courtPresident', { months: 1 }, '2024-05-01')], '2024-06-15', []],
    ['第二百零八条: 本院 +2 months capped at 3 months total', 'criminalPublicFirstInstance', '2024-03-15', [extension('courtPresident', { months: 2 }, '2024-05-01')], '2024-06-15', ['extensionBeyondAuthority']],
    ['第二百零八条: 本院, 上一级法院 +3, 最高法 +2', 'criminalPublicFirstInstance', '2024-03-15', [extension('courtPresident', { months: 1 }, '2024-05-01'), extension('higherCourt', { months: 3 }, '2024-06-01'), extension('supremeCourt', { months: 2 }, '2024-09-01')], '2024-11-15', []],
    ['第二百零八条: 上一级法院 +4 counts 3', 'criminalPrivateDetained', '2024-03-15', [extension('higherCourt', { months: 4 }, '2024-05-01')], '2024-08-15', ['extensionBeyondAuthority']],
    ['第二百一十二条: not detained, no extension', 'criminalPrivateNotDetained', '2024-03-15', [extension('courtPresident', { months: 3 }, '2024-09-01')], '2024-09-15', ['extensionBeyondAuthority']],
    ['第二百二十条: simple ≤3 years, no extension', 'criminalSimple', '2024-03-15', [extension('courtPresident', { days: 10 }, '2024-03-20')], '2024-04-04', ['extensionBeyondAuthority']],
    ['第二百二十条: >3 years, +25 days stays within 一个半月', 'criminalSimpleOverThreeYears', '2024-03-15', [extension('courtPresident', { days: 25 }, '2024-03-20')], '2024-04-29', []],
    ['第二百二十条: >3 years, +1 month capped at 一个半月', 'criminalSimpleOverThreeYears', '2024-03-15', [extension('courtPresident', { months: 1 }, '2024-03-20')], '2024-04-30', ['extensionBeyondAuthority']],
    ['第二百二十五条: 速裁 >1 year, to 15 days', 'criminalExpeditedOverOneYear', '2024-03-15', [extension('courtPresident', { days: 5 }, '2024-03-20')], '2024-03-30', []],
    ['第二百二十五条: 速裁 ≤1 year, no extension', 'criminalExpedited', '2024-03-15', [extension('courtPresident', { days: 5 }, '2024-03-20')], '2024-03-25', ['extensionBeyondAuthority']],
    ['第二百四十三条: 高院 +2 months', 'criminalSecondInstance', '2024-03-15', [extension('highCourt', { months: 2 }, '2024-05-01')], '2024-07-15', []],
    ['第二百四十三条: 本院院长 may not extend', 'criminalSecondInstance', '2024-03-15', [extension('courtPresident', { months: 1 }, '2024-05-01')], '2024-05-15', ['extensionBeyondAuthority']],
    ['第二百五十八条: +3 months reaches the 6-month ceiling', 'criminalRetrial', '2024-03-15', [extension('courtPresident', { months: 3 }, '2024-06-01')], '2024-09-15', []],
    ['第二百五十八条: +6 months capped at 6 months total', 'criminalRetrial', '2024-03-15', [extension('courtPresident', { months: 6 }, '2024-06-01')], '2024-09-15', ['extensionBeyondAuthority']],
    ['行政诉讼法 第八十一条: 高院 approves', 'administrativeFirstInstance', '2024-03-15', [extension('highCourt', { months: 3 }, '2024-09-01')], '2024-12-15', []],
    ['行政诉讼法 第八十一条: 本院院长 may not', 'administrativeFirstInstance', '2024-03-15', [extension('courtPresident', { months: 3 }, '2024-09-01')], '2024-09-15', ['extensionBeyondAuthority']],
    ['行政诉讼法 第八十三条: simple, no extension', 'administrativeSimple', '2024-03-15', [extension('highCourt', { days: 15 }, '2024-04-01')], '2024-04-29', ['extensionBeyondAuthority']],
    ['行政诉讼法 第八十八条: 最高法 approves', 'administrativeSecondInstance', '2024-03-15', [extension('supremeCourt', { months: 1 }, '2024-06-01')], '2024-07-15', []],
    ['法释〔2000〕29号 第五条: 院长 +3, then +3 with 备案', 'enforcement', '2024-03-15', [extension('courtPresident', { months: 3 }, '2024-09-01'), extension('courtPresident', { months: 3 }, '2024-12-01')], '2025-03-15', []],
    ['法释〔2000〕29号 第五条: first extension +6 counts 3', 'enforcement', '2024-03-15', [extension('courtPresident', { months: 6 }, '2024-09-01')], '2024-12-15', ['extensionBeyondAuthority']],
    ['法释〔2000〕29号 第五条: 非诉执行 +3', 'nonLitigationEnforcement', '2024-03-15', [extension('courtPresident', { months: 3 }, '2024-06-01')], '2024-09-15', []],
    ['法释〔2000〕29号: request fewer than 5 days before expiry', 'enforcement', '2024-03-15', [extension('courtPresident', { months: 3 }, '2024-09-14', '2024-09-13')], '2024-12-15', ['extensionRequestTooLate']],
    ['extension approved after the limit had expired', 'civilSimple', '2024-03-15', [extension('courtPresident', { months: 1 }, '2024-06-20')], '2024-07-15', ['extensionAfterExpiry']],
  ])('%s', (_rule, procedure, filedOn, events, deadline, codes) => {
    const result = calculate({ procedure, filedOn, events, today: '2025-06-30' });
    expect(result.deadline).toBe(deadline);
    expect(codesOf(result)).toEqual(codes);
  });

  it('writes each counted extension into the basis with its approver and article', () => {
    const result = calculate({
      procedure: 'civilFirstInstanceOrdinary',
      filedOn: '2024-03-15',
      events: [extension('courtPresident', { months: 6 }, '2024-09-01')],
      today: '2024-09-02',
    });
    expect(result.basis).toContainEqual(expect.stringContaining('2024年9月1日本院院长批准延长6个月（《民事诉讼法》（2023年修正）第一百五十二条）'));
    expect(result.limitLength).toEqual({ months: 12, days: 0 });
  });

  it('says no further extension exists once a 小额诉讼 has used its one (第一百六十八条)', () => {
    const result = calculate({
      procedure: 'civilSmallClaims',
      filedOn: '2024-03-15',
      events: [extension('courtPresident', { months: 1 }, '2024-05-01'), extension('courtPresident', { months: 1 }, '2024-06-01')],
      today: '2024-06-02',
    });
    expect(result.inconsistencies[0]?.message).toContain('法律未规定再次延长');
  });

  it('names the next approver when 本院院长 has used up the power (第一百五十二条)', () => {
    const result = calculate({
      procedure: 'civilFirstInstanceOrdinary',
      filedOn: '2024-03-15',
      events: [extension('courtPresident', { months: 6 }, '2024-09-01'), { ...extension('courtPresident', { months: 1 }, '2025-03-01'), id: 'ext-2' }],
      today: '2025-03-02',
    });
    expect(result.inconsistencies).toEqual([
      { code: 'extensionBeyondAuthority', eventIds: ['ext-2'], message: expect.stringContaining('上级（上一级）人民法院') },
    ]);
  });
});

describe('excluded periods — inclusive days, merged when they overlap (法释〔2000〕29号 第九条)', () => {
  it.each<[string, ProcedureCode, RawEvent[], string, number, TrialLimitInconsistencyCode[]]>([
    ['公告 04-01..04-30 = 30 days', 'civilFirstInstanceOrdinary', [excluded('publicNotice', '2024-04-01', '2024-04-30')], '2024-10-15', 30, []],
    ['公告 and 鉴定 overlap: union 04-01..05-10 = 40 days', 'civilFirstInstanceOrdinary', [excluded('publicNotice', '2024-04-01', '2024-04-30'), excluded('appraisal', '2024-04-20', '2024-05-10')], '2024-10-25', 40, ['overlappingExcludedPeriods']],
    ['adjacent periods are not an overlap', 'civilFirstInstanceOrdinary', [excluded('publicNotice', '2024-04-01', '2024-04-30'), excluded('appraisal', '2024-05-01', '2024-05-10')], '2024-10-25', 40, []],
    ['a period starting on the filing day: that day is not counted anyway', 'civilFirstInstanceOrdinary', [excluded('publicNotice', '2024-03-15', '2024-03-24')], '2024-09-24', 9, []],
    ['open 鉴定 counts through today (06-15)', 'civilFirstInstanceOrdinary', [excluded('appraisal', '2024-06-01')], '2024-09-30', 15, ['openExcludedPeriod']],
    ['拍卖 does not apply to a civil trial', 'civilFirstInstanceOrdinary', [excluded('auction', '2024-04-01', '2024-04-30')], '2024-09-15', 0, ['excludedKindNotApplicable']],
    ['reversed period is ignored', 'civilFirstInstanceOrdinary', [excluded('publicNotice', '2024-04-30', '2024-04-01')], '2024-09-15', 0, ['excludedPeriodReversed']],
    ['period starting before filing is ignored', 'civilFirstInstanceOrdinary', [excluded('publicNotice', '2024-03-01', '2024-03-20')], '2024-09-15', 0, ['eventBeforeFiling']],
    ['第九条第二项: new defence counsel, at most 10 days', 'criminalPublicFirstInstance', [excluded('newDefenceCounsel', '2024-04-01', '2024-04-30')], '2024-05-25', 10, ['excludedPeriodExceedsMaximum']],
    ['第九条第五项: new evidence, at most one month', 'criminalPublicFirstInstance', [excluded('newEvidenceAdjournment', '2024-04-01', '2024-05-31')], '2024-06-14', 30, ['excludedPeriodExceedsMaximum']],
    ['刑事诉讼法 第二百三十五条: 检察院阅卷', 'criminalSecondInstance', [excluded('prosecutorFileReview', '2024-04-01', '2024-04-10')], '2024-05-25', 10, []],
    ['第九条第十二项: enforcement auction', 'enforcement', [excluded('auction', '2024-04-01', '2024-04-30')], '2024-10-15', 30, []],
    ['第九条第十项: 暂缓执行', 'nonLitigationEnforcement', [excluded('enforcementDeferral', '2024-04-01', '2024-04-10')], '2024-06-25', 10, []],
    ['中止 05-01 → 恢复 05-31 = 31 days', 'civilFirstInstanceOrdinary', [{ type: 'suspension', on: '2024-05-01' }, { type: 'resumption', on: '2024-05-31' }], '2024-10-16', 31, []],
    ['中止 without 恢复 stays open through today', 'civilFirstInstanceOrdinary', [{ type: 'suspension', on: '2024-05-01' }], '2024-10-31', 46, ['openExcludedPeriod']],
    ['恢复 without 中止', 'civilFirstInstanceOrdinary', [{ type: 'resumption', on: '2024-05-01' }], '2024-09-15', 0, ['resumptionWithoutSuspension']],
    ['刑事诉讼法 第二百零六条: 中止审理 in a criminal case', 'criminalPublicFirstInstance', [{ type: 'suspension', on: '2024-04-01' }, { type: 'resumption', on: '2024-04-10' }], '2024-05-25', 10, []],
    ['a period that starts after the deadline moves nothing', 'civilSmallClaims', [excluded('appraisal', '2024-06-01', '2024-06-10')], '2024-05-15', 0, ['excludedPeriodAfterDeadline']],
  ])('%s', (_rule, procedure, events, deadline, excludedDays, codes) => {
    const result = calculate({ procedure, filedOn: '2024-03-15', events, today: '2024-06-15' });
    expect(result.deadline).toBe(deadline);
    expect(result.excludedDays).toBe(excludedDays);
    expect(codesOf(result)).toEqual(codes);
  });

  it('marks the result provisional while a period is open', () => {
    const result = calculate({ procedure: 'civilSimple', filedOn: '2024-03-15', events: [excluded('appraisal', '2024-04-01')], today: '2024-04-10' });
    expect(result.provisional).toBe(true);
  });

  it('reports both ids of overlapping periods', () => {
    const result = calculate({
      procedure: 'civilFirstInstanceOrdinary',
      filedOn: '2024-03-15',
      events: [excluded('publicNotice', '2024-04-01', '2024-04-30', 'a'), excluded('appraisal', '2024-04-20', '2024-05-10', 'b')],
      today: '2024-06-15',
    });
    expect(result.inconsistencies[0]?.eventIds).toEqual(['a', 'b']);
  });
});

describe('clock restarts — 刑事诉讼法(2018) 第二百零八条第二、三款, 第二百四十一条; 民事诉讼法(2023) 第一百八十七条', () => {
  it.each<[string, ProcedureCode, RawEvent[], string, string, TrialLimitInconsistencyCode[]]>([
    ['补充侦查完毕 restarts; earlier extension no longer counts', 'criminalPublicFirstInstance', [extension('courtPresident', { months: 1 }, '2024-04-01'), { type: 'clockRestart', reason: 'supplementaryInvestigationCompleted', on: '2024-04-20' }], '2024-04-20', '2024-06-20', []],
    ['改变管辖 restarts from receipt by the new court', 'criminalPublicFirstInstance', [{ type: 'clockRestart', reason: 'changeOfCourt', on: '2024-04-10' }], '2024-04-10', '2024-06-10', []],
    ['发回重审 restarts the 6-month private prosecution', 'criminalPrivateNotDetained', [{ type: 'clockRestart', reason: 'remandedForRetrial', on: '2024-05-01' }], '2024-05-01', '2024-11-01', []],
    ['公告期满 starts the 30 days of a special procedure', 'civilSpecial', [{ type: 'clockRestart', reason: 'noticePeriodExpired', on: '2024-06-30' }], '2024-06-30', '2024-07-30', []],
    ['the latest restart wins', 'criminalPublicFirstInstance', [{ type: 'clockRestart', reason: 'changeOfCourt', on: '2024-04-10' }, { type: 'clockRestart', reason: 'supplementaryInvestigationCompleted', on: '2024-05-05' }], '2024-05-05', '2024-07-05', []],
    ['excluded days before the restart no longer count', 'criminalPublicFirstInstance', [{ type: 'suspension', on: '2024-03-20' }, { type: 'resumption', on: '2024-03-30' }, { type: 'clockRestart', reason: 'changeOfCourt', on: '2024-04-20' }], '2024-04-20', '2024-06-20', []],
    ['civil ordinary has no restart on 改变管辖', 'civilFirstInstanceOrdinary', [{ type: 'clockRestart', reason: 'changeOfCourt', on: '2024-04-10' }], '2024-03-15', '2024-09-15', ['restartNotApplicable']],
    ['补充侦查 restart does not apply to a private prosecution', 'criminalPrivateDetained', [{ type: 'clockRestart', reason: 'supplementaryInvestigationCompleted', on: '2024-04-10' }], '2024-03-15', '2024-05-15', ['restartNotApplicable']],
  ])('%s', (_rule, procedure, events, countingStartedOn, deadline, codes) => {
    const result = calculate({ procedure, filedOn: '2024-03-15', events, today: '2024-07-01' });
    expect(result.countingStartedOn).toBe(countingStartedOn);
    expect(result.deadline).toBe(deadline);
    expect(codesOf(result)).toEqual(codes);
  });
});

describe('holiday rule — 民事诉讼法(2023) 第八十五条第三款; 刑事诉讼法(2018) 第一百零五条第四款', () => {
  it.each<[string, ProcedureCode, string, 'extend' | 'none', boolean | undefined, string, number]>([
    ['civil, 国庆 with extend', 'civilFirstInstanceOrdinary', '2024-04-01', 'extend', undefined, '2024-10-08', 7],
    ['civil, 国庆 with none', 'civilFirstInstanceOrdinary', '2024-04-01', 'none', undefined, '2024-10-01', 0],
    ['criminal, custody assumed: never extended', 'criminalPublicFirstInstance', '2024-08-01', 'extend', undefined, '2024-10-01', 0],
    ['criminal, custody stated', 'criminalPublicFirstInstance', '2024-08-01', 'extend', true, '2024-10-01', 0],
    ['criminal, not in custody: extended', 'criminalPublicFirstInstance', '2024-08-01', 'extend', false, '2024-10-08', 7],
    ['private prosecution not detained', 'criminalPrivateNotDetained', '2024-04-01', 'extend', false, '2024-10-08', 7],
    ['Saturday 2025-01-25 → 调休上班 Sunday 01-26', 'civilSecondInstanceRuling', '2024-12-26', 'extend', undefined, '2025-01-26', 1],
    ['administrative simple into 春节 2025', 'administrativeSimple', '2024-12-15', 'extend', undefined, '2025-02-05', 7],
    ['enforcement ending on a Sunday', 'nonLitigationEnforcement', '2025-03-15', 'extend', undefined, '2025-06-16', 1],
  ])('%s', (_case, procedure, filedOn, holidayRule, defendantInCustody, deadline, holidayExtensionDays) => {
    const result = calculate(
      { procedure, filedOn, today: filedOn, ...(defendantInCustody === undefined ? {} : { defendantInCustody }) },
      { holidayRule },
      officialCalendar,
    );
    expect(result.deadline).toBe(deadline);
    expect(result.holidayExtensionDays).toBe(holidayExtensionDays);
  });

  it('explains a custody case in the basis', () => {
    const result = calculate({ procedure: 'criminalPublicFirstInstance', filedOn: '2024-08-01', today: '2024-08-01' }, { holidayRule: 'extend' }, officialCalendar);
    expect(result.basis).toContainEqual(expect.stringContaining('被告人在押'));
  });
});

describe('days used and left', () => {
  it.each<[string, RawInput, number, number, boolean]>([
    ['halfway through a civil ordinary case', { procedure: 'civilFirstInstanceOrdinary', filedOn: '2024-03-15', today: '2024-06-15' }, 92, 92, false],
    ['excluded days are not used', { procedure: 'civilFirstInstanceOrdinary', filedOn: '2024-03-15', today: '2024-06-15', events: [excluded('publicNotice', '2024-04-01', '2024-04-30')] }, 62, 122, false],
    ['on the filing day', { procedure: 'civilSmallClaims', filedOn: '2024-03-15', today: '2024-03-15' }, 0, 61, false],
    ['on the deadline day', { procedure: 'civilSmallClaims', filedOn: '2024-03-15', today: '2024-05-15' }, 61, 0, false],
    ['five days overdue', { procedure: 'civilSmallClaims', filedOn: '2024-03-15', today: '2024-05-20' }, 66, -5, true],
    ['closed in time: counted to the closing day', { procedure: 'civilSmallClaims', filedOn: '2024-03-15', closedOn: '2024-05-10', today: '2024-06-15' }, 56, 5, false],
    ['closed late (超审限结案)', { procedure: 'civilSmallClaims', filedOn: '2024-03-15', closedOn: '2024-05-20', today: '2024-06-15' }, 66, -5, true],
  ])('%s', (_case, fields, daysUsed, daysLeft, overdue) => {
    const result = calculate(fields);
    expect([result.daysUsed, result.daysLeft, result.overdue]).toEqual([daysUsed, daysLeft, overdue]);
    expect(result.daysUsed + result.daysLeft).toBe(result.limitDays + result.holidayExtensionDays);
  });

  it('counts holiday extension days as remaining days', () => {
    const result = calculate({ procedure: 'civilFirstInstanceOrdinary', filedOn: '2024-04-01', today: '2024-10-05' }, { holidayRule: 'extend' }, officialCalendar);
    expect(result).toMatchObject({ limitDays: 183, holidayExtensionDays: 7, daysUsed: 187, daysLeft: 3, deadline: '2024-10-08', overdue: false });
  });
});

describe('events outside the case', () => {
  it.each<[string, RawInput, TrialLimitInconsistencyCode[]]>([
    ['extension before filing', { procedure: 'civilSimple', filedOn: '2024-03-15', today: '2024-04-01', events: [extension('courtPresident', { months: 1 }, '2024-03-01')] }, ['eventBeforeFiling']],
    ['extension after closing', { procedure: 'civilSimple', filedOn: '2024-03-15', closedOn: '2024-05-01', today: '2024-06-01', events: [extension('courtPresident', { months: 1 }, '2024-05-10')] }, ['eventAfterClosing']],
    ['excluded period running past closing is cut at closing', { procedure: 'civilSimple', filedOn: '2024-03-15', closedOn: '2024-05-01', today: '2024-06-01', events: [excluded('appraisal', '2024-04-01', '2024-05-20')] }, ['eventAfterClosing']],
    ['extension dated after today', { procedure: 'civilSimple', filedOn: '2024-03-15', today: '2024-04-01', events: [extension('courtPresident', { months: 1 }, '2024-05-10')] }, ['eventInFuture']],
    ['closing before filing', { procedure: 'civilSimple', filedOn: '2024-03-15', closedOn: '2024-03-01', today: '2024-04-01' }, ['invalidCaseDates']],
  ])('%s is reported and ignored', (_case, fields, codes) => {
    const result = calculate(fields);
    expect(codesOf(result)).toEqual(codes);
  });

  it('an excluded period cut at closing counts only up to the closing day', () => {
    const result = calculate({ procedure: 'civilSimple', filedOn: '2024-03-15', closedOn: '2024-05-01', today: '2024-06-01', events: [excluded('appraisal', '2024-04-01', '2024-05-20')] });
    expect(result.excludedDays).toBe(31);
  });
});
