import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestPlatform, loginReady, testDialects, type Session, type TestPlatform } from './harness.js';

/**
 * 四类案件 (法发〔2021〕30号, categories as in LEGAL.md, secondary): proposals from the case's
 * screening findings (the default internal_management pack's INT-JUDGE-COMPLAINT-01 is written for
 * category （四）) and from 人数众多 (十人以上, 民诉法解释(2022年修正) 第七十五条); labels need a person
 * with case.supervise; supervision records are append-only; everything is audited (全程留痕).
 */
describe.each(testDialects())('four-category cases on %s', (dialect) => {
  let platform: TestPlatform;
  let chief: Session;
  let judge: Session;
  let risk: Session;
  let admin: Session;
  let sibling: Session;
  const ids = new Map<string, string>();
  const panel = (session: Session, n: string) => call(platform, session, 'GET', `/api/v1/cases/${ids.get(n)}/four-categories`);

  beforeAll(async () => {
    platform = await createTestPlatform(dialect);
    [chief, judge, risk, admin, sibling] = (await Promise.all(['zy_chief', 'zy_judge', 'zy_risk', 'zy_admin', 'xc_risk'].map((u) => loginReady(platform, u)))) as [Session, Session, Session, Session, Session];
    const dept = { judgeName: '承办法官', departmentName: '民事审判第一庭' };
    const cases = [
      // Written example: the claims report the judge (category （四）) and twelve plaintiffs sue (category （二）).
      {
        caseNumber: '(2026)示01民初701号',
        filedOn: '2026-01-05',
        ...dept,
        claims: '请求判令被告支付工资。原告同时举报承办法官收受被告好处、枉法裁判，要求更换法官。',
        parties: [...Array.from({ length: 12 }, (_, i) => ({ role: '原告', name: `工人${i + 1}` })), { role: '被告', name: '某建筑公司' }],
      },
      { caseNumber: '(2026)示01民初702号', filedOn: '2026-01-05', ...dept, claims: '请求判令被告支付货款一万元。', parties: [{ role: '原告', name: '张三' }, { role: '被告', name: '李四' }] },
    ];
    expect((await call(platform, risk, 'POST', '/api/v1/cases/batch', { cases })).json()).toMatchObject({ created: 2, errors: [] });
    for (const item of (await call(platform, risk, 'GET', '/api/v1/cases?pageSize=100')).json().items) ids.set(item.caseNumber.match(/(\d+)号$/)[1], item.id);
  });
  afterAll(() => platform.close());

  it('proposes categories (二) and (四) for the reported-judge mass case and nothing for an ordinary one', async () => {
    expect((await call(platform, null, 'GET', `/api/v1/cases/${ids.get('701')}/four-categories`)).statusCode).toBe(401);
    expect((await panel(admin, '701')).statusCode).toBe(403);
    expect((await panel(sibling, '701')).statusCode).toBe(404);
    const res = await panel(judge, '701');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().labels).toEqual([]);
    expect(res.json().proposals.map((p: { category: string; itemCodes: string[] }) => [p.category, p.itemCodes])).toEqual([
      ['massDisputeOrPublicConcern', ['numerousParties']],
      ['judgeMisconductReported', []],
    ]);
    expect(res.json().proposals[1].ruleIds).toEqual(['INT-JUDGE-COMPLAINT-01']);
    expect(res.json().proposals[0].reasons).toContain('当事人 13 人（人数众多，一般指十人以上）');
    expect((await panel(judge, '702')).json().proposals).toEqual([]);
  });

  it('lets only case.supervise confirm; validates sub-items against the category', async () => {
    const url = `/api/v1/cases/${ids.get('701')}/four-categories`;
    const label = { category: 'judgeMisconductReported', itemCodes: [], reason: '当事人书面反映承办法官违法审判，已移送督察' };
    expect((await call(platform, judge, 'POST', url, label)).statusCode).toBe(403);
    const wrongItem = await call(platform, chief, 'POST', url, { category: 'massDisputeOrPublicConcern', itemCodes: ['novelFirstCase'], reason: '人数众多' });
    expect(wrongItem.statusCode).toBe(400);
    expect(wrongItem.json().fields[0].message).toContain('该情形不属于（二）');

    const confirmed = await call(platform, chief, 'POST', url, label);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().labels).toMatchObject([{ category: 'judgeMisconductReported', status: 'confirmed', decidedBy: '民一庭庭长', proposedBy: ['INT-JUDGE-COMPLAINT-01'], categoryLabel: '（四）有关单位或者个人反映法官有违法审判行为的' }]);
    expect(confirmed.json().proposals.map((p: { category: string }) => p.category)).toEqual(['massDisputeOrPublicConcern']);
    expect((await call(platform, chief, 'POST', url, label)).statusCode, 'the same category twice').toBe(409);
  });

  it('keeps a rejected proposal, so it is not proposed again', async () => {
    const res = await call(platform, chief, 'POST', `/api/v1/cases/${ids.get('701')}/four-categories/reject`, { category: 'massDisputeOrPublicConcern', reason: '系同一用工单位欠薪，已调解，无群体性风险' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().proposals).toEqual([]);
    expect(res.json().labels.map((l: { status: string }) => l.status).sort()).toEqual(['confirmed', 'rejected']);
  });

  it('records supervision only on a labelled case, never in the future, and lists it', async () => {
    const record = { action: 'briefing', actedAt: '2026-03-01T02:00:00.000Z', content: '听取承办法官汇报，要求一周内查明反映事项' };
    expect((await call(platform, chief, 'POST', `/api/v1/cases/${ids.get('702')}/supervisions`, record)).statusCode).toBe(409);
    expect((await call(platform, chief, 'POST', `/api/v1/cases/${ids.get('701')}/supervisions`, { ...record, actedAt: '2026-03-03T02:00:00.000Z' })).statusCode).toBe(400);
    expect((await call(platform, judge, 'POST', `/api/v1/cases/${ids.get('701')}/supervisions`, record)).statusCode).toBe(403);
    const res = await call(platform, chief, 'POST', `/api/v1/cases/${ids.get('701')}/supervisions`, record);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().supervisions).toMatchObject([{ action: 'briefing', actionLabel: '听取汇报', supervisorName: '民一庭庭长', actedAt: '2026-03-01T02:00:00.000Z' }]);

    const list = (await call(platform, risk, 'GET', '/api/v1/four-categories')).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ caseNumber: '(2026)示01民初701号', supervisionCount: 1, lastSupervisedAt: '2026-03-01T02:00:00.000Z' });
    expect(list.items[0].categories.map((c: { category: string }) => c.category)).toEqual(['judgeMisconductReported']);
    expect(list.counts).toEqual([{ courtName: '示例市中级人民法院', departmentName: '民事审判第一庭', category: 'judgeMisconductReported', cases: 1, unsupervised: 0 }]);
    expect((await call(platform, risk, 'GET', '/api/v1/four-categories?category=conflictWithPrecedent')).json().total).toBe(0);
    expect((await call(platform, sibling, 'GET', '/api/v1/four-categories')).json().total).toBe(0);
  });

  it('exports the list as XLSX with the same filters, Chinese headers and an audit entry', async () => {
    const rowsOf = async (session: Session, query = '') => {
      const res = await call(platform, session, 'GET', `/api/v1/four-categories/export.xlsx${query}`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-disposition']).toContain(encodeURIComponent('四类案件'));
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const rows: unknown[][] = [];
      book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    const [header, ...rows] = await rowsOf(risk);
    expect(header).toEqual(['案号', '法院', '部门', '承办法官', '立案日期', '结案日期', '四类案件类别', '具体情形', '监督次数', '最近监督时间']);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(0, 5)).toEqual(['(2026)示01民初701号', '示例市中级人民法院', '民事审判第一庭', '承办法官', '2026-01-05']);
    expect(rows[0]![6]).toBe('（四）有关单位或者个人反映法官有违法审判行为的');
    expect(rows[0]![7]).toBe(''); // （四） has no sub-items
    expect(rows[0]!.slice(8)).toEqual([1, '2026-03-01 10:00:00']);

    expect(await rowsOf(risk, '?category=judgeMisconductReported&open=true')).toHaveLength(2);
    expect(await rowsOf(risk, '?category=conflictWithPrecedent')).toHaveLength(1);
    expect(await rowsOf(sibling)).toHaveLength(1);
    expect((await call(platform, admin, 'GET', '/api/v1/four-categories/export.xlsx')).statusCode).toBe(403);
    expect((await call(platform, null, 'GET', '/api/v1/four-categories/export.xlsx')).statusCode).toBe(401);

    const audit = ((await call(platform, admin, 'GET', '/api/v1/audit-logs?action=four_category.export')).json().items as { summary: string; actorName: string }[]).map((e) => e.summary);
    expect(audit).toEqual(expect.arrayContaining(['导出四类案件 1 件', '导出四类案件 1 件（（四）有关单位或者个人反映法官有违法审判行为的，仅未结）', '导出四类案件 0 件（（三）与本院或者上级人民法院的类案裁判可能发生冲突的）']));
  });

  it('revokes a label with a reason, keeping the row, and audits every step', async () => {
    const [label] = (await panel(chief, '701')).json().labels.filter((l: { status: string }) => l.status === 'confirmed');
    expect((await call(platform, sibling, 'POST', `/api/v1/four-categories/labels/${label.id}/revoke`, { reason: '误标', version: label.version })).statusCode).toBe(404);
    const revoked = await call(platform, chief, 'POST', `/api/v1/four-categories/labels/${label.id}/revoke`, { reason: '经核查反映不实', version: label.version });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().labels.find((l: { id: string }) => l.id === label.id)).toMatchObject({ status: 'revoked', revokeReason: '经核查反映不实' });
    expect((await call(platform, risk, 'GET', '/api/v1/four-categories')).json().total).toBe(0);

    const actions = ['four_category.label', 'four_category.reject', 'four_category.supervision', 'four_category.revoke'];
    for (const action of actions) {
      const entries = (await call(platform, admin, 'GET', `/api/v1/audit-logs?action=${action}`)).json().items as { summary: string }[];
      expect(entries, action).toHaveLength(1);
      expect(entries[0]!.summary).toContain('(2026)示01民初701号');
    }
  });
});
