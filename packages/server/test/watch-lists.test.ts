import { normalizePartyName } from '@courtrisk/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up as grantWatchlistPermission } from '../src/db/migrations/20261126_0901_grant_watchlist_permission.js';
import { newId } from '../src/ids.js';
import { caseCsv } from './case-fixtures.js';
import { call, createTestPlatform, loginReady, testDialects, type Session, type TestPlatform } from './harness.js';

const LIST = '职业放贷人名单';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook whose first sheet holds `rows` (a second sheet is there to be ignored). */
async function workbookOf(rows: (string | number | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('职业放贷人');
  for (const row of rows) sheet.addRow(row);
  workbook.addWorksheet('说明').addRow(['第二个工作表', '不读取']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
const LOAN_FACTS = '原告与被告签订借款合同，约定原告出借人民币五万元，借期一年。借款到期后，被告未按约归还，经催要未果。';

interface WarningRow {
  id: string;
  ruleId: string;
  active: boolean;
  evidence: Record<string, unknown>[];
}

/**
 * 关注名单 (docs/screening.md): the register on SQLite and PostgreSQL, its permissions and audit,
 * and the rule FIN-PRO-LENDER-01 (民间借贷纠纷 + a plaintiff on 职业放贷人名单) actually reading it.
 */
describe.each(testDialects())('watch-lists on %s', (dialect) => {
  let platform: TestPlatform;
  const as = new Map<string, Session>();
  const court = { zy: '', dc: '', xc: '' };
  const session = (name: string) => as.get(name)!;
  const entries = (who: string, query: string) => call(platform, session(who), 'GET', `/api/v1/watch-list-entries?listName=${encodeURIComponent(LIST)}&${query}`);
  const add = (who: string, body: Record<string, unknown>) => call(platform, session(who), 'POST', '/api/v1/watch-list-entries', { listName: LIST, ...body });
  const warningsOf = async (caseId: string, includeInactive = false) =>
    (await call(platform, session('zy_risk'), 'GET', `/api/v1/warnings?caseId=${caseId}&includeInactive=${includeInactive}`)).json().items as WarningRow[];
  const lenderWarning = async (caseId: string, includeInactive = false) => (await warningsOf(caseId, includeInactive)).find((w) => w.ruleId === 'FIN-PRO-LENDER-01');
  async function createCase(caseNumber: string, plaintiff: string): Promise<string> {
    const res = await call(platform, session('zy_risk'), 'POST', '/api/v1/cases/batch', {
      cases: [{ caseNumber, filedOn: '2025-03-01', causes: ['民间借贷纠纷'], facts: LOAN_FACTS, parties: [{ role: '原告', name: plaintiff }, { role: '被告', name: '借款人丁' }] }],
    });
    expect(res.json().created, res.body).toBe(1);
    const found = (await call(platform, session('zy_risk'), 'GET', `/api/v1/cases?keyword=${encodeURIComponent(caseNumber)}`)).json().items as { id: string }[];
    return found[0]!.id;
  }

  beforeAll(async () => {
    platform = await createTestPlatform(dialect);
    for (const name of ['zy_risk', 'zy_judge', 'zy_leader', 'zy_admin', 'dc_risk', 'xc_risk']) as.set(name, await loginReady(platform, name));
    const courts = (await call(platform, session('zy_admin'), 'GET', '/api/v1/courts')).json() as { id: string; code: string }[];
    Object.assign(court, { zy: courts.find((c) => c.code === '示01')!.id, dc: courts.find((c) => c.code === '示0101')!.id, xc: courts.find((c) => c.code === '示0102')!.id });
  });
  afterAll(() => platform.close());

  it('lists the lists the rules name, even before anyone fills them, with the rules that use them', async () => {
    const res = await call(platform, session('zy_risk'), 'GET', '/api/v1/watch-lists');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      { courtId: court.zy, name: LIST, entryCount: 0, referencedBy: [{ pack: 'financial', ruleId: 'FIN-PRO-LENDER-01', title: '疑似职业放贷人', enabled: true }], updatedAt: null },
    ]);
  });

  it('refuses reading without 查看筛查规则 and changing without 维护关注名单, and audits the refusal', async () => {
    expect((await call(platform, session('zy_judge'), 'GET', '/api/v1/watch-lists')).statusCode).toBe(403);
    const refused = await add('zy_leader', { entries: [{ name: '越权名称' }] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe('没有“维护关注名单（职业放贷人名单等）”权限');
    const denials = (await call(platform, session('zy_admin'), 'GET', '/api/v1/audit-logs?action=access.denied&pageSize=50')).json().items as { actorName: string; summary: string }[];
    expect(denials.some((d) => d.actorName === 'zy_leader' && d.summary.includes('watchlist.manage'))).toBe(true);
    expect((await entries('zy_risk', 'pageSize=5')).json().total).toBe(0);
  });

  it('names a bad entry by its position', async () => {
    const res = await add('zy_risk', { entries: [{ name: '王某' }, { name: '长'.repeat(101) }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('名单条目：第 2 条：名称不能超过 100 个字');
    expect(res.json().fields[0].path).toBe('entries.1.name');
  });

  let caseA = '';
  let entryA = { id: '', version: 0 };

  it('flags a listed plaintiff once the list is filled, re-screening the stored cases in the background', async () => {
    caseA = await createCase('(2025)示01民初9001号', '放贷人测试甲');
    expect(await lenderWarning(caseA)).toBeUndefined();

    // Width and spacing do not count: 放贷人测试　甲 (全角空格) is 放贷人测试甲, and the third row repeats the first.
    const res = await add('zy_risk', { entries: [{ name: '放贷人测试　甲' }, { name: '放贷人测试乙', note: '立案庭认定' }, { name: '放贷人测试甲' }], note: '2025 年认定名单' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ added: 2, skipped: [{ row: 3, name: '放贷人测试甲', reason: '与第 1 条重复' }] });
    const jobId = res.json().rescreenJobId as string;
    expect(jobId).toBeTruthy();
    await platform.services.jobs.idle();
    expect((await call(platform, session('zy_risk'), 'GET', `/api/v1/jobs/${jobId}`)).json()).toMatchObject({ kind: 'rescreen', status: 'completed' });

    const warning = await lenderWarning(caseA);
    expect(warning?.evidence).toContainEqual({ kind: 'watchList', list: LIST, partyName: '放贷人测试甲', role: '原告' });

    // Adding again changes nothing, queues nothing and writes no audit entry.
    const again = await add('zy_risk', { entries: [{ name: '放贷人测试乙' }] });
    expect(again.json()).toEqual({ added: 0, skipped: [{ row: 1, name: '放贷人测试乙', reason: '已在名单中' }], rescreenJobId: null });
    const audit = (await call(platform, session('zy_admin'), 'GET', '/api/v1/audit-logs?action=watchlist.add')).json().items as { summary: string; courtId: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ courtId: court.zy });
    expect(audit[0]!.summary).toBe('向关注名单「职业放贷人名单」添加 2 个名称：放贷人测试　甲、放贷人测试乙（另有 1 个已在名单中或重复，未添加）');
  });

  it('screens new cases, by the API and by file import, against the filled list at once', async () => {
    const caseB = await createCase('(2025)示01民初9002号', '放贷人测试乙');
    expect(await lenderWarning(caseB)).toBeDefined();

    const csv = caseCsv([{ caseNumber: '(2025)示01民初9003号', filedOn: '2025-03-01', causes: '民间借贷纠纷', parties: '原告：放贷人测试乙；被告：借款人戊', facts: LOAN_FACTS, judgeName: '承办法官' }]);
    const risk = session('zy_risk');
    const upload = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/imports/cases?fileName=lenders.csv',
      headers: { cookie: risk.cookie, 'x-csrf-token': risk.csrf, 'content-type': 'application/octet-stream' },
      payload: Buffer.from(csv),
    });
    expect(upload.statusCode, upload.body).toBe(200);
    await platform.services.imports.idle();
    const imported = (await call(platform, risk, 'GET', `/api/v1/cases?keyword=${encodeURIComponent('(2025)示01民初9003号')}`)).json().items as { id: string }[];
    expect(imported).toHaveLength(1);
    expect(await lenderWarning(imported[0]!.id)).toBeDefined();
  });

  it('pages and searches a list in any width, edits a note against its version', async () => {
    const all = (await entries('zy_risk', 'pageSize=1')).json();
    expect(all.total).toBe(2);
    expect(all.items).toHaveLength(1);
    // The stored key finds 放贷人测试　甲 when typed without the space; the note is searched as written.
    const byName = (await entries('zy_risk', `keyword=${encodeURIComponent('放贷人测试甲')}`)).json().items as { id: string; name: string; note: string; createdByName: string; version: number }[];
    expect(byName.map((e) => [e.name, e.note, e.createdByName])).toEqual([['放贷人测试　甲', '2025 年认定名单', '风险办专员']]);
    expect((await entries('zy_risk', `keyword=${encodeURIComponent('立案庭')}`)).json().items.map((e: { name: string }) => e.name)).toEqual(['放贷人测试乙']);
    entryA = { id: byName[0]!.id, version: byName[0]!.version };

    const patched = await call(platform, session('zy_risk'), 'PATCH', `/api/v1/watch-list-entries/${entryA.id}`, { note: '经审委会研究认定', version: entryA.version });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ note: '经审委会研究认定', updatedByName: '风险办专员', version: entryA.version + 1 });
    const stale = await call(platform, session('zy_risk'), 'PATCH', `/api/v1/watch-list-entries/${entryA.id}`, { note: '旧版本', version: entryA.version });
    expect(stale.json().code).toBe('stale_version');
    const audit = (await call(platform, session('zy_admin'), 'GET', '/api/v1/audit-logs?action=watchlist.update')).json().items as { summary: string }[];
    expect(audit[0]!.summary).toBe('修改关注名单「职业放贷人名单」中「放贷人测试　甲」的备注：2025 年认定名单 → 经审委会研究认定');
  });

  it('removes a name, re-screens, and the warning it raised is retired', async () => {
    const res = await call(platform, session('zy_risk'), 'DELETE', `/api/v1/watch-list-entries/${entryA.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rescreenJobId).toBeTruthy();
    await platform.services.jobs.idle();
    expect(await lenderWarning(caseA)).toBeUndefined();
    expect(await lenderWarning(caseA, true)).toMatchObject({ active: false });
    expect((await call(platform, session('zy_risk'), 'DELETE', `/api/v1/watch-list-entries/${entryA.id}`)).statusCode).toBe(404);
    const lists = (await call(platform, session('zy_risk'), 'GET', '/api/v1/watch-lists')).json() as { name: string; entryCount: number }[];
    expect(lists.find((l) => l.name === LIST)?.entryCount).toBe(1);
    const audit = (await call(platform, session('zy_admin'), 'GET', '/api/v1/audit-logs?action=watchlist.remove')).json().items as { summary: string }[];
    expect(audit[0]!.summary).toBe('从关注名单「职业放贷人名单」移除 1 个名称：放贷人测试　甲');
  });

  it('keeps a list no rule uses without re-screening, and shows it with no rule', async () => {
    const res = await add('zy_risk', { listName: '重点关注当事人', entries: [{ name: '关注人甲' }] });
    expect(res.json()).toMatchObject({ added: 1, rescreenJobId: null });
    const lists = (await call(platform, session('zy_risk'), 'GET', '/api/v1/watch-lists')).json() as { name: string; entryCount: number; referencedBy: unknown[] }[];
    expect(lists.find((l) => l.name === '重点关注当事人')).toMatchObject({ entryCount: 1, referencedBy: [] });
  });

  it('keeps each court to its own lists; the 中院 may keep a 基层 court’s list, audited there', async () => {
    // The same name may stand on another court's list (the unique key includes the court).
    const own = await add('dc_risk', { entries: [{ name: '放贷人测试乙' }] });
    expect(own.statusCode).toBe(201);
    expect(own.json().added).toBe(1);
    const dcEntry = (await entries('dc_risk', 'pageSize=10')).json();
    expect(dcEntry.items.map((e: { name: string; courtId: string }) => [e.name, e.courtId])).toEqual([['放贷人测试乙', court.dc]]);

    const zyEntry = (await entries('zy_risk', 'pageSize=10')).json().items[0] as { id: string; version: number };
    expect((await entries('dc_risk', `courtId=${court.zy}`)).statusCode).toBe(404);
    expect((await call(platform, session('dc_risk'), 'GET', `/api/v1/watch-lists?courtId=${court.xc}`)).statusCode).toBe(404);
    expect((await call(platform, session('dc_risk'), 'PATCH', `/api/v1/watch-list-entries/${zyEntry.id}`, { note: '越权', version: zyEntry.version })).statusCode).toBe(404);
    expect((await call(platform, session('xc_risk'), 'POST', '/api/v1/watch-list-entries/remove', { ids: [dcEntry.items[0].id] })).statusCode).toBe(404);
    expect((await add('xc_risk', { courtId: court.dc, entries: [{ name: '越权名称' }] })).statusCode).toBe(404);
    expect((await entries('dc_risk', 'pageSize=10')).json().total).toBe(1);

    const down = await add('zy_risk', { courtId: court.dc, entries: [{ name: '放贷人测试丙' }] });
    expect(down.statusCode).toBe(201);
    expect((await entries('zy_risk', `courtId=${court.dc}`)).json().total).toBe(2);
    const audit = (await call(platform, session('zy_admin'), 'GET', `/api/v1/audit-logs?action=watchlist.add&courtId=${court.dc}`)).json().items as { courtId: string; summary: string }[];
    expect(audit.some((a) => a.courtId === court.dc && a.summary.includes('放贷人测试丙'))).toBe(true);
  });

  it('describes deleting a list and reading a workbook in the OpenAPI document', async () => {
    const paths = (await platform.app.inject({ method: 'GET', url: '/api/docs/json' })).json().paths;
    expect(paths['/api/v1/watch-lists/{name}'].delete).toMatchObject({ tags: ['关注名单'], parameters: expect.arrayContaining([expect.objectContaining({ name: 'name', in: 'path' }), expect.objectContaining({ name: 'courtId', in: 'query' })]) });
    expect(JSON.stringify(paths['/api/v1/watch-lists/{name}'].delete.responses['200'])).toContain('disabledRules');
    expect(JSON.stringify(paths['/api/v1/watch-list-entries/read-xlsx'].post.responses['200'])).toContain('sheet');
  });

  describe('names from an XLSX workbook', () => {
    const readXlsx = (who: string | null, payload: Buffer, contentType = XLSX_TYPE) =>
      platform.app.inject({
        method: 'POST',
        url: '/api/v1/watch-list-entries/read-xlsx',
        headers: { ...(who ? { cookie: session(who).cookie, 'x-csrf-token': session(who).csrf } : {}), 'content-type': contentType },
        payload,
      });

    it('reads the first sheet’s first column (second column as note), skipping the heading and empty cells, and writes nothing', async () => {
      const before = (await entries('zy_risk', 'pageSize=1')).json().total as number;
      const bytes = await workbookOf([['姓名', '备注'], ['放贷人测试丁', '2025 年认定'], [null, '只有备注'], [], ['ＡＢＣ投资有限公司'], [13800001111, null]]);
      const res = await readXlsx('zy_risk', bytes);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({
        sheet: '职业放贷人',
        entries: [
          { line: 2, name: '放贷人测试丁', note: '2025 年认定' },
          { line: 5, name: 'ＡＢＣ投资有限公司' },
          { line: 6, name: '13800001111' },
        ],
      });
      // Sent as application/octet-stream (the web's upload) it reads the same.
      expect((await readXlsx('zy_risk', bytes, 'application/octet-stream')).json().entries).toHaveLength(3);
      expect((await entries('zy_risk', 'pageSize=1')).json().total).toBe(before);
    });

    it.each([
      ['an empty file', Buffer.alloc(0), '上传的文件是空的'],
      ['a CSV file', Buffer.from('名称,备注\n王某,认定\n'), '文件不是 Excel 工作簿（.xlsx），无法读取名称'],
      ['an old .xls workbook', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '这是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 格式后再读取'],
      ['a damaged workbook', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]), '无法读取该 Excel 文件，请确认文件未损坏且为 .xlsx 格式'],
    ])('refuses %s with 400 and a Chinese message', async (_what, bytes, message) => {
      const res = await readXlsx('zy_risk', bytes, 'application/octet-stream');
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'invalid_input', message });
    });

    it('refuses a workbook with only a heading, one over the add limit, and one over 1 MB', async () => {
      const headingOnly = await readXlsx('zy_risk', await workbookOf([['名称'], [null, '备注']]));
      expect(headingOnly.statusCode).toBe(400);
      expect(headingOnly.json().message).toBe('工作表「职业放贷人」的第一列没有名称（名称应写在第一个工作表的 A 列，备注可写在 B 列）');
      const many = await readXlsx('zy_risk', await workbookOf(Array.from({ length: 2001 }, (_, i) => [`名称${i}`])));
      expect(many.statusCode).toBe(400);
      expect(many.json().message).toBe('文件中有 2001 个名称，一次最多添加 2000 个，请拆分后分批添加');
      const large = await readXlsx('zy_risk', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(1024 * 1024)]));
      expect(large.statusCode).toBe(413);
      expect(large.json()).toMatchObject({ code: 'payload_too_large', message: '提交的内容过大（上限 1 MB）' });
    });

    it('needs a session and 维护关注名单', async () => {
      const bytes = await workbookOf([['王某']]);
      expect((await readXlsx(null, bytes)).statusCode).toBe(401);
      expect((await readXlsx('zy_leader', bytes)).statusCode).toBe(403);
    });
  });

  describe('deleting a list', () => {
    const remove = (who: string, listName: string, courtId?: string) =>
      call(platform, session(who), 'DELETE', `/api/v1/watch-lists/${encodeURIComponent(listName)}${courtId ? `?courtId=${courtId}` : ''}`);
    const audits = async (courtId: string) =>
      (await call(platform, session('zy_admin'), 'GET', `/api/v1/audit-logs?action=watchlist.delete&courtId=${courtId}`)).json().items as { courtId: string; actorName: string; targetId: string; summary: string }[];
    const listNames = async (who: string, courtId?: string) =>
      ((await call(platform, session(who), 'GET', `/api/v1/watch-lists${courtId ? `?courtId=${courtId}` : ''}`)).json() as { name: string; entryCount: number; referencedBy: { enabled: boolean }[] }[]);

    it('refuses, with 409 naming the rule, a list an enabled rule uses, and deletes nothing', async () => {
      const before = (await entries('zy_risk', 'pageSize=1')).json().total as number;
      expect(before).toBeGreaterThan(0);
      const res = await remove('zy_risk', LIST);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json()).toMatchObject({ code: 'watch_list_in_use', message: '关注名单「职业放贷人名单」正被启用的规则使用：FIN-PRO-LENDER-01 疑似职业放贷人。请先停用这些规则或改用其他名单，再删除' });
      expect((await entries('zy_risk', 'pageSize=1')).json().total).toBe(before);
      expect(await audits(court.zy)).toEqual([]);
    });

    it('refuses without 维护关注名单 (403) and answers 404 for another court’s list', async () => {
      await add('dc_risk', { listName: '基层待删名单', entries: [{ name: '基层关注人' }] });
      expect((await remove('zy_leader', '重点关注当事人')).statusCode).toBe(403);
      expect((await remove('zy_judge', '重点关注当事人')).statusCode).toBe(403);
      // dc may not reach the 中院, nor xc its sibling dc: the court is out of scope, so nothing is found.
      expect((await remove('dc_risk', '重点关注当事人', court.zy)).statusCode).toBe(404);
      expect((await remove('xc_risk', '基层待删名单', court.dc)).statusCode).toBe(404);
      // Without courtId the caller's own court is meant, where no such list exists.
      const own = await remove('xc_risk', '基层待删名单');
      expect(own.statusCode).toBe(404);
      expect(own.json().message).toBe('未找到关注名单（基层待删名单）');
      expect((await listNames('dc_risk')).find((l) => l.name === '基层待删名单')?.entryCount).toBe(1);
      expect((await listNames('zy_risk')).find((l) => l.name === '重点关注当事人')?.entryCount).toBe(1);
    });

    it('deletes a list no rule uses with all its names, audited once with the count, in the list’s court', async () => {
      const filled = await add('zy_risk', { listName: '待删除名单', entries: [{ name: '待删甲' }, { name: '待删乙' }, { name: '待删丙' }] });
      expect(filled.json().added).toBe(3);
      const res = await remove('zy_risk', '待删除名单');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ name: '待删除名单', removed: 3, disabledRules: [] });
      expect((await listNames('zy_risk')).map((l) => l.name)).not.toContain('待删除名单');
      const gone = await call(platform, session('zy_risk'), 'GET', `/api/v1/watch-list-entries?listName=${encodeURIComponent('待删除名单')}`);
      expect(gone.json().total).toBe(0);
      const db = platform.database.db;
      expect(await db.selectFrom('watchListEntry').select('id').where('courtId', '=', court.zy).where('listName', '=', '待删除名单').execute()).toEqual([]);
      expect(await db.selectFrom('watchList').select('id').where('courtId', '=', court.zy).where('name', '=', '待删除名单').execute()).toEqual([]);
      expect(await audits(court.zy)).toEqual([expect.objectContaining({ courtId: court.zy, actorName: 'zy_risk', targetId: '待删除名单', summary: '删除关注名单「待删除名单」及其中 3 个名称' })]);
      // Deleting again finds nothing and writes no second entry.
      expect((await remove('zy_risk', '待删除名单')).statusCode).toBe(404);
      expect(await audits(court.zy)).toHaveLength(1);

      // The 中院 may delete a 基层 court's list; the entry is written in that court.
      const down = await remove('zy_risk', '基层待删名单', court.dc);
      expect(down.json()).toEqual({ name: '基层待删名单', removed: 1, disabledRules: [] });
      expect((await audits(court.dc))[0]).toMatchObject({ courtId: court.dc, summary: '删除关注名单「基层待删名单」及其中 1 个名称' });
      expect((await listNames('dc_risk')).map((l) => l.name)).not.toContain('基层待删名单');
      expect((await listNames('dc_risk')).find((l) => l.name === LIST)?.entryCount).toBe(2);
    });

    it('deletes a list only a disabled rule names, saying so; the rule keeps naming an empty list', async () => {
      expect((await add('zy_admin', { courtId: court.xc, entries: [{ name: '停用测试甲' }, { name: '停用测试乙' }] })).statusCode).toBe(201);
      const disabled = await call(platform, session('zy_admin'), 'POST', '/api/v1/rules/packs/financial/enabled', { courtId: court.xc, enabled: false, comment: '测试停用规则包' });
      expect(disabled.statusCode, disabled.body).toBe(200);
      await platform.services.jobs.idle();

      const res = await remove('zy_admin', LIST, court.xc);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ name: LIST, removed: 2, disabledRules: [{ pack: 'financial', ruleId: 'FIN-PRO-LENDER-01', title: '疑似职业放贷人', enabled: false }] });
      expect((await audits(court.xc))[0]!.summary).toBe('删除关注名单「职业放贷人名单」及其中 2 个名称；停用的规则 FIN-PRO-LENDER-01 疑似职业放贷人 仍引用此名单');
      expect((await listNames('xc_risk')).find((l) => l.name === LIST)).toMatchObject({ entryCount: 0, referencedBy: [{ enabled: false }] });
      expect((await call(platform, session('zy_admin'), 'POST', '/api/v1/rules/packs/financial/enabled', { courtId: court.xc, enabled: true, comment: '测试恢复规则包' })).statusCode).toBe(200);
      await platform.services.jobs.idle();
    });
  });

  describe('repository', () => {
    const repo = () => platform.services.store.repos.watchLists;
    const entry = (courtId: string, listName: string, name: string) => ({
      id: newId(),
      courtId,
      listName,
      partyName: name,
      nameKey: normalizePartyName(name),
      note: null,
      createdBy: null,
      createdByName: '测试',
      updatedByName: null,
      createdAt: '2026-03-02T01:00:00.000Z',
      updatedAt: '2026-03-02T01:00:00.000Z',
      version: 1,
    });

    it('keeps names unique per court and list in their normalised form', async () => {
      await repo().insertList({ id: newId(), courtId: court.xc, name: '仓储测试名单', createdByName: '测试', createdAt: '2026-03-02T01:00:00.000Z', updatedAt: '2026-03-02T01:00:00.000Z', version: 1 });
      await repo().insertEntries([entry(court.xc, '仓储测试名单', 'ＡＢＣ投资 有限公司'), entry(court.xc, '仓储测试名单', '王某')]);
      // The same name in another width or spacing is the same entry: a second insert (a concurrent add) leaves the first.
      const duplicate = entry(court.xc, '仓储测试名单', 'abc投资有限公司');
      expect(await repo().insertEntries([duplicate])).toEqual(new Set());
      const elsewhere = [entry(court.xc, '另一名单', 'abc投资有限公司'), entry(court.dc, '仓储测试名单', 'abc投资有限公司')];
      expect(await repo().insertEntries(elsewhere)).toEqual(new Set(elsewhere.map((row) => row.id)));
      expect((await repo().listEntriesByKeys(court.xc, '仓储测试名单', [normalizePartyName('ABC 投资有限公司')])).map((e) => e.partyName)).toEqual(['ＡＢＣ投资 有限公司']);
      const lists = await repo().listLists(court.xc);
      expect(lists.find((l) => l.name === '仓储测试名单')?.entryCount).toBe(2);
    });

    it('searches by key, deletes only within the court and counts changes per list', async () => {
      const found = await repo().listEntries(court.xc, '仓储测试名单', { keyword: 'ABC', keywordKey: 'abc', order: 'asc', page: 1, pageSize: 10 });
      expect(found.rows.map((r) => r.partyName)).toEqual(['ＡＢＣ投资 有限公司']);
      expect(found.total).toBe(1);
      const [wang] = (await repo().listEntriesByKeys(court.xc, '仓储测试名单', ['王某']));
      expect(await repo().deleteEntries(court.dc, [wang!.id])).toBe(0);
      expect(await repo().deleteEntries(court.xc, [wang!.id])).toBe(1);
      const before = (await repo().listRevisions(court.xc)).find((l) => l.name === '仓储测试名单')!;
      await repo().touchList(court.xc, '仓储测试名单', '2026-03-02T02:00:00.000Z');
      const after = (await repo().listRevisions(court.xc)).find((l) => l.name === '仓储测试名单')!;
      expect(after).toEqual({ ...before, version: before.version + 1 });
    });

    it('deletes a whole list, its row and its entries, only within the court', async () => {
      await repo().insertEntries([entry(court.dc, '仓储删除名单', '甲'), entry(court.xc, '仓储删除名单', '甲'), entry(court.xc, '仓储删除名单', '乙')]);
      await repo().insertList({ id: newId(), courtId: court.xc, name: '仓储删除名单', createdByName: '测试', createdAt: '2026-03-02T01:00:00.000Z', updatedAt: '2026-03-02T01:00:00.000Z', version: 1 });
      expect(await repo().deleteList(court.dc, '仓储删除名单')).toBe(false);
      expect(await repo().deleteListEntries(court.xc, '仓储删除名单')).toBe(2);
      expect(await repo().deleteList(court.xc, '仓储删除名单')).toBe(true);
      expect(await repo().getList(court.xc, '仓储删除名单')).toBeUndefined();
      expect((await repo().listEntriesByKeys(court.dc, '仓储删除名单', ['甲'])).map((e) => e.partyName)).toEqual(['甲']);
    });
  });

  it('grants 维护关注名单 to existing courts’ built-in admin and risk-office roles only (migration 20261126_0901)', async () => {
    const db = platform.database.db;
    const role = (code: string) => db.selectFrom('role').selectAll().where('courtId', '=', court.xc).where('code', '=', code).executeTakeFirstOrThrow();
    const before = await role('risk_office');
    const without = (JSON.parse(before.permissions) as string[]).filter((p) => p !== 'watchlist.manage');
    await db.updateTable('role').set({ permissions: JSON.stringify(without) }).where('id', '=', before.id).execute();
    await db.insertInto('role').values({ ...before, id: newId(), code: 'custom_watch', builtin: 0, permissions: JSON.stringify(['rule.read']) }).execute();

    await grantWatchlistPermission(db as never);

    expect(JSON.parse((await role('risk_office')).permissions)).toEqual([...without, 'watchlist.manage']);
    expect(JSON.parse((await role('custom_watch')).permissions)).toEqual(['rule.read']);
    expect(JSON.parse((await role('judge')).permissions)).not.toContain('watchlist.manage');
  });
});
