import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up as grantNewBuiltinPermissions } from '../src/db/migrations/20261125_0300_grant_new_builtin_permissions.js';
import { call, createTestPlatform, login, loginReady, STRONG_PASSWORD, testDialects, type Session, type TestPlatform } from './harness.js';

const DAY = 24 * 60;

/**
 * 审限每日巡检 with an injected clock. Hand-computed: a 民事一审普通 case (民事诉讼法(2023) 第一百五十二条:
 * 六个月) filed 2025-11-20 ends on 2026-05-20 (Wednesday, a working day), 181 days. With the default
 * thresholds (issue 5): 提示 from 121 days used (121 × 3 ≥ 181 × 2) = 2026-03-21; 预警 from 30 days
 * left = 2026-04-20; 紧急 from 5 days left = 2026-05-15; 超审限 from 2026-05-21. The test clock starts
 * on 2026-03-02 (Beijing), when 102 days are used: 正常.
 */
describe.each(testDialects())('daily trial-limit sweep on %s', (dialect) => {
  let platform: TestPlatform;
  let courtId: string;
  let caseId: string;
  const accountIds = new Map<string, string>();

  const advanceTo = (isoDay: string) => {
    const target = new Date(`${isoDay}T01:00:00Z`).getTime();
    platform.clock.advanceMinutes(Math.round((target - platform.clock.now().getTime()) / 60_000));
  };
  const warnings = async () =>
    (await platform.services.store.repos.warnings.listForCases(courtId, [caseId])).filter((w) => w.ruleId === 'IM-TRIAL-LIMIT');
  const notificationsOf = async (username: string) =>
    (await platform.services.store.repos.notifications.list(courtId, accountIds.get(username)!, { unreadOnly: false, page: 1, pageSize: 100 })).rows.filter((n) =>
      n.link?.endsWith(caseId),
    );

  beforeAll(async () => {
    platform = await createTestPlatform(dialect);
    const risk = await loginReady(platform, 'zy_risk');
    const batch = await call(platform, risk, 'POST', '/api/v1/cases/batch', {
      cases: [{ caseNumber: '(2025)示01民初9001号', filedOn: '2025-11-20', judgeName: '承办法官', departmentName: '民事审判第一庭' }],
    });
    expect(batch.json()).toMatchObject({ created: 1, errors: [] });
    const [item] = (await call(platform, risk, 'GET', '/api/v1/cases?keyword=9001')).json().items;
    caseId = item.id;
    courtId = item.courtId;
    for (const username of ['zy_judge', 'zy_chief', 'zy_risk', 'zy_leader']) {
      const account = await platform.services.store.repos.accounts.getByUsername(username);
      accountIds.set(username, account!.id);
    }
  });
  afterAll(() => platform.close());

  it('raises the warning 提示 → 预警 → 紧急 → 超审限 as days pass without any event, once each', async () => {
    const first = await platform.services.trialLimitSweep.run();
    expect(first.day).toBe('2026-03-02');
    expect(first.courts.find((c) => c.courtId === courtId)).toMatchObject({ swept: true, raised: 0 });
    expect(await warnings()).toEqual([]);

    const steps = [
      { day: '2026-03-20', level: null },
      { day: '2026-03-21', level: 'blue', title: '审限提示' },
      { day: '2026-04-19', level: 'blue', title: '审限提示' },
      { day: '2026-04-20', level: 'yellow', title: '审限预警' },
      { day: '2026-05-15', level: 'orange', title: '审限紧急' },
      { day: '2026-05-20', level: 'orange', title: '剩余0日' },
      { day: '2026-05-21', level: 'red', title: '超审限' },
      { day: '2026-06-30', level: 'red', title: '超审限' },
    ] as const;
    let warningId: string | undefined;
    for (const step of steps) {
      advanceTo(step.day);
      const result = await platform.services.trialLimitSweep.run();
      expect(result.courts.find((c) => c.courtId === courtId)?.swept, step.day).toBe(true);
      const rows = await warnings();
      if (step.level === null) {
        expect(rows, step.day).toEqual([]);
        continue;
      }
      expect(rows, step.day).toHaveLength(1);
      expect(rows[0], step.day).toMatchObject({ level: step.level, active: 1, domain: 'internal_management', status: 'pending' });
      expect(rows[0]!.title, step.day).toContain(step.title);
      warningId ??= rows[0]!.id;
      expect(rows[0]!.id, 'the same warning row is updated, never duplicated').toBe(warningId);
    }

    // The ladder (PRODUCT.md §5): 承办法官 from 提示, 庭长 from 预警, 风险防控办 from 紧急, 院领导 at 超审限 — once per tier.
    const titles = async (username: string) => (await notificationsOf(username)).map((n) => n.title.split('：')[0]).sort();
    expect(await titles('zy_judge')).toEqual(['审限提示', '审限紧急', '审限预警', '超审限'].sort());
    expect(await titles('zy_chief')).toEqual(['审限紧急', '审限预警', '超审限'].sort());
    expect(await titles('zy_risk')).toEqual(['审限紧急', '超审限'].sort());
    expect(await titles('zy_leader')).toEqual(['超审限']);
    const [overdue] = (await notificationsOf('zy_leader'));
    expect(overdue).toMatchObject({ kind: 'clock_missed' });
    expect(overdue!.body).toContain('2026年5月20日');
    expect(overdue!.body).toContain('承办法官：承办法官');
  });

  it('sweeps a court once per Beijing day unless forced, and audits the changes', async () => {
    const again = await platform.services.trialLimitSweep.run();
    expect(again.courts.find((c) => c.courtId === courtId)).toMatchObject({ swept: false, evaluated: 0 });
    const forced = await platform.services.trialLimitSweep.run({ force: true, courtIds: [courtId] });
    expect(forced.courts).toHaveLength(1);
    expect(forced.courts[0]).toMatchObject({ swept: true, raised: 0, escalated: 0 });
    expect(forced.courts[0]!.evaluated).toBeGreaterThanOrEqual(1);
    const admin = await loginReady(platform, 'zy_admin');
    const audit = (await call(platform, admin, 'GET', '/api/v1/audit-logs?action=trial_limit.sweep&pageSize=100')).json().items as { summary: string; actorName: string }[];
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((entry) => entry.actorName === '系统')).toBe(true);
    expect(audit.some((entry) => entry.summary.includes('升级 1 件'))).toBe(true);
  });

  it('keeps 超审限结案 on record and retires the warning of a case closed in time', async () => {
    const risk = await login(platform, 'zy_risk', STRONG_PASSWORD);
    const batch = await call(platform, risk, 'POST', '/api/v1/cases/batch', {
      cases: [{ caseNumber: '(2026)示01民初9002号', filedOn: '2026-01-05', judgeName: '承办法官', departmentName: '民事审判第一庭', procedure: 'small_claims' }],
    });
    expect(batch.json()).toMatchObject({ created: 1, errors: [] });
    const [item] = (await call(platform, risk, 'GET', '/api/v1/cases?keyword=9002')).json().items;
    // 小额诉讼 (第一百六十八条: 二个月): 2026-01-05 → 2026-03-05, long overdue on 2026-06-30.
    await platform.services.trialLimitSweep.run({ force: true, courtIds: [courtId] });
    const [red] = (await platform.services.store.repos.warnings.listForCases(courtId, [item.id])).filter((w) => w.ruleId === 'IM-TRIAL-LIMIT');
    expect(red).toMatchObject({ level: 'red', active: 1 });
    expect(red!.title).toContain('超审限');
    // Closed after the deadline: still 超审限 (closed late), the warning stays.
    await call(platform, risk, 'POST', '/api/v1/cases/batch', {
      cases: [{ caseNumber: '(2026)示01民初9002号', filedOn: '2026-01-05', judgeName: '承办法官', departmentName: '民事审判第一庭', procedure: 'small_claims', closedOn: '2026-06-01', status: 'closed' }],
    });
    await platform.services.trialLimitSweep.run({ force: true, courtIds: [courtId] });
    const [kept] = (await platform.services.store.repos.warnings.listForCases(courtId, [item.id])).filter((w) => w.ruleId === 'IM-TRIAL-LIMIT');
    expect(kept).toMatchObject({ level: 'red', active: 1 });
    expect(kept!.title).toContain('超审限结案');

    // 小额诉讼 filed 2026-05-10 → 2026-07-10: on 2026-06-30 10 days left → 预警; closed in time → retired.
    const inTime = { caseNumber: '(2026)示01民初9003号', filedOn: '2026-05-10', procedure: 'small_claims' };
    await call(platform, risk, 'POST', '/api/v1/cases/batch', { cases: [inTime] });
    const [third] = (await call(platform, risk, 'GET', '/api/v1/cases?keyword=9003')).json().items;
    await platform.services.trialLimitSweep.run({ force: true, courtIds: [courtId] });
    const trialWarning = async () => (await platform.services.store.repos.warnings.listForCases(courtId, [third.id])).filter((w) => w.ruleId === 'IM-TRIAL-LIMIT');
    expect(await trialWarning()).toMatchObject([{ level: 'yellow', active: 1 }]);
    await call(platform, risk, 'POST', '/api/v1/cases/batch', { cases: [{ ...inTime, closedOn: '2026-06-29', status: 'closed' }] });
    const retired = await platform.services.trialLimitSweep.run({ force: true, courtIds: [courtId] });
    expect(retired.courts[0]!.retired).toBe(1);
    expect(await trialWarning()).toMatchObject([{ level: 'yellow', active: 0 }]);
  });

  it('runs from the scheduler: the first tick of a Beijing day sweeps, later ticks that day do not', async () => {
    advanceTo('2026-07-01');
    const first = await platform.services.riskScheduler.tick();
    expect(first.ran).toBe(true);
    expect(first.trialLimitCourtsSwept).toBeGreaterThanOrEqual(1);
    const second = await platform.services.riskScheduler.tick();
    expect(second.trialLimitCourtsSwept).toBe(0);
    const swept = await platform.services.trialLimitSweep.run();
    expect(swept.courts.find((c) => c.courtId === courtId)).toMatchObject({ swept: false });
  });
});

describe.each(testDialects())('trial-limit settings on %s', (dialect) => {
  let platform: TestPlatform;
  let zyAdmin: Session;
  let zyJudge: Session;
  let xcAdmin: Session;
  let zyCourtId: string;
  let dcCourtId: string;
  const url = (id: string) => `/api/v1/courts/${id}/trial-limit-settings`;
  const body = (version: number) => ({
    holidayRule: 'none',
    thresholds: { noticeUsedShare: { numerator: 1, denominator: 2 }, warningDaysLeft: { civil: 40, enforcement: 30, criminal: 15, administrative: 15 }, urgentDaysLeft: 7 },
    longPending: { bucketMonths: [12, 24, 36] },
    version,
  });

  beforeAll(async () => {
    platform = await createTestPlatform(dialect);
    [zyAdmin, zyJudge, xcAdmin] = (await Promise.all(['zy_admin', 'zy_judge', 'xc_admin'].map((u) => loginReady(platform, u)))) as [Session, Session, Session];
    const courts = (await call(platform, zyAdmin, 'GET', '/api/v1/courts')).json() as { id: string; code: string }[];
    zyCourtId = courts.find((c) => c.code === '示01')!.id;
    dcCourtId = courts.find((c) => c.code === '示0101')!.id;
  });
  afterAll(() => platform.close());

  it('shows the defaults of a court that never saved its own (顺延, 2/3 · 30/15 · 5, 12/18/36)', async () => {
    const res = await call(platform, zyJudge, 'GET', url(zyCourtId));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      courtId: zyCourtId,
      customised: false,
      version: 0,
      holidayRule: 'extend',
      thresholds: { noticeUsedShare: { numerator: 2, denominator: 3 }, warningDaysLeft: { civil: 30, enforcement: 30, criminal: 15, administrative: 15 }, urgentDaysLeft: 5 },
      longPending: { bucketMonths: [12, 18, 36] },
    });
  });

  it('answers 401, 400 naming the field, 403 without court.manage, 404 outside scope', async () => {
    expect((await call(platform, null, 'GET', url(zyCourtId))).statusCode).toBe(401);
    expect((await call(platform, null, 'PUT', url(zyCourtId), body(0))).statusCode).toBe(401);
    const bad = await call(platform, zyAdmin, 'PUT', url(zyCourtId), { ...body(0), thresholds: { ...body(0).thresholds, urgentDaysLeft: 50 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { message: string }) => f.message).join('')).toContain('预警天数不能小于紧急天数');
    const badBuckets = await call(platform, zyAdmin, 'PUT', url(zyCourtId), { ...body(0), longPending: { bucketMonths: [18, 12] } });
    expect(badBuckets.statusCode).toBe(400);
    expect(badBuckets.json().fields[0].path).toContain('longPending');
    const judge = await call(platform, zyJudge, 'PUT', url(zyCourtId), body(0));
    expect(judge.statusCode).toBe(403);
    expect(judge.json().message).toContain('维护法院');
    expect((await call(platform, xcAdmin, 'GET', url(zyCourtId))).statusCode).toBe(404);
    expect((await call(platform, xcAdmin, 'PUT', url(dcCourtId), body(0))).statusCode).toBe(404);
  });

  it('saves with the version, refuses a stale one, audits the change, and the engine uses it', async () => {
    const saved = await call(platform, zyAdmin, 'PUT', url(zyCourtId), body(0));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ customised: true, version: 1, holidayRule: 'none', longPending: { bucketMonths: [12, 24, 36] } });
    const stale = await call(platform, zyAdmin, 'PUT', url(zyCourtId), body(0));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    const audit = (await call(platform, zyAdmin, 'GET', '/api/v1/audit-logs?action=trial_limit.settings')).json().items as { summary: string }[];
    expect(audit[0]!.summary).toContain('节假日顺延：顺延 → 不顺延');
    expect(audit[0]!.summary).toContain('紧急剩余5日');
    expect(audit[0]!.summary).toContain('紧急剩余7日');

    // 民事一审普通, six months (民事诉讼法(2023) 第一百五十二条), on 2026-03-02:
    // filed 2025-12-01 → 2026-06-01, 182 days, 91 used: 91 × 2 ≥ 182 → 提示 under the saved 1/2 (under 2/3: 正常).
    // filed 2025-11-01 → 2026-05-01, a 劳动节 rest day: 不顺延 keeps it there (顺延 would give 2026-05-06).
    const risk = await loginReady(platform, 'zy_risk');
    await call(platform, risk, 'POST', '/api/v1/cases/batch', { cases: [{ caseNumber: '(2025)示01民初9100号', filedOn: '2025-12-01' }, { caseNumber: '(2025)示01民初9101号', filedOn: '2025-11-01' }] });
    const viewOf = async (serial: string) => {
      const [item] = (await call(platform, risk, 'GET', `/api/v1/cases?keyword=${serial}`)).json().items;
      return (await call(platform, risk, 'GET', `/api/v1/cases/${item.id}/trial-limit`)).json();
    };
    expect(await viewOf('9100')).toMatchObject({ deadline: '2026-06-01', daysUsed: 91, tier: 'notice' });
    const view = await viewOf('9101');
    expect(view).toMatchObject({ holidayRule: 'none', deadline: '2026-05-01' });
    expect(view.basis.join('')).toContain('不顺延');
  });

  it('re-evaluates the court at once on request (court.manage)', async () => {
    expect((await call(platform, zyJudge, 'POST', `/api/v1/courts/${zyCourtId}/trial-limit-sweep`)).statusCode).toBe(403);
    const res = await call(platform, zyAdmin, 'POST', `/api/v1/courts/${zyCourtId}/trial-limit-sweep`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().courts).toMatchObject([{ courtId: zyCourtId, swept: true }]);
    expect((await call(platform, xcAdmin, 'POST', `/api/v1/courts/${zyCourtId}/trial-limit-sweep`)).statusCode).toBe(404);
  });
});

describe.each(testDialects())('granting new built-in permissions to existing courts on %s', (dialect) => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform(dialect);
  });
  afterAll(() => platform.close());

  it('adds case.process to built-in roles that lack it and keeps every customised permission', async () => {
    const { db } = platform.database;
    const court = (await platform.services.store.repos.courts.listAll()).find((c) => c.code === '示01')!;
    const role = (code: string) => db.selectFrom('role').selectAll().where('courtId', '=', court.id).where('code', '=', code).executeTakeFirstOrThrow();
    // An older court: its 风险防控办 lacks case.process, and its admin gave it report.export and took away case.import.
    const before = await role('risk_office');
    const customised = (JSON.parse(before.permissions) as string[]).filter((p) => p !== 'case.process' && p !== 'case.supervise' && p !== 'case.import');
    await db.updateTable('role').set({ permissions: JSON.stringify(customised) }).where('id', '=', before.id).execute();
    await db.insertInto('role').values({ ...before, id: crypto.randomUUID(), code: 'custom_clerk', builtin: 0, permissions: JSON.stringify(['case.read']) }).execute();

    await grantNewBuiltinPermissions(db as never);

    const after = JSON.parse((await role('risk_office')).permissions) as string[];
    expect(after).toEqual([...customised, 'case.process', 'case.supervise']);
    expect(after).not.toContain('case.import');
    expect(JSON.parse((await role('custom_clerk')).permissions)).toEqual(['case.read']);
    expect(JSON.parse((await role('leader')).permissions)).toContain('case.supervise');
    expect(JSON.parse((await role('judge')).permissions)).not.toContain('case.process');
  });
});
