import { normalizePartyName } from '@courtrisk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up as grantWatchlistPermission } from '../src/db/migrations/20261126_0901_grant_watchlist_permission.js';
import { newId } from '../src/ids.js';
import { caseCsv } from './case-fixtures.js';
import { call, createTestPlatform, loginReady, testDialects, type Session, type TestPlatform } from './harness.js';

const LIST = '职业放贷人名单';
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
      await repo().insertEntries([entry(court.xc, '仓储测试名单', 'abc投资有限公司')]);
      await repo().insertEntries([entry(court.xc, '另一名单', 'abc投资有限公司'), entry(court.dc, '仓储测试名单', 'abc投资有限公司')]);
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
