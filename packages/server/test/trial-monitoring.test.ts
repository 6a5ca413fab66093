import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestPlatform, loginReady, testDialects, type Session, type TestPlatform } from './harness.js';

/**
 * 审限监控 views (issue 5). The test clock is 2026-03-02 (Beijing). Hand-computed limits (民事诉讼法
 * (2023) 第一百五十二条 六个月; 第一百八十三条 二审 判决 三个月 / 裁定 三十日; 第八十五条 start day not
 * counted, a last day on a rest day moves to the next working day — the default 顺延 setting):
 * - 901 filed 2025-09-16 → 2026-03-16 (Mon), 181 days, 167 used, 14 left: 预警 (≤ 30), past 2/3.
 * - 902 filed 2025-11-20 → 2026-05-20 (Wed), 181 days, 102 used: 正常 (102 × 3 < 181 × 2).
 * - 903 filed 2025-08-01 → 2026-02-01 (Sun) → 2026-02-02: 超审限 on 2026-03-02 (28 days over).
 * - 904 二审 filed 2026-02-20: the record cannot tell 判决 from 裁定 → no limit until a person sets it;
 *   裁定 → 2026-03-22 (Sun) → 2026-03-23, 21 left: 预警; 判决 → 2026-05-20, 79 left: 正常.
 * - 905 filed 2025-12-01 in 民二庭 by a judge without an account → 2026-06-01 (Mon): 正常.
 */
describe.each(testDialects())('trial-limit monitoring on %s', (dialect) => {
  let platform: TestPlatform;
  let risk: Session;
  let judge: Session;
  let chief: Session;
  let admin: Session;
  let sibling: Session;
  let courtId: string;
  const ids = new Map<string, string>();
  const monitor = (session: Session, query = '') => call(platform, session, 'GET', `/api/v1/trial-limits/monitor${query}`);

  beforeAll(async () => {
    platform = await createTestPlatform(dialect);
    [risk, judge, chief, admin, sibling] = (await Promise.all(['zy_risk', 'zy_judge', 'zy_chief', 'zy_admin', 'xc_risk'].map((u) => loginReady(platform, u)))) as Session[] as [Session, Session, Session, Session, Session];
    const mine = { judgeName: '承办法官', departmentName: '民事审判第一庭' };
    const cases = [
      { caseNumber: '(2025)示01民初901号', filedOn: '2025-09-16', ...mine },
      { caseNumber: '(2025)示01民初902号', filedOn: '2025-11-20', ...mine },
      { caseNumber: '(2025)示01民初903号', filedOn: '2025-08-01', ...mine },
      { caseNumber: '(2026)示01民终904号', filedOn: '2026-02-20', ...mine },
      { caseNumber: '(2025)示01民初905号', filedOn: '2025-12-01', judgeName: '外院法官', departmentName: '民事审判第二庭' },
      { caseNumber: '(2025)示01民初906号', filedOn: '2025-06-01', closedOn: '2025-12-01', status: 'closed', ...mine },
    ];
    const batch = await call(platform, risk, 'POST', '/api/v1/cases/batch', { cases });
    expect(batch.json()).toMatchObject({ created: cases.length, errors: [] });
    for (const item of (await call(platform, risk, 'GET', '/api/v1/cases?pageSize=100')).json().items) {
      ids.set(item.caseNumber.match(/(\d+)号$/)[1], item.id);
      courtId = item.courtId;
    }
  });
  afterAll(() => platform.close());

  it('answers 401 without a session, 400 for a bad filter and 403 without case.read', async () => {
    expect((await call(platform, null, 'GET', '/api/v1/trial-limits/monitor')).statusCode).toBe(401);
    const bad = await monitor(risk, '?tier=late');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { path: string }) => f.path)).toContain('tier');
    expect((await monitor(admin)).statusCode).toBe(403);
    expect((await call(platform, admin, 'GET', '/api/v1/trial-limits/lobby')).statusCode).toBe(403);
  });

  it('lists open cases only, overdue first, then by days left, unknown limits last, with tier counts', async () => {
    const res = await monitor(risk, '?pageSize=50');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.asOf).toBe('2026-03-02');
    expect(body.items.map((r: { caseNumber: string }) => r.caseNumber.match(/(\d+)号$/)![1])).toEqual(['903', '901', '902', '905', '904']);
    expect(body.items[0]).toMatchObject({ tier: 'overdue', tierLabel: '超审限', deadline: '2026-02-02', daysLeft: -28, warningLevel: 'red' });
    expect(body.items[1]).toMatchObject({ tier: 'warning', deadline: '2026-03-16', daysLeft: 14, daysUsed: 167, limitDays: 181, departmentName: '民事审判第一庭', judgeName: '承办法官' });
    expect(body.items[4]).toMatchObject({ tier: null, procedureLabel: '无法确定', deadline: null });
    expect(body.tierCounts).toEqual({ none: 2, notice: 0, warning: 1, urgent: 0, overdue: 1, unknown: 1 });
    expect(body.judgeOptions.map((j: { name: string }) => j.name)).toEqual(['承办法官']);
  });

  it('filters by tier, judge, procedure and deadline; the tier counts ignore only the tier filter', async () => {
    const overdue = (await monitor(risk, '?tier=overdue')).json();
    expect(overdue.items.map((r: { caseId: string }) => r.caseId)).toEqual([ids.get('903')]);
    expect(overdue.total).toBe(1);
    expect(overdue.tierCounts.none).toBe(2);
    const judgeId = (await monitor(risk)).json().judgeOptions[0].id;
    expect((await monitor(risk, `?judgeAccountId=${judgeId}`)).json().total).toBe(4);
    expect((await monitor(risk, '?procedure=civilFirstInstanceOrdinary')).json().total).toBe(4);
    const due = (await monitor(risk, '?deadlineFrom=2026-03-01&deadlineTo=2026-05-31')).json();
    expect(due.items.map((r: { caseId: string }) => r.caseId)).toEqual([ids.get('901'), ids.get('902')]);
  });

  it('shows a judge only their own cases (我的审限) and a 庭长 their department', async () => {
    const mine = (await monitor(judge, '?mine=true')).json();
    expect(mine.total).toBe(4);
    expect(mine.items.every((r: { judgeName: string }) => r.judgeName === '承办法官')).toBe(true);
    const department = (await monitor(chief)).json();
    expect(department.items.map((r: { departmentName: string }) => r.departmentName)).not.toContain('民事审判第二庭');
    expect(department.total).toBe(4);
    // 仅本人 scope: asking for the whole court still yields only the judge's cases.
    expect((await monitor(judge, `?courtId=${courtId}`)).json().total).toBe(4);
    expect((await monitor(sibling)).json().total).toBe(0);
  });

  it('exports the filtered list to XLSX and audits the export', async () => {
    const res = await call(platform, risk, 'GET', '/api/v1/trial-limits/monitor/export.xlsx?tier=warning');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('案号');
    expect(sheet.getRow(2).getCell(1).value).toBe('(2025)示01民初901号');
    expect(sheet.getRow(2).getCell(10).value).toBe('预警');
    expect(sheet.rowCount).toBe(2);
    const audit = (await call(platform, admin, 'GET', '/api/v1/audit-logs?action=trial_limit.export')).json();
    expect(audit.items[0].summary).toContain('导出审限监控 1 件');
  });

  it('groups upcoming deadlines by day for the calendar and limits the range', async () => {
    const res = await call(platform, risk, 'GET', '/api/v1/trial-limits/calendar?from=2026-03-01&to=2026-05-31');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().days).toEqual([
      { date: '2026-03-16', total: 1, tierCounts: { none: 0, notice: 0, warning: 1, urgent: 0, overdue: 0, unknown: 0 } },
      { date: '2026-05-20', total: 1, tierCounts: { none: 1, notice: 0, warning: 0, urgent: 0, overdue: 0, unknown: 0 } },
    ]);
    const tooLong = await call(platform, risk, 'GET', '/api/v1/trial-limits/calendar?from=2026-01-01&to=2026-06-30');
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().fields[0].message).toContain('92');
  });

  it('puts on the lobby screen only the cases past two thirds of their limit, most urgent first', async () => {
    const res = await call(platform, risk, 'GET', '/api/v1/trial-limits/lobby');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ courtName: '示例市中级人民法院', asOf: '2026-03-02', total: 2 });
    expect(res.json().items.map((r: { caseNumber: string }) => r.caseNumber)).toEqual(['(2025)示01民初903号', '(2025)示01民初901号']);
    expect((await call(platform, sibling, 'GET', `/api/v1/trial-limits/lobby?courtId=${courtId}`)).statusCode).toBe(404);
  });

  it('lets a person set the procedure the record cannot tell, audits it, and can return to automatic', async () => {
    const url = `/api/v1/cases/${ids.get('904')}/trial-limit/procedure`;
    expect((await call(platform, judge, 'PUT', url, { procedure: 'civilSecondInstanceRuling', reason: '上诉针对驳回起诉裁定' })).statusCode).toBe(403);
    expect((await call(platform, sibling, 'PUT', url, { procedure: 'civilSecondInstanceRuling', reason: '上诉针对驳回起诉裁定' })).statusCode).toBe(404);
    const noReason = await call(platform, risk, 'PUT', url, { procedure: 'civilSecondInstanceRuling', reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields[0].message).toBe('请填写指定理由');

    const ruling = await call(platform, risk, 'PUT', url, { procedure: 'civilSecondInstanceRuling', reason: '上诉针对驳回起诉裁定' });
    expect(ruling.statusCode, ruling.body).toBe(200);
    expect(ruling.json()).toMatchObject({ procedure: 'civilSecondInstanceRuling', procedureOverridden: true, deadline: '2026-03-23', daysLeft: 21, tier: 'warning' });
    expect(ruling.json().procedureNote).toContain('上诉针对驳回起诉裁定');
    const warnings = (await call(platform, risk, 'GET', `/api/v1/warnings?caseId=${ids.get('904')}&ruleId=IM-TRIAL-LIMIT`)).json().items;
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 'yellow', active: true });
    expect((await call(platform, risk, 'GET', `/api/v1/cases/${ids.get('904')}/trial-limit`)).json()).toMatchObject({ procedureOverridden: true, deadline: '2026-03-23' });

    const judgment = (await call(platform, risk, 'PUT', url, { procedure: 'civilSecondInstanceJudgment', reason: '上诉针对判决' })).json();
    expect(judgment).toMatchObject({ deadline: '2026-05-20', daysLeft: 79, tier: 'none' });
    const automatic = (await call(platform, risk, 'PUT', url, { procedure: null, reason: '误选，恢复自动判断' })).json();
    expect(automatic).toMatchObject({ procedure: null, procedureOverridden: false, deadline: null });

    const audit = (await call(platform, admin, 'GET', '/api/v1/audit-logs?action=case.procedure&pageSize=10')).json().items as { summary: string; actorName: string }[];
    expect(audit).toHaveLength(3);
    expect(audit.map((e) => e.summary).join('\n')).toContain('无法确定 → 民事二审（对裁定的上诉）（人工指定）；理由：上诉针对驳回起诉裁定');
  });
});
