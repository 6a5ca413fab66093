import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SimulatedCrash } from '../src/services/import.service.js';
import { caseCsv, FUNDRAISING_FACTS, syntheticCase } from './case-fixtures.js';
import { call, createTestPlatform, loginReady, testDialects, type Session, type TestPlatform } from './harness.js';

const DC = '示0101';

async function upload(platform: TestPlatform, session: Session, fileName: string, body: Buffer | string, courtId?: string) {
  const query = new URLSearchParams({ fileName, ...(courtId ? { courtId } : {}) });
  const res = await platform.app.inject({
    method: 'POST',
    url: `/api/v1/imports/cases?${query}`,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/octet-stream' },
    payload: typeof body === 'string' ? Buffer.from(body) : body,
  });
  if (res.statusCode !== 200) throw new Error(res.body);
  await platform.services.imports.idle();
  return (await call(platform, session, 'GET', `/api/v1/imports/${res.json().id}`)).json();
}

describe.each(testDialects())('case import on %s', (dialect) => {
  let platform: TestPlatform;
  let dc: Session;
  let crashAfterFirstBatch = false;

  beforeEach(async () => {
    crashAfterFirstBatch = false;
    platform = await createTestPlatform(dialect, {
      afterImportBatch: (job) => {
        if (crashAfterFirstBatch && job.processedRows === 1000) throw new SimulatedCrash('killed');
      },
    });
    dc = await loginReady(platform, 'dc_risk');
  });
  afterEach(() => platform.close());

  const countCases = async () => (await call(platform, dc, 'GET', '/api/v1/cases?pageSize=1')).json().total as number;

  it('commits good rows and reports every bad one by row and column', async () => {
    const csv = caseCsv([
      { ...syntheticCase(DC, 1) },
      { ...syntheticCase(DC, 2), filedOn: '2025/13/40' },
      { ...syntheticCase(DC, 3), parties: '张三' },
      { ...syntheticCase(DC, 4), caseNumber: '(2025)示0102民初4号' },
      { ...syntheticCase(DC, 5, true) },
    ]);
    const job = await upload(platform, dc, 'cases.csv', '\uFEFF' + csv);
    expect(job).toMatchObject({ status: 'completed', processedRows: 5, okRows: 2, errorRows: 3, createdCount: 2, encoding: 'utf-8', percent: 100 });
    const errors = (await call(platform, dc, 'GET', `/api/v1/imports/${job.id}/errors`)).json() as { row: number; column: string; message: string }[];
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, '立案日期'],
      [4, '当事人'],
      [5, '案号'],
    ]);
    expect(errors[2]!.message).toContain('不一致');
    expect(await countCases()).toBe(2);
  });

  it('reads GBK / GB18030 files', async () => {
    const csv = caseCsv([{ ...syntheticCase(DC, 7), parties: '原告：欧阳锋；被告：某某有限公司' }]);
    const job = await upload(platform, dc, 'gbk.csv', iconv.encode(csv, 'gbk'));
    expect(job).toMatchObject({ status: 'completed', okRows: 1, encoding: 'gb18030' });
    const listed = (await call(platform, dc, 'GET', '/api/v1/cases?keyword=欧阳锋')).json();
    expect(listed.total).toBe(1);
  });

  it('reads XLSX workbooks, including date cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('案件');
    sheet.addRow(['案号*', '立案日期*', '当事人', '事实与理由', '标的额（元）']);
    sheet.addRow([`(2025)${DC}民初9号`, new Date(Date.UTC(2025, 1, 3)), '原告：王五；被告：赵六', FUNDRAISING_FACTS, 30000000]);
    sheet.addRow([`(2025)${DC}民初10号`, '不是日期', '', '', '']);
    const job = await upload(platform, dc, 'cases.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(job).toMatchObject({ status: 'completed', okRows: 1, errorRows: 1 });
    const found = (await call(platform, dc, 'GET', '/api/v1/cases?keyword=王五')).json().items[0];
    expect(found.filedOn).toBe('2025-02-03');
    expect(found.warningCount).toBeGreaterThan(0);
  });

  it('reads JSONL and reports lines that are not JSON', async () => {
    const lines = [
      JSON.stringify({ caseNumber: `(2025)${DC}民初11号`, filedOn: '2025-01-02', parties: [{ role: '原告', name: '孙七' }] }),
      '{not json',
      JSON.stringify({ caseNumber: `(2025)${DC}民初12号`, filedOn: '2025-01-02', unknownField: 1 }),
    ];
    const job = await upload(platform, dc, 'cases.jsonl', lines.join('\n'));
    expect(job).toMatchObject({ status: 'completed', okRows: 1, errorRows: 2 });
    const errors = (await call(platform, dc, 'GET', `/api/v1/imports/${job.id}/errors`)).json();
    expect(errors.map((e: { row: number }) => e.row)).toEqual([2, 3]);
  });

  it('creates no duplicates when the same file is imported again, and flags repeated rows', async () => {
    const csv = caseCsv([syntheticCase(DC, 21), syntheticCase(DC, 22), syntheticCase(DC, 21)]);
    const first = await upload(platform, dc, 'a.csv', csv);
    expect(first).toMatchObject({ createdCount: 2, errorRows: 1 });
    const second = await upload(platform, dc, 'a.csv', csv);
    expect(second).toMatchObject({ createdCount: 0, updatedCount: 0, unchangedCount: 2 });
    expect(await countCases()).toBe(2);
  });

  it('re-imports a batch larger than one stored part: unchanged rows skipped, a changed one updated', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => syntheticCase(DC, 5000 + i, i % 100 === 0));
    expect(await upload(platform, dc, 'twice.csv', caseCsv(rows))).toMatchObject({ status: 'completed', createdCount: 1500, errorRows: 0 });
    rows[1234] = { ...rows[1234]!, amount: '4321' };
    const again = await upload(platform, dc, 'twice.csv', caseCsv(rows));
    expect(again).toMatchObject({ status: 'completed', createdCount: 0, updatedCount: 1, unchangedCount: 1499, errorRows: 0 });
    expect(await countCases()).toBe(1500);
  });

  it('fails a file without the required columns, saying which', async () => {
    const job = await upload(platform, dc, 'bad.csv', '名称,日期\n甲,乙\n');
    expect(job.status).toBe('failed');
    expect(job.message).toContain('案号');
  });

  it('resumes a killed import after the last committed batch, losing and duplicating nothing', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => syntheticCase(DC, 100 + i, i % 50 === 0));
    crashAfterFirstBatch = true;
    const partial = await upload(platform, dc, 'big.csv', caseCsv(rows));
    expect(partial).toMatchObject({ status: 'running', processedRows: 1000 });
    expect(await countCases()).toBe(1000);
    crashAfterFirstBatch = false;
    platform.clock.advanceMinutes(3);
    await platform.services.imports.resumePending();
    const done = (await call(platform, dc, 'GET', `/api/v1/imports/${partial.id}`)).json();
    expect(done).toMatchObject({ status: 'completed', processedRows: 2500, createdCount: 2500, errorRows: 0 });
    expect(await countCases()).toBe(2500);
  });

  it('offers the error report and the template as XLSX', async () => {
    const job = await upload(platform, dc, 'e.csv', caseCsv([{ ...syntheticCase(DC, 31), amount: '很多' }]));
    const report = await call(platform, dc, 'GET', `/api/v1/imports/${job.id}/errors.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const row = workbook.worksheets[0]!.getRow(2).values as unknown[];
    expect(row.slice(1, 3)).toEqual([2, '标的额（元）']);
    const template = await call(platform, dc, 'GET', '/api/v1/imports/template.xlsx');
    const t = new ExcelJS.Workbook();
    await t.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect(t.worksheets.map((s) => s.name)).toEqual(['案件', '填写说明']);
  });

  it('keeps import jobs within the court scope', async () => {
    const job = await upload(platform, dc, 'x.csv', caseCsv([syntheticCase(DC, 41)]));
    const xc = await loginReady(platform, 'xc_risk');
    expect((await call(platform, xc, 'GET', `/api/v1/imports/${job.id}`)).statusCode).toBe(404);
    expect((await call(platform, xc, 'GET', '/api/v1/imports')).json()).toEqual([]);
  });
});
