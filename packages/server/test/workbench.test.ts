import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNDRAISING_FACTS } from './case-fixtures.js';
import { call, createTestPlatform, loginReady, testDialects, type Session, type TestPlatform } from './harness.js';

interface HeatCell {
  domain: string;
  level: string;
  count: number;
}

/**
 * 工作台 (issue 4, docs/risk-api.md) computed inside each account's data scope, and 常用筛选 (saved
 * filters, own only). Upper courts see lower courts' risks only when reported up (PRODUCT.md §1:
 * "upper courts see and instruct lower courts; no court sees a sibling's data").
 */
describe.each(testDialects())('workbench on %s', (dialect) => {
  let platform: TestPlatform;
  const sessions = new Map<string, Session>();
  const accountIds = new Map<string, string>();
  const courtIds = new Map<string, string>();
  const as = (username: string) => sessions.get(username)!;
  const workbench = async (username: string, query = '') => {
    const res = await call(platform, as(username), 'GET', `/api/v1/workbench${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const cell = (heat: HeatCell[], domain: string, level: string) => heat.find((c) => c.domain === domain && c.level === level)!.count;

  async function reportRisk(reporter: string, body: { title: string; domain: string; likelihood: number; impact: number; owner: string }): Promise<string> {
    const res = await call(platform, as(reporter), 'POST', '/api/v1/risks', {
      domain: body.domain,
      subtype: '测试子类',
      title: body.title,
      description: '为工作台测试登记的风险事项，描述不少于十个字。',
      likelihood: body.likelihood,
      impact: body.impact,
      ownerId: accountIds.get(body.owner),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }

  let redRisk: string;
  let dcRedRisk: string;

  beforeAll(async () => {
    platform = await createTestPlatform(dialect, { env: { RISK_SCHEDULER_INTERVAL_SECONDS: '0', SESSION_IDLE_MINUTES: '100000', SESSION_ABSOLUTE_HOURS: '10000' } });
    for (const username of ['zy_risk', 'zy_judge', 'zy_chief', 'zy_admin', 'zy_petition', 'zy_opinion', 'dc_risk', 'dc_judge', 'xc_risk']) {
      sessions.set(username, await loginReady(platform, username));
      const account = (await platform.services.store.repos.accounts.getByUsername(username))!;
      accountIds.set(username, account.id);
      courtIds.set(username.split('_')[0]!, account.courtId);
    }
    redRisk = await reportRisk('zy_risk', { title: '某小区逾期交房群体性纠纷', domain: 'social_stability', likelihood: 5, impact: 4, owner: 'zy_judge' });
    await reportRisk('zy_risk', { title: '某投资公司非法集资', domain: 'financial', likelihood: 4, impact: 3, owner: 'zy_risk' });
    dcRedRisk = await reportRisk('dc_risk', { title: '东城区某厂欠薪聚集', domain: 'social_stability', likelihood: 5, impact: 5, owner: 'dc_judge' });
    await reportRisk('dc_risk', { title: '东城区网贷平台投诉', domain: 'financial', likelihood: 2, impact: 3, owner: 'dc_judge' });
    await reportRisk('xc_risk', { title: '西城区内部流程违规', domain: 'internal_management', likelihood: 2, impact: 4, owner: 'xc_risk' });
    const batch = await call(platform, as('zy_risk'), 'POST', '/api/v1/cases/batch', {
      cases: [{ caseNumber: '(2025)示01民初7号', filedOn: '2025-01-02', facts: FUNDRAISING_FACTS, parties: [{ role: '原告', name: '投资人乙' }] }],
    });
    expect(batch.json().created).toBe(1);
  });
  afterAll(() => platform.close());

  it('maps the open risks of my court by domain × level, all 20 cells', async () => {
    const view = await workbench('zy_risk');
    expect(view.heat).toHaveLength(20);
    expect(cell(view.heat, 'social_stability', 'red')).toBe(1);
    expect(cell(view.heat, 'financial', 'orange')).toBe(1);
    expect(view.heat.reduce((sum: number, c: HeatCell) => sum + c.count, 0)).toBe(2);
  });

  it('counts registrations per Beijing day over 30 days', async () => {
    const { trend } = await workbench('zy_risk');
    expect(trend).toHaveLength(30);
    expect(trend[0].date).toBe('2026-02-01');
    expect(trend.at(-1)).toEqual({ date: '2026-03-02', new: 2, closed: 0 });
  });

  it('shows the upper court each lower court, but only what was reported up (红 automatically)', async () => {
    const view = await workbench('zy_risk');
    const dc = view.perCourt.find((row: { courtId: string }) => row.courtId === courtIds.get('dc'));
    expect(dc).toMatchObject({ open: 1, red: 1, orange: 0, reportedUp: 1 });
    expect(view.perCourt.find((row: { courtId: string }) => row.courtId === courtIds.get('xc'))).toMatchObject({ open: 0, reportedUp: 0 });
    expect(view.lowerReports).toMatchObject({ total: 1, items: [{ riskId: dcRedRisk, title: '东城区某厂欠薪聚集', level: 'red', automatic: true }] });
  });

  it('gives a basic court its own picture, no lower-court table, and no sibling data', async () => {
    const view = await workbench('dc_risk');
    expect(view.perCourt).toBeNull();
    expect(view.lowerReports).toBeNull();
    expect(view.heat.reduce((sum: number, c: HeatCell) => sum + c.count, 0)).toBe(2);
    expect(cell(view.heat, 'internal_management', 'yellow')).toBe(0);
    expect((await call(platform, as('dc_risk'), 'GET', `/api/v1/workbench?courtId=${courtIds.get('xc')}`)).statusCode).toBe(404);
    expect((await call(platform, as('dc_risk'), 'GET', `/api/v1/workbench?courtId=${courtIds.get('zy')}`)).statusCode).toBe(404);
  });

  it('narrows to the account’s data scope: a judge (仅本人) sees only the risks it owns', async () => {
    const view = await workbench('zy_judge');
    expect(view.heat.reduce((sum: number, c: HeatCell) => sum + c.count, 0)).toBe(1);
    expect(cell(view.heat, 'social_stability', 'red')).toBe(1);
  });

  it('lists pending warnings for those who triage them, and hides sections without permission', async () => {
    const view = await workbench('zy_risk');
    expect(view.newWarnings.total).toBeGreaterThanOrEqual(1);
    expect(view.newWarnings.items[0]).toMatchObject({ source: 'case', caseNumber: '(2025)示01民初7号' });
    expect(view.newWarnings.bySource).toEqual({ case: view.newWarnings.total, petition: 0, opinion: 0 });
    const admin = await workbench('zy_admin');
    expect(admin).toMatchObject({ myTasks: { total: 0, items: [] }, myClocks: null, newWarnings: null, overdue: null, heat: null, trend: null, perCourt: null, lowerReports: null });
    expect((await call(platform, null, 'GET', '/api/v1/workbench')).statusCode).toBe(401);
    expect((await call(platform, as('zy_risk'), 'GET', '/api/v1/workbench?courtId=x')).json().fields[0].path).toBe('courtId');
  });

  it('puts my tasks, my clocks and everything overdue in front of me', async () => {
    const act = async (body: Record<string, unknown>) => {
      const version = (await call(platform, as('zy_risk'), 'GET', `/api/v1/risks/${redRisk}`)).json().version;
      const res = await call(platform, as('zy_risk'), 'POST', `/api/v1/risks/${redRisk}/actions`, { ...body, version });
      expect(res.statusCode, res.body).toBe(200);
    };
    await act({ action: 'startAssessment' });
    await act({ action: 'recordAssessment', assessment: { heldOn: '2026-03-02', form: 'consultation', participants: [{ kind: 'staff', name: '风险办专员' }], conclusion: '风险属实，需制定处置方案' } });
    await act({ action: 'submitPlan', summary: '约谈开发商', tasks: [
        { assignee: { kind: 'person', accountId: accountIds.get('zy_risk') }, dueOn: '2026-03-03', description: '约谈开发商并报送交房计划' },
        { assignee: { kind: 'person', accountId: accountIds.get('zy_petition') }, dueOn: '2026-03-05', description: '接待购房人代表并记录诉求' },
      ] });
    // 信访接待 has no 查看风险, yet the task handed to it is on its workbench — and nothing else about risks.
    const petitionDesk = await workbench('zy_petition');
    expect(petitionDesk.myTasks).toMatchObject({ total: 1, items: [{ riskId: redRisk, description: '接待购房人代表并记录诉求' }] });
    expect(petitionDesk).toMatchObject({ heat: null, overdue: null, myClocks: null });

    let view = await workbench('zy_risk');
    expect(view.myTasks).toMatchObject({ total: 1, items: [{ riskId: redRisk, dueOn: '2026-03-03', overdue: false }] });
    expect(view.myClocks).toEqual([]);

    platform.clock.advanceMinutes(2 * 24 * 60); // 2026-03-04 09:00
    view = await workbench('zy_risk');
    expect(view.myTasks.items[0].overdue).toBe(true);
    expect(view.overdue.tasks).toMatchObject({ total: 1, items: [{ description: '约谈开发商并报送交房计划' }] });
    // The 橙 risk I own missed 报告院领导 (24 h); the 红 one owned by the judge missed it too.
    expect(view.myClocks.map((c: { riskTitle: string; clock: { kind: string } }) => `${c.riskTitle}/${c.clock.kind}`)).toContain('某投资公司非法集资/reportToLeader');
    expect(view.overdue.clocks.items.map((c: { riskId: string }) => c.riskId)).toContain(redRisk);
    expect(view.overdue.clocks.items.every((c: { clock: { status: string } }) => c.clock.status === 'missed')).toBe(true);
  });

  it('adds pending petition and opinion warnings to 新预警 for those who read them, labelled by source and counted per source', async () => {
    const post = async (username: string, url: string, body: unknown) => {
      const res = await call(platform, as(username), 'POST', `/api/v1${url}`, body);
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    const person = await post('zy_petition', '/petitioners', { name: '工作台某' });
    for (const [receivedOn, headcount] of [['2026-02-10', 1], ['2026-02-20', 1], ['2026-03-03', 6]] as const) {
      await post('zy_petition', '/petitions', {
        channel: 'visit', receivedOn, petitionerIds: [person.id], headcount, venueLevel: 'intermediate', nature: 'non_litigation',
        content: '反映执行款迟迟未到账。', demands: '请求尽快发放执行款。',
      });
    }
    const item = {
      sourceKind: 'weibo', sourceName: '示例网友', url: 'https://weibo.example.com/post/7001', title: '工作台舆情：执行拖了两年',
      text: '网帖称，法院执行极其拖延，判决迟迟不兑现，令人愤怒。', author: '示例网友', publishedAt: '2026-03-03T20:00:00+08:00',
    };
    await post('zy_opinion', '/opinion/items', { ...item, metrics: { capturedAt: '2026-03-03T21:00:00+08:00', reads: 1000, reposts: 0, comments: 0, likes: 0 } });
    await post('zy_opinion', '/opinion/items', { ...item, metrics: { capturedAt: '2026-03-03T22:00:00+08:00', reads: 2000, reposts: 200, comments: 100, likes: 0 } });

    const listTotal = async (username: string, url: string) => {
      const res = await call(platform, as(username), 'GET', `/api/v1${url}?status=pending&courtId=${courtIds.get('zy')}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().total as number;
    };
    type Item = { source: string; id: string; title: string; petitionerId?: string | null; petitionerName?: string | null; itemId?: string; itemTitle?: string; caseNumber?: string; createdAt: string };
    const view = await workbench('zy_risk');
    const bySource = { case: await listTotal('zy_risk', '/warnings'), petition: await listTotal('zy_risk', '/petition-warnings'), opinion: await listTotal('zy_risk', '/opinion-warnings') };
    expect(bySource.petition).toBeGreaterThanOrEqual(2);
    expect(bySource.opinion).toBeGreaterThanOrEqual(1);
    expect(view.newWarnings.bySource).toEqual(bySource);
    expect(view.newWarnings.total).toBe(bySource.case + bySource.petition + bySource.opinion);
    const items = view.newWarnings.items as Item[];
    expect(items.length).toBeLessThanOrEqual(10);
    expect([...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((w) => w.createdAt)).toEqual(items.map((w) => w.createdAt));
    expect(items.find((w) => w.source === 'petition')).toMatchObject({ petitionerId: person.id, petitionerName: '工作台某' });
    expect(items.find((w) => w.source === 'opinion')).toMatchObject({ itemTitle: '工作台舆情：执行拖了两年' });
    expect(items.filter((w) => w.source === 'case').every((w) => w.caseNumber === '(2025)示01民初7号')).toBe(true);

    // 庭长 and 承办法官 read warnings but not petitions or opinion: their 新预警 holds case warnings only.
    for (const username of ['zy_chief', 'zy_judge']) {
      const theirs = await workbench(username);
      expect(theirs.newWarnings.bySource, username).toMatchObject({ petition: null, opinion: null });
      expect(theirs.newWarnings.total).toBe(theirs.newWarnings.bySource.case);
      expect((theirs.newWarnings.items as Item[]).every((w) => w.source === 'case'), username).toBe(true);
    }
    // 信访接待 reads petitions but not warnings: no 新预警 at all.
    expect((await workbench('zy_petition')).newWarnings).toBeNull();
    // Another court sees none of them, and neither does the 中院 when it looks at a 基层 court.
    expect((await workbench('dc_risk')).newWarnings.bySource).toEqual({ case: 0, petition: 0, opinion: 0 });
    expect((await workbench('zy_risk', `?courtId=${courtIds.get('dc')}`)).newWarnings).toMatchObject({ total: 0, items: [], bySource: { case: 0, petition: 0, opinion: 0 } });
  });

  describe('saved filters (常用筛选)', () => {
    const save = (username: string, name: string, page = 'risks') => call(platform, as(username), 'POST', '/api/v1/saved-filters', { page, name, query: { level: 'red', overdue: 'true' } });

    it('saves a named filter and lists it for its owner only', async () => {
      const res = await save('zy_risk', '红色超时');
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ page: 'risks', name: '红色超时', query: { level: 'red', overdue: 'true' } });
      expect((await call(platform, as('zy_risk'), 'GET', '/api/v1/saved-filters?page=risks')).json().items.map((f: { name: string }) => f.name)).toEqual(['红色超时']);
      expect((await call(platform, as('zy_judge'), 'GET', '/api/v1/saved-filters?page=risks')).json().items).toEqual([]);
      expect((await call(platform, as('zy_risk'), 'GET', '/api/v1/saved-filters?page=tasks')).json().items).toEqual([]);
    });

    it('refuses a duplicate name, a bad page, and more than 20 per page', async () => {
      const duplicate = await save('zy_risk', '红色超时');
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json().message).toContain('红色超时');
      const badPage = await save('zy_risk', '随便', 'nowhere');
      expect(badPage.statusCode).toBe(400);
      expect(badPage.json().fields[0].path).toBe('page');
      for (let n = 1; n < 20; n += 1) expect((await save('zy_risk', `筛选${n}`)).statusCode).toBe(201);
      const over = await save('zy_risk', '第二十一个');
      expect(over.statusCode).toBe(409);
      expect(over.json().message).toContain('最多保存 20 个');
    });

    it('deletes only the owner’s filter', async () => {
      const id = (await call(platform, as('zy_risk'), 'GET', '/api/v1/saved-filters?page=risks')).json().items[0].id;
      expect((await call(platform, as('zy_judge'), 'DELETE', `/api/v1/saved-filters/${id}`)).statusCode).toBe(404);
      expect((await call(platform, as('zy_risk'), 'DELETE', `/api/v1/saved-filters/${id}`)).statusCode).toBe(204);
      expect((await call(platform, as('zy_risk'), 'GET', '/api/v1/saved-filters?page=risks')).json().items.some((f: { id: string }) => f.id === id)).toBe(false);
      expect((await call(platform, null, 'GET', '/api/v1/saved-filters?page=risks')).statusCode).toBe(401);
    });
  });
});
