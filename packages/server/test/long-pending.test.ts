import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestPlatform, login, loginReady, STRONG_PASSWORD, testDialects, type Session, type TestPlatform } from './harness.js';

/**
 * 长期未结 ledger (issue 5). The test clock is Monday 2026-03-02 (Beijing). Buckets 12/18/36 months
 * (defaults, LEGAL.md “长期未结”, secondary); a case is in the N-month bucket from the day N months
 * are completed (民法典(2020) 第二百零一、二百零二条; 第一千二百五十九条 以上包括本数):
 * - 801 filed 2025-03-02 → 12 months on 2026-03-02: bucket 12, today included.
 * - 802 filed 2025-03-03 → 11 months: not long-pending.
 * - 803 filed 2024-09-01 → 18 months on 2026-03-01: bucket 18.
 * - 804 filed 2023-01-10 → over 36 months: bucket 36. 805 the same but closed: not pending.
 */
describe.each(testDialects())('long-pending ledger on %s', (dialect) => {
  let platform: TestPlatform;
  let risk: Session;
  let judge: Session;
  let admin: Session;
  let sibling: Session;
  let courtId: string;
  const ids = new Map<string, string>();
  const ledger = (session: Session, query = '') => call(platform, session, 'GET', `/api/v1/long-pending${query}`);

  beforeAll(async () => {
    platform = await createTestPlatform(dialect);
    [risk, judge, admin, sibling] = (await Promise.all(['zy_risk', 'zy_judge', 'zy_admin', 'xc_risk'].map((u) => loginReady(platform, u)))) as [Session, Session, Session, Session];
    const cases = [
      { caseNumber: '(2025)示01民初801号', filedOn: '2025-03-02', judgeName: '承办法官' },
      { caseNumber: '(2025)示01民初802号', filedOn: '2025-03-03' },
      { caseNumber: '(2024)示01民初803号', filedOn: '2024-09-01' },
      { caseNumber: '(2023)示01民初804号', filedOn: '2023-01-10', departmentName: '民事审判第一庭' },
      { caseNumber: '(2023)示01民初805号', filedOn: '2023-01-10', closedOn: '2025-01-10', status: 'closed' },
    ];
    expect((await call(platform, risk, 'POST', '/api/v1/cases/batch', { cases })).json()).toMatchObject({ created: 5, errors: [] });
    for (const item of (await call(platform, risk, 'GET', '/api/v1/cases?pageSize=100')).json().items) {
      ids.set(item.caseNumber.match(/(\d+)号$/)[1], item.id);
      courtId = item.courtId;
    }
  });
  afterAll(() => platform.close());

  it('answers 401, 400 and 403 like every list', async () => {
    expect((await call(platform, null, 'GET', '/api/v1/long-pending')).statusCode).toBe(401);
    expect((await ledger(risk, '?noted=maybe')).statusCode).toBe(400);
    expect((await ledger(admin)).statusCode).toBe(403);
  });

  it('lists open cases from the day a bucket is reached, oldest first, with bucket counts', async () => {
    const res = await ledger(risk);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.items.map((r: { caseId: string }) => r.caseId)).toEqual([ids.get('804'), ids.get('803'), ids.get('801')]);
    expect(body.items[2]).toMatchObject({ bucketMonths: 12, reachedOn: '2026-03-02', monthsPending: 12, daysPending: 365, reason: null, noteVersion: 0 });
    expect(body.items[1]).toMatchObject({ bucketMonths: 18, reachedOn: '2026-03-01' });
    expect(body.items[0]).toMatchObject({ bucketMonths: 36, departmentName: '民事审判第一庭' });
    expect(body.bucketCounts).toEqual([{ months: 12, count: 1 }, { months: 18, count: 1 }, { months: 36, count: 1 }]);
    expect((await ledger(risk, '?minMonths=18')).json().total).toBe(2);
    expect((await ledger(sibling)).json().total).toBe(0);
  });

  it('records the reason and responsible person, audited, with optimistic versions', async () => {
    const url = `/api/v1/long-pending/cases/${ids.get('804')}/note`;
    const note = { reason: '等待另案（刑事部分）审结', responsibleName: '承办法官', version: 0 };
    expect((await call(platform, judge, 'PUT', url, note)).statusCode).toBe(403);
    expect((await call(platform, sibling, 'PUT', url, note)).statusCode).toBe(404);
    const blank = await call(platform, risk, 'PUT', url, { ...note, reason: '' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().fields[0].message).toBe('请填写未结原因');

    const saved = await call(platform, risk, 'PUT', url, note);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ reason: note.reason, responsibleName: '承办法官', updatedBy: '风险办专员', version: 1 });
    expect((await call(platform, risk, 'PUT', url, note)).statusCode, 'the same stale version again').toBe(409);
    expect((await call(platform, risk, 'PUT', url, { reason: '已恢复审理，待鉴定意见', responsibleName: '民一庭庭长', version: 1 })).statusCode).toBe(200);

    expect((await ledger(risk, '?noted=false')).json().items.map((r: { caseId: string }) => r.caseId)).toEqual([ids.get('803'), ids.get('801')]);
    const audit = (await call(platform, admin, 'GET', '/api/v1/audit-logs?action=long_pending.note')).json().items as { summary: string }[];
    expect(audit[0]!.summary).toContain('「等待另案（刑事部分）审结」（责任人 承办法官）→ 「已恢复审理，待鉴定意见」（责任人 民一庭庭长）');

    const xlsx = await call(platform, risk, 'GET', '/api/v1/long-pending/export.xlsx?minMonths=36');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const row = book.worksheets[0]!.getRow(2);
    expect([row.getCell(1).value, row.getCell(8).value, row.getCell(9).value, row.getCell(10).value]).toEqual(['(2023)示01民初804号', '36个月以上', '已恢复审理，待鉴定意见', '民一庭庭长']);
  });

  it('takes a weekly snapshot on Mondays in the daily sweep, on demand, and once per ISO week', async () => {
    await platform.services.trialLimitSweep.run();
    let trend = (await call(platform, risk, 'GET', '/api/v1/long-pending/snapshots')).json();
    expect(trend).toEqual([{ courtId, courtName: '示例市中级人民法院', isoWeek: '2026-W10', takenOn: '2026-03-02', openCases: 4, buckets: [{ months: 12, count: 1 }, { months: 18, count: 1 }, { months: 36, count: 1 }], takenBy: '系统' }]);

    // Closing 801 and retaking the same week replaces the week's counts.
    await call(platform, risk, 'POST', '/api/v1/cases/batch', { cases: [{ caseNumber: '(2025)示01民初801号', filedOn: '2025-03-02', judgeName: '承办法官', closedOn: '2026-03-02', status: 'closed' }] });
    expect((await call(platform, judge, 'POST', '/api/v1/long-pending/snapshots', {})).statusCode).toBe(403);
    expect((await call(platform, sibling, 'POST', '/api/v1/long-pending/snapshots', { courtId })).statusCode).toBe(404);
    const retaken = await call(platform, risk, 'POST', '/api/v1/long-pending/snapshots', {});
    expect(retaken.json()).toMatchObject({ isoWeek: '2026-W10', openCases: 3, buckets: [{ months: 12, count: 0 }, { months: 18, count: 1 }, { months: 36, count: 1 }], takenBy: 'zy_risk' });
    trend = (await call(platform, risk, 'GET', '/api/v1/long-pending/snapshots')).json();
    expect(trend).toHaveLength(1);

    // Tuesday's sweep takes none; next Monday's adds the next week.
    platform.clock.advanceMinutes(24 * 60);
    risk = await login(platform, 'zy_risk', STRONG_PASSWORD); // the old session has expired meanwhile
    await platform.services.trialLimitSweep.run();
    expect((await call(platform, risk, 'GET', '/api/v1/long-pending/snapshots')).json()).toHaveLength(1);
    platform.clock.advanceMinutes(6 * 24 * 60);
    await platform.services.trialLimitSweep.run();
    risk = await login(platform, 'zy_risk', STRONG_PASSWORD);
    expect((await call(platform, risk, 'GET', '/api/v1/long-pending/snapshots')).json().map((s: { isoWeek: string }) => s.isoWeek)).toEqual(['2026-W10', '2026-W11']);
  });
});
