import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestPlatform, login, loginReady, STRONG_PASSWORD, testDialects, type Session, type TestPlatform } from './harness.js';

/**
 * 审限 slice: GET /cases/:id/trial-limit and POST /cases/:id/events. The test clock starts at
 * 2026-03-02 (China time). Hand-computed dates: a 民事一审普通 case filed 2025-09-16 has a six-month
 * limit ending 2026-03-16 (Monday), 181 calendar days; on 2026-03-02 it has used 167 and has 14 left.
 */
describe.each(testDialects())('trial limits on %s', (dialect) => {
  let platform: TestPlatform;
  let dcRisk: Session;
  let xcRisk: Session;
  let dcJudge: Session;
  let dcAdmin: Session;
  const ids = new Map<string, string>();
  const url = (n: string, tail: 'trial-limit' | 'events') => `/api/v1/cases/${ids.get(n)}/${tail}`;
  const TEN_DAY_APPRAISAL = { type: 'excludedPeriod', kind: 'appraisal', start: '2025-10-01', end: '2025-10-10' };

  beforeAll(async () => {
    platform = await createTestPlatform(dialect);
    [dcRisk, xcRisk, dcJudge, dcAdmin] = (await Promise.all(['dc_risk', 'xc_risk', 'dc_judge', 'dc_admin'].map((u) => loginReady(platform, u)))) as [Session, Session, Session, Session];
    const numbers = ['(2025)示0101民初101号', '(2025)示0101民初102号', '(2025)示0101民初103号', '(2025)示0101民初104号', '(2025)示0101民终105号'];
    const batch = await call(platform, dcRisk, 'POST', '/api/v1/cases/batch', { cases: numbers.map((caseNumber) => ({ caseNumber, filedOn: '2025-09-16' })) });
    expect(batch.json()).toMatchObject({ created: numbers.length, errors: [] });
    for (const item of (await call(platform, dcRisk, 'GET', '/api/v1/cases?pageSize=100')).json().items) ids.set(item.caseNumber.match(/(\d+)号$/)[1], item.id);
  });
  afterAll(() => platform.close());

  it('computes the limit of a stored case with its basis', async () => {
    const res = await call(platform, dcRisk, 'GET', url('101', 'trial-limit'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      procedure: 'civilFirstInstanceOrdinary',
      holidayRule: 'extend',
      deadline: '2026-03-16',
      limitDays: 181,
      daysUsed: 167,
      daysLeft: 14,
      overdue: false,
      tier: 'warning',
      tierLabel: '预警',
      warningLevel: 'yellow',
      events: [],
    });
    expect(res.json().basis.join('')).toContain('第一百五十二条');
  });

  it('says so instead of guessing when the case does not determine the procedure', async () => {
    const view = (await call(platform, dcRisk, 'GET', url('105', 'trial-limit'))).json();
    expect(view).toMatchObject({ procedure: null, procedureLabel: '无法确定', deadline: null, daysLeft: null, tier: null });
    expect(view.procedureNote).toContain('判决');
  });

  it('answers 401 without a session', async () => {
    expect((await call(platform, null, 'GET', url('101', 'trial-limit'))).statusCode).toBe(401);
    expect((await call(platform, null, 'POST', url('101', 'events'), TEN_DAY_APPRAISAL)).statusCode).toBe(401);
  });

  it('answers 400 to an event the core schema rejects', async () => {
    const zeroLength = await call(platform, dcRisk, 'POST', url('101', 'events'), { type: 'extension', approver: 'courtPresident', length: { months: 0, days: 0 }, approvedOn: '2026-03-01' });
    expect(zeroLength.statusCode).toBe(400);
    expect(zeroLength.json().code).toBe('invalid_input');
    const badDate = await call(platform, dcRisk, 'POST', url('101', 'events'), { ...TEN_DAY_APPRAISAL, start: '2025-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().fields.map((f: { path: string }) => f.path)).toContain('start');
    expect((await call(platform, dcRisk, 'POST', url('101', 'events'), { type: 'postponement', on: '2026-01-01' })).statusCode).toBe(400);
    expect((await call(platform, dcRisk, 'POST', url('101', 'events'), { ...TEN_DAY_APPRAISAL, extra: 1 })).statusCode).toBe(400);
    expect((await call(platform, dcRisk, 'GET', '/api/v1/cases/x/trial-limit')).statusCode).toBe(400);
  });

  it('answers 403 without case.read or case.process', async () => {
    expect((await call(platform, dcAdmin, 'GET', url('101', 'trial-limit'))).statusCode).toBe(403);
    const judge = await call(platform, dcJudge, 'POST', url('101', 'events'), TEN_DAY_APPRAISAL);
    expect(judge.statusCode).toBe(403);
    expect(judge.json().message).toContain('登记审限事项');
  });

  it('answers 404 to a sibling court, for reading and for writing', async () => {
    expect((await call(platform, xcRisk, 'GET', url('101', 'trial-limit'))).statusCode).toBe(404);
    expect((await call(platform, xcRisk, 'POST', url('101', 'events'), TEN_DAY_APPRAISAL)).statusCode).toBe(404);
    expect((await call(platform, dcRisk, 'GET', url('101', 'trial-limit'))).json().events).toEqual([]);
  });

  it('moves the deadline by exactly the length of an extension', async () => {
    const before = (await call(platform, dcRisk, 'GET', url('101', 'trial-limit'))).json();
    const res = await call(platform, dcRisk, 'POST', url('101', 'events'), { type: 'extension', approver: 'courtPresident', length: { months: 6 }, approvedOn: '2026-03-01' });
    expect(res.statusCode, res.body).toBe(200);
    // 2026-03-16 + 6 months = 2026-09-16 (Wednesday, a working day): 184 more days.
    expect(res.json()).toMatchObject({ deadline: '2026-09-16', limitDays: before.limitDays + 184, daysLeft: before.daysLeft + 184, tier: 'none' });
    expect(res.json().events).toMatchObject([{ kind: 'extension', kindLabel: '延长审限', description: '2026年3月1日本院院长批准延长审限6个月' }]);
    expect((await call(platform, dcRisk, 'GET', url('101', 'trial-limit'))).json().deadline).toBe('2026-09-16');
  });

  it('adds the days of an excluded period', async () => {
    const res = await call(platform, dcRisk, 'POST', url('102', 'events'), TEN_DAY_APPRAISAL);
    expect(res.statusCode, res.body).toBe(200);
    // 2025-10-01..10 inclusive = 10 days: 2026-03-16 → 2026-03-26 (Thursday).
    expect(res.json()).toMatchObject({ deadline: '2026-03-26', excludedDays: 10, daysUsed: 157, daysLeft: 24, tier: 'warning' });
  });

  it('writes an audit entry for each recorded event', async () => {
    const audit = (await call(platform, dcAdmin, 'GET', '/api/v1/audit-logs?action=case.event&pageSize=100')).json().items as { summary: string; actorName: string; targetId: string }[];
    const entry = audit.find((e) => e.targetId === ids.get('102'));
    expect(entry).toMatchObject({ actorName: 'dc_risk' });
    expect(entry!.summary).toContain('(2025)示0101民初102号');
    expect(entry!.summary).toContain('扣除鉴定期间');
    expect(entry!.summary).toContain('2026年3月26日');
  });

  it('raises the tier warning once and updates it as events and the clock change the tier', async () => {
    const warnings = async () =>
      (await call(platform, dcRisk, 'GET', `/api/v1/warnings?caseId=${ids.get('104')}&ruleId=IM-TRIAL-LIMIT&includeInactive=true`)).json().items as {
        id: string;
        level: string;
        active: boolean;
        domain: string;
        title: string;
        status: string;
      }[];
    expect(await warnings()).toEqual([]);

    await call(platform, dcRisk, 'POST', url('104', 'events'), TEN_DAY_APPRAISAL);
    const [raised, ...none] = await warnings();
    expect(none).toEqual([]);
    expect(raised).toMatchObject({ level: 'yellow', active: true, domain: 'internal_management', status: 'pending' });
    expect(raised!.title).toContain('预警');

    // 22 days later (2026-03-24) with one more excluded day: deadline 2026-03-27, 3 days left → 紧急.
    platform.clock.advanceMinutes(22 * 24 * 60);
    dcRisk = await login(platform, 'dc_risk', STRONG_PASSWORD); // the old session has expired meanwhile
    const urgent = await call(platform, dcRisk, 'POST', url('104', 'events'), { type: 'excludedPeriod', kind: 'publicNotice', start: '2025-11-01', end: '2025-11-01' });
    expect(urgent.json()).toMatchObject({ deadline: '2026-03-27', daysLeft: 3, tier: 'urgent', tierLabel: '紧急', warningLevel: 'orange' });
    const escalated = await warnings();
    expect(escalated).toHaveLength(1);
    expect(escalated[0]).toMatchObject({ id: raised!.id, level: 'orange', active: true });

    // An extension takes it back below every threshold: the same warning goes inactive, none is added.
    const extended = await call(platform, dcRisk, 'POST', url('104', 'events'), { type: 'extension', approver: 'courtPresident', length: { months: 6 }, approvedOn: '2026-03-24' });
    // 2025-09-16 + 12 months + 11 excluded days = 2026-09-27, a 中秋 rest day → next working day 2026-09-28.
    expect(extended.json()).toMatchObject({ deadline: '2026-09-28', tier: 'none' });
    const retired = await warnings();
    expect(retired).toHaveLength(1);
    expect(retired[0]).toMatchObject({ id: raised!.id, active: false });

    // Past the deadline of another case (2026-03-16) on 2026-03-24: 超审限, red.
    const overdue = await call(platform, dcRisk, 'POST', url('103', 'events'), { type: 'suspension', on: '2026-03-20' });
    expect(overdue.json()).toMatchObject({ tier: 'overdue', tierLabel: '超审限', overdue: true, warningLevel: 'red' });
    const [red] = (await call(platform, dcRisk, 'GET', `/api/v1/warnings?caseId=${ids.get('103')}&ruleId=IM-TRIAL-LIMIT`)).json().items;
    expect(red).toMatchObject({ level: 'red', domain: 'internal_management' });
  });

  it('keeps the trial-limit warning when the case is changed and screened again', async () => {
    const before = (await call(platform, dcRisk, 'GET', `/api/v1/warnings?caseId=${ids.get('103')}&ruleId=IM-TRIAL-LIMIT`)).json().items;
    expect(before).toHaveLength(1);
    const changed = await call(platform, dcRisk, 'POST', '/api/v1/cases/batch', { cases: [{ caseNumber: '(2025)示0101民初103号', filedOn: '2025-09-16', facts: '原告与被告买卖合同纠纷。' }] });
    expect(changed.json()).toMatchObject({ updated: 1 });
    const after = (await call(platform, dcRisk, 'GET', `/api/v1/warnings?caseId=${ids.get('103')}&ruleId=IM-TRIAL-LIMIT`)).json().items;
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: before[0].id, active: true, level: 'red' });
  });
});
