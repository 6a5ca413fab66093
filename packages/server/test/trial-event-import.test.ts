import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestPlatform, loginReady, testDialects, type Session, type TestPlatform } from './harness.js';

const HEADER = '案号,事项,日期,结束日期,扣除事由,批准主体,延长期限,申请日期,重新计算事由';

function upload(platform: TestPlatform, session: Session | null, fileName: string, body: Buffer | string) {
  return platform.app.inject({
    method: 'POST',
    url: `/api/v1/trial-limits/event-imports?${new URLSearchParams({ fileName })}`,
    headers: { ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}), 'content-type': 'application/octet-stream' },
    payload: typeof body === 'string' ? Buffer.from(body) : body,
  });
}

/**
 * 审限事项导入: rows keyed by 案号 + event identity. Hand-computed (test clock 2026-03-02):
 * 民事一审普通 filed 2025-09-16 ends 2026-03-16 (民事诉讼法(2023) 第一百五十二条); a 鉴定 period
 * 2025-10-01..10 (both ends counted, 法释〔2000〕29号 第九条, secondary) moves it by 10 days to 2026-03-26.
 */
describe.each(testDialects())('trial-limit event import on %s', (dialect) => {
  let platform: TestPlatform;
  let dcRisk: Session;
  let dcJudge: Session;
  const caseIds = new Map<string, string>();
  const view = async (serial: string) => (await call(platform, dcRisk, 'GET', `/api/v1/cases/${caseIds.get(serial)}/trial-limit`)).json();

  beforeAll(async () => {
    platform = await createTestPlatform(dialect);
    [dcRisk, dcJudge] = (await Promise.all(['dc_risk', 'dc_judge'].map((u) => loginReady(platform, u)))) as [Session, Session];
    const numbers = ['201', '202', '203'].map((n) => `(2025)示0101民初${n}号`);
    await call(platform, dcRisk, 'POST', '/api/v1/cases/batch', { cases: numbers.map((caseNumber) => ({ caseNumber, filedOn: '2025-09-16' })) });
    for (const item of (await call(platform, dcRisk, 'GET', '/api/v1/cases?pageSize=100')).json().items) caseIds.set(item.caseNumber.match(/(\d+)号$/)[1], item.id);
  });
  afterAll(() => platform.close());

  it('imports a GBK CSV, reports every bad row with row, column and reason, and keeps the good ones', async () => {
    const csv = [
      HEADER,
      '(2025)示0101民初201号,扣除审限,2025-10-01,2025-10-10,鉴定,,,,',
      '(2025)示0101民初202号,延长审限,2026年3月1日,,,本院院长,6个月,2026-02-20,',
      '(2025)示0101民初203号,扣除审限,2025-11-01,,公告,,,,',
      '(2025)示0101民初201号,暂停,2025-10-01,,,,,,',
      '(2025)示0101民初201号,扣除审限,2025-13-01,,鉴定,,,,',
      '(2025)示0101民初201号,扣除审限,2025-10-01,,,,,,',
      '(2025)示0101民初201号,延长审限,2026-03-01,,,本院院长,半年,,',
      '(2025)示0101民初999号,中止,2026-01-01,,,,,,',
    ].join('\r\n');
    const res = await upload(platform, dcRisk, 'events.csv', iconv.encode(csv, 'gbk'));
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result).toMatchObject({ totalRows: 8, created: 3, completed: 0, unchanged: 0, errorRows: 5 });
    const byRow = new Map(result.errors.map((e: { row: number; column: string; message: string }) => [e.row, e]));
    expect(byRow.get(5)).toMatchObject({ column: '事项' });
    expect((byRow.get(5) as { message: string }).message).toContain('暂停');
    expect(byRow.get(6)).toMatchObject({ column: '日期' });
    expect(byRow.get(7)).toMatchObject({ column: '扣除事由', message: '扣除审限须填写扣除事由' });
    expect(byRow.get(8)).toMatchObject({ column: '延长期限' });
    expect(byRow.get(9)).toMatchObject({ column: '案号', caseNumber: '(2025)示0101民初999号' });

    expect(await view('201')).toMatchObject({ deadline: '2026-03-26', excludedDays: 10 });
    // 2026-03-16 + 6 months = 2026-09-16 (本院院长, 民事诉讼法 第一百五十二条).
    expect(await view('202')).toMatchObject({ deadline: '2026-09-16' });
    expect((await view('203')).provisional).toBe(true);

    const report = await call(platform, dcRisk, 'GET', `/api/v1/trial-limits/event-imports/${result.jobId}/errors.xlsx`);
    expect(report.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(1 + 5);
  });

  it('is idempotent, completes an open period with its end, and reports a conflicting duplicate', async () => {
    const again = [
      HEADER,
      '(2025)示0101民初201号,扣除审限,2025-10-01,2025-10-10,鉴定期间,,,,',
      '(2025)示0101民初203号,扣除审限,2025-11-01,2025-11-30,公告期间,,,,',
      '(2025)示0101民初202号,延长审限,2026-03-01,,,本院院长,3个月,,',
    ].join('\n');
    const result = (await upload(platform, dcRisk, 'again.csv', '\uFEFF' + again)).json();
    expect(result).toMatchObject({ created: 0, completed: 1, unchanged: 1, errorRows: 1 });
    expect(result.errors[0]).toMatchObject({ row: 4, column: '事项' });
    expect(result.errors[0].message).toContain('不一致');
    const events = (await view('203')).events;
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ start: '2025-11-01', end: '2025-11-30' });
    expect((await view('203')).provisional).toBe(false);
    expect((await view('201')).events).toHaveLength(1);
  });

  it('reads the XLSX template layout and JSONL, and accepts the API batch keyed by 案号', async () => {
    const template = await call(platform, dcRisk, 'GET', '/api/v1/trial-limits/event-imports/template.xlsx');
    expect(template.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const header = (workbook.getWorksheet('审限事项')!.getRow(1).values as string[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['案号*', '事项*', '日期*']);
    expect(workbook.getWorksheet('填写说明')!.rowCount).toBeGreaterThan(header.length);
    const filled = new ExcelJS.Workbook();
    const sheet = filled.addWorksheet('审限事项');
    sheet.addRow(header);
    sheet.addRow(['(2025)示0101民初201号', '中止', new Date('2026-01-10T00:00:00Z')]);
    const xlsx = (await upload(platform, dcRisk, 'events.xlsx', Buffer.from(await filled.xlsx.writeBuffer()))).json();
    expect(xlsx).toMatchObject({ created: 1, errorRows: 0 });

    const jsonl = [
      JSON.stringify({ caseNumber: '(2025)示0101民初201号', type: 'resumption', on: '2026-01-20' }),
      JSON.stringify({ caseNumber: '(2025)示0101民初201号', type: 'resumption', on: '2026-02-30' }),
      '{oops',
    ].join('\n');
    const lines = (await upload(platform, dcRisk, 'events.jsonl', jsonl)).json();
    expect(lines).toMatchObject({ created: 1, errorRows: 2 });
    expect(lines.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [2, 'on'],
      [3, '整行'],
    ]);
    // 中止 2026-01-10 → 恢复 2026-01-20: 11 more days excluded (both ends), 2026-03-26 → 2026-04-06, a 清明
    // rest day (国办发明电〔2025〕7号) → next working day 2026-04-07 (民事诉讼法 第八十五条第三款, court default 顺延).
    expect(await view('201')).toMatchObject({ excludedDays: 21, deadline: '2026-04-07' });

    const batch = await call(platform, dcRisk, 'POST', '/api/v1/trial-limits/events/batch', {
      events: [
        { caseNumber: '(2025)示0101民初201号', event: { type: 'resumption', on: '2026-01-20' } },
        { caseNumber: '(2025)示0101民初202号', event: { type: 'closing', on: '2026-02-28' } },
        { caseNumber: '(2025)示0101民初202号', event: { type: 'closing' } },
      ],
    });
    expect(batch.statusCode, batch.body).toBe(200);
    expect(batch.json()).toMatchObject({ jobId: null, created: 1, unchanged: 1, errorRows: 1, errors: [{ row: 2, column: 'on' }] });
    expect(await view('202')).toMatchObject({ closed: true, tier: 'none' });
  });

  it('answers 401, 400 for an unusable file, 403 without case.process', async () => {
    expect((await upload(platform, null, 'e.csv', HEADER)).statusCode).toBe(401);
    const noHeader = await upload(platform, dcRisk, 'e.csv', '名称,日期\n甲,乙\n');
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().message).toContain('缺少必填列：案号、事项。');
    expect((await upload(platform, dcRisk, 'e.txt', HEADER)).statusCode).toBe(400);
    const judge = await upload(platform, dcJudge, 'e.csv', HEADER);
    expect(judge.statusCode).toBe(403);
    expect((await call(platform, dcJudge, 'GET', '/api/v1/trial-limits/event-imports/template.xlsx')).statusCode).toBe(403);
    expect((await call(platform, dcJudge, 'POST', '/api/v1/trial-limits/events/batch', { events: [{ caseNumber: 'x', event: {} }] })).statusCode).toBe(403);
    expect((await call(platform, dcRisk, 'POST', '/api/v1/trial-limits/events/batch', { events: [] })).statusCode).toBe(400);
  });

  it('refuses the same event twice on the case page, and completes an open period there too', async () => {
    const url = `/api/v1/cases/${caseIds.get('203')}/events`;
    const twice = await call(platform, dcRisk, 'POST', url, { type: 'excludedPeriod', kind: 'publicNotice', start: '2025-11-01', end: '2025-11-30' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toContain('已登记');
    const open = await call(platform, dcRisk, 'POST', url, { type: 'excludedPeriod', kind: 'appraisal', start: '2025-12-01' });
    expect(open.statusCode).toBe(200);
    const closed = await call(platform, dcRisk, 'POST', url, { type: 'excludedPeriod', kind: 'appraisal', start: '2025-12-01', end: '2025-12-05' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().events.filter((e: { kind: string }) => e.kind === 'excluded_period')).toHaveLength(2);
  });
});
