import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestPlatform, loginReady, testDialects, type Session, type TestPlatform } from './harness.js';
import { auditActions, LONG_SESSIONS } from './risk-fixtures.js';

const CASE_NUMBER = '(2026)示01民初88号';

/** A post written for these tests (no real people or cases). */
function post(overrides: Record<string, unknown> = {}) {
  return {
    sourceKind: 'weibo',
    sourceName: '示例网友',
    url: 'https://weibo.example.com/post/1001',
    title: '执行拖了两年还没结果',
    text: `网帖称，${CASE_NUMBER}一案原告王伟表示，法院执行极其拖延，判决迟迟不兑现，令人愤怒。`,
    author: '示例网友',
    publishedAt: '2026-03-01T20:00:00+08:00',
    ...overrides,
  };
}

const metrics = (capturedAt: string, reads: number, reposts: number, comments: number, likes: number) => ({ capturedAt, reads, reposts, comments, likes });

function upload(platform: TestPlatform, session: Session, fileName: string, body: Buffer | string) {
  return platform.app.inject({
    method: 'POST',
    url: `/api/v1/opinion/imports?${new URLSearchParams({ fileName })}`,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/octet-stream' },
    payload: typeof body === 'string' ? Buffer.from(body) : body,
  });
}

/**
 * 舆情 through the API (issue 6, docs/opinion.md): intake and snapshots, sentiment with its
 * explanation, matching to the court's cases (boundary rule), match decisions, warnings raised once
 * and announced to opinion staff, responses, file import with its error report, scope and
 * permissions.
 */
describe.each(testDialects())('public opinion on %s', (dialect) => {
  let platform: TestPlatform;
  let opinion: Session;
  let risk: Session;
  let judge: Session;
  let dcRisk: Session;
  let admin: Session;
  let caseId: string;

  beforeAll(async () => {
    platform = await createTestPlatform(dialect, { env: LONG_SESSIONS });
    [opinion, risk, judge, dcRisk, admin] = (await Promise.all(['zy_opinion', 'zy_risk', 'zy_judge', 'dc_risk', 'zy_admin'].map((u) => loginReady(platform, u)))) as Session[] as [Session, Session, Session, Session, Session];
    const batch = await call(platform, risk, 'POST', '/api/v1/cases/batch', {
      cases: [
        {
          caseNumber: CASE_NUMBER,
          filedOn: '2026-01-05',
          judgeName: '李明',
          parties: [{ role: '原告', name: '王伟' }, { role: '被告', name: '某某置业有限公司' }],
          facts: '原告与被告商品房买卖合同纠纷。',
        },
      ],
    });
    expect(batch.statusCode, batch.body).toBe(200);
    caseId = (await call(platform, risk, 'GET', '/api/v1/cases?pageSize=100')).json().items.find((c: { caseNumber: string }) => c.caseNumber === CASE_NUMBER).id;
  });
  afterAll(() => platform.close());

  let itemId: string;

  it('registers an item with its sentiment explained and a match to the case by 案号 and party', async () => {
    const res = await call(platform, opinion, 'POST', '/api/v1/opinion/items?via=hand', { ...post(), metrics: metrics('2026-03-01T21:00:00+08:00', 1000, 0, 0, 0) });
    expect(res.statusCode, res.body).toBe(201);
    const item = res.json();
    itemId = item.id;
    expect(item).toMatchObject({ entryMode: 'hand', sentimentLabel: 'negative', heat: 10, publishedAt: '2026-03-01T12:00:00.000Z', abilities: { manage: true } });
    expect(item.sentimentScore).toBeLessThan(-1);
    // The words that moved the score, quoted at their offsets in title + "\n" + text.
    const analysed = `${item.title}\n${item.text}`;
    expect(item.sentiment.contributions.length).toBeGreaterThan(0);
    for (const c of item.sentiment.contributions) expect(analysed.slice(c.start, c.end)).toBe(c.word);
    expect(item.sentiment.contributions.map((c: { word: string }) => c.word)).toContain('愤怒');
    expect(item.sentiment.contributions.find((c: { word: string }) => c.word === '拖延').explanation).toContain('极其');

    expect(item.matches).toHaveLength(1);
    expect(item.matches[0]).toMatchObject({ caseId, caseNumber: CASE_NUMBER, status: 'suggested', confidence: 'high' });
    const kinds = item.matches[0].evidence.map((e: { kind: string; value: string }) => `${e.kind}:${e.value}`);
    expect(kinds).toEqual(expect.arrayContaining([`caseNumber:${CASE_NUMBER}`, 'party:王伟']));
    for (const e of item.matches[0].evidence) expect(analysed.slice(e.start, e.end).replace(/\s/g, '')).toContain(e.kind === 'caseNumber' ? '示01民初88号' : e.value);

    const audit = await auditActions(platform, admin, 'opinion.create');
    expect(audit[0]!.summary).toMatch(/^登记舆情「执行拖了两年还没结果」（微博·示例网友；人工登记），情感负面（-\d+(\.\d+)?）$/);
  });

  it('does not match a party name inside a longer name', async () => {
    const res = await call(platform, opinion, 'POST', '/api/v1/opinion/items', post({ url: 'https://weibo.example.com/post/2002', title: '小区业主维权', text: '业主王伟东称物业服务很好，大家都很满意。' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ entryMode: 'api', sentimentLabel: 'positive', matches: [] });
    const plain = await call(platform, opinion, 'POST', '/api/v1/opinion/items', post({ url: 'https://weibo.example.com/post/2003', title: '案件进展', text: '网友称原告王伟已收到执行款。' }));
    expect(plain.json().matches.map((m: { caseId: string }) => m.caseId)).toEqual([caseId]);
  });

  it('adds a snapshot instead of a duplicate, detects the spike and raises each warning once', async () => {
    // Same source + URL (with www. and a trailing slash): the same item.
    const again = await call(platform, opinion, 'POST', '/api/v1/opinion/items', { ...post({ url: 'https://www.weibo.example.com/post/1001/' }), metrics: metrics('2026-03-01T22:00:00+08:00', 2000, 200, 100, 0) });
    expect(again.statusCode, again.body).toBe(200);
    const item = again.json();
    expect(item.id).toBe(itemId);
    // 2000 × 0.01 + 200 × 3 + 100 × 2 = 820; from 10 an hour earlier: 810 per hour, a first growth above 50 → spike.
    expect(item).toMatchObject({ heat: 820, growthPerHour: 810, spike: true });
    expect(item.snapshots.map((s: { heat: number }) => s.heat)).toEqual([10, 820]);
    expect(item.warnings.map((w: { ruleId: string; level: string }) => `${w.ruleId}:${w.level}`).sort()).toEqual(['OPN-NEGATIVE-HEAT-01:orange', 'OPN-SPIKE-01:orange']);

    const noticesBefore = (await call(platform, opinion, 'GET', '/api/v1/notifications?pageSize=100')).json().items.filter((n: { kind: string }) => n.kind === 'opinion_warning');
    expect(noticesBefore).toHaveLength(2);
    expect(noticesBefore[0].link).toBe(`/opinion/items/${itemId}`);

    // The same snapshot again (and the same content without a URL) changes nothing.
    const repeat = await call(platform, opinion, 'POST', `/api/v1/opinion/items/${itemId}/snapshots`, metrics('2026-03-01T22:00:00+08:00', 2000, 200, 100, 0));
    expect(repeat.json().warnings).toHaveLength(2);
    expect(repeat.json().snapshots).toHaveLength(2);
    const byContent = await call(platform, opinion, 'POST', '/api/v1/opinion/items', post({ url: undefined }));
    expect(byContent.statusCode).toBe(200);
    expect(byContent.json().id).toBe(itemId);
    const noticesAfter = (await call(platform, opinion, 'GET', '/api/v1/notifications?pageSize=100')).json().items.filter((n: { kind: string }) => n.kind === 'opinion_warning');
    expect(noticesAfter).toHaveLength(2);

    // Heat 5,800 (≥ 5,000) raises the negative-heat warning to red, announced once more; 415 per hour
    // against a median of 810 is no spike.
    const hotter = await call(platform, opinion, 'POST', `/api/v1/opinion/items/${itemId}/snapshots`, metrics('2026-03-02T10:00:00+08:00', 10000, 1500, 600, 0));
    expect(hotter.json()).toMatchObject({ heat: 5800, spike: false, growthPerHour: 415 });
    expect(hotter.json().warnings.map((w: { ruleId: string; level: string }) => `${w.ruleId}:${w.level}`).sort()).toEqual(['OPN-NEGATIVE-HEAT-01:red', 'OPN-SPIKE-01:orange']);
    const notices = (await call(platform, opinion, 'GET', '/api/v1/notifications?pageSize=100')).json().items.filter((n: { kind: string }) => n.kind === 'opinion_warning');
    expect(notices.map((n: { title: string }) => n.title)).toContain('舆情预警：负面舆情热度极高');
    expect(notices).toHaveLength(3);
  });

  it('confirms and rejects matches with an audit entry; warnings then name the confirmed case', async () => {
    const rejectWithoutReason = await call(platform, opinion, 'POST', `/api/v1/opinion/items/${itemId}/matches`, { caseId, decision: 'reject' });
    expect(rejectWithoutReason.statusCode).toBe(400);
    expect(rejectWithoutReason.json().fields).toEqual([{ path: 'note', message: '排除关联请说明理由' }]);

    const confirmed = await call(platform, opinion, 'POST', `/api/v1/opinion/items/${itemId}/matches`, { caseId, decision: 'confirm' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().matches[0]).toMatchObject({ status: 'confirmed', decidedBy: '舆情专员' });
    expect(confirmed.json().confirmedMatchCount).toBe(1);
    for (const w of confirmed.json().warnings) expect(w.caseIds).toEqual([caseId]);
    expect((await call(platform, opinion, 'POST', `/api/v1/opinion/items/${itemId}/matches`, { caseId, decision: 'confirm' })).statusCode).toBe(409);

    const rejected = await call(platform, opinion, 'POST', `/api/v1/opinion/items/${itemId}/matches`, { caseId, decision: 'reject', note: '同名当事人，非本案' });
    expect(rejected.json().matches[0]).toMatchObject({ status: 'rejected', note: '同名当事人，非本案' });
    for (const w of rejected.json().warnings) expect(w.caseIds).toEqual([]);
    const audit = await auditActions(platform, admin, 'opinion.match_reject');
    expect(audit[0]!.summary).toBe(`舆情「执行拖了两年还没结果」与案件 ${CASE_NUMBER}：排除关联（同名当事人，非本案）`);
    expect((await auditActions(platform, admin, 'opinion.match_confirm'))).toHaveLength(1);

    const unknownCase = await call(platform, opinion, 'POST', `/api/v1/opinion/items/${itemId}/matches`, { caseId: '0190b0d6-0000-7000-8000-000000000000', decision: 'confirm' });
    expect(unknownCase.statusCode).toBe(400);
    expect(unknownCase.json().message).toBe('该案件不在此舆情的关联建议中');
  });

  it('records responses on the item', async () => {
    const res = await call(platform, opinion, 'POST', `/api/v1/opinion/items/${itemId}/responses`, {
      respondedAt: '2026-03-02T15:00:00+08:00',
      channel: 'official_weibo',
      responder: '宣传处',
      content: '本院已关注网帖反映的情况，执行局正在依法推进。',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().responses).toEqual([expect.objectContaining({ channel: 'official_weibo', responder: '宣传处', respondedAt: '2026-03-02T07:00:00.000Z' })]);
    expect(res.json().responseCount).toBe(1);
    const bad = await call(platform, opinion, 'POST', `/api/v1/opinion/items/${itemId}/responses`, { respondedAt: '昨天', channel: 'telegram', responder: '', content: '好' });
    expect(bad.statusCode).toBe(400);
    const messages = Object.fromEntries(bad.json().fields.map((f: { path: string; message: string }) => [f.path, f.message]));
    expect(messages).toMatchObject({ respondedAt: expect.stringContaining('回应时间格式应为'), channel: expect.stringContaining('回应渠道应为官方微博'), responder: '请填写回应部门或人员', content: '回应内容至少 2 个字' });
  });

  it('screens item text with the social-stability rules', async () => {
    const res = await call(platform, opinion, 'POST', '/api/v1/opinion/items', post({ url: 'https://weibo.example.com/post/3003', title: '讨薪无果', text: '工人称若再拿不到工资就从楼顶跳下去，扬言要同归于尽。' }));
    const warnings = res.json().warnings as { pack: string; domain: string; evidence: { start: number; end: number; keyword: string }[] }[];
    const rule = warnings.find((w) => w.pack === 'social_stability');
    expect(rule, JSON.stringify(warnings)).toBeDefined();
    expect(rule!.domain).toBe('social_stability');
    expect(rule!.evidence.length).toBeGreaterThan(0);
  });

  it('lists with filters and exports XLSX', async () => {
    const all = (await call(platform, risk, 'GET', '/api/v1/opinion/items?pageSize=50')).json();
    expect(all.total).toBe(4);
    const negative = (await call(platform, risk, 'GET', '/api/v1/opinion/items?sentiment=negative&hasWarnings=true&minHeat=500')).json();
    expect(negative.items.map((i: { id: string }) => i.id)).toEqual([itemId]);
    expect(negative.items[0]).toMatchObject({ warningCount: 2, responseCount: 1, spike: false });
    const withoutMatches = (await call(platform, risk, 'GET', '/api/v1/opinion/items?hasMatches=false')).json();
    expect(withoutMatches.items.map((i: { title: string }) => i.title).sort()).toEqual(['小区业主维权', '讨薪无果', '执行拖了两年还没结果'].sort());
    expect((await call(platform, risk, 'GET', '/api/v1/opinion/items?publishedFrom=2026-03-02')).json().total).toBe(0);
    expect((await call(platform, risk, 'GET', '/api/v1/opinion/items?publishedFrom=2026-03-01&publishedTo=2026-03-01&sourceKind=weibo&keyword=王伟')).json().total).toBe(3);

    const file = await call(platform, risk, 'GET', '/api/v1/opinion/items/export.xlsx?sort=heat&order=desc');
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(2).getCell(4).value).toBe('执行拖了两年还没结果');

    const trend = (await call(platform, risk, 'GET', '/api/v1/opinion/heat-trend?from=2026-03-01&to=2026-03-02')).json();
    expect(trend.dates).toEqual(['2026-03-01', '2026-03-02']);
    expect(trend.series[0]).toMatchObject({ itemId, heats: [820, 5800] });
  });

  it('imports a CSV, keeps the good rows, reports every bad one and adds snapshots on re-import', async () => {
    const header = '来源类型*,来源名称*,链接,标题*,正文*,作者,发布时间*,阅读,转发,评论,点赞';
    const csv = [
      header,
      '新闻网站,示例日报,https://news.example.com/a/1,法院调解化解纠纷,法院耐心调解，双方满意。,记者甲,2026-03-01 09:30,1.2万,10,5,3',
      '贴吧,示例网友,,标题,正文,,2026-03-01 09:30,,,,',
      '微博,示例网友,ftp://x,某标题,正文内容,,2026-13-01,abc,,,',
      '微博,,,,,,,,,,',
    ].join('\r\n');
    const res = await upload(platform, opinion, 'opinion.csv', `\uFEFF${csv}`);
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result).toMatchObject({ totalRows: 4, created: 1, snapshotted: 0, errorRows: 3 });
    const problems = result.errors.map((e: { row: number; column: string; message: string }) => `${e.row}|${e.column}|${e.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^3\|来源类型\|来源类型“贴吧”不在可选范围内/),
        '4|链接|链接应为 http 或 https 网址',
        '4|发布时间|发布时间“2026-13-01”不是时间（如 2024-05-01 08:30）',
        '4|阅读|阅读“abc”应为非负整数（可写 1.2万）',
        '5|来源名称|请填写来源名称',
        '5|标题|请填写标题',
      ]),
    );
    const imported = (await call(platform, opinion, 'GET', `/api/v1/opinion/items/${result.itemIds[0]}`)).json();
    expect(imported).toMatchObject({ entryMode: 'import', sentimentLabel: 'positive', publishedAt: '2026-03-01T01:30:00.000Z' });
    expect(imported.snapshots).toEqual([expect.objectContaining({ reads: 12000, reposts: 10, comments: 5, likes: 3 })]);

    const report = await call(platform, opinion, 'GET', `/api/v1/opinion/imports/${result.jobId}/errors.xlsx`);
    expect(report.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(1 + result.errors.length);

    platform.clock.advanceMinutes(60);
    const second = (await upload(platform, opinion, 'opinion.csv', csv.split('\r\n').slice(0, 2).join('\n'))).json();
    expect(second).toMatchObject({ created: 0, snapshotted: 1, errorRows: 0, itemIds: [result.itemIds[0]] });
    expect((await call(platform, opinion, 'GET', `/api/v1/opinion/items/${result.itemIds[0]}`)).json().snapshots).toHaveLength(2);

    const noHeader = await upload(platform, opinion, 'x.csv', '标题,正文\n一,二');
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().message).toBe('文件第 1 行缺少必填列：来源类型、来源名称、发布时间。请使用舆情导入模板。');
    const template = await call(platform, opinion, 'GET', '/api/v1/opinion/imports/template.xlsx');
    expect(template.statusCode).toBe(200);
  });

  it('reports bad batch items by index and field, keeping the good ones', async () => {
    const res = await call(platform, opinion, 'POST', '/api/v1/opinion/items/batch', {
      items: [post({ url: 'https://weibo.example.com/post/4004', title: '批量一' }), { ...post(), sourceKind: 'myspace', publishedAt: '2026-03-01 20:00' }, 'x'],
    });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result).toMatchObject({ totalRows: 3, created: 1, errorRows: 2 });
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 1, column: 'sourceKind', message: expect.stringContaining('来源类型应为微博') }),
        expect.objectContaining({ row: 1, column: 'publishedAt', message: expect.stringContaining('发布时间格式应为') }),
        expect.objectContaining({ row: 2, column: '整条', message: '舆情信息应为对象' }),
      ]),
    );
  });

  it('keeps items inside the court and asks for the opinion permissions', async () => {
    expect((await call(platform, dcRisk, 'GET', '/api/v1/opinion/items')).json().total).toBe(0);
    expect((await call(platform, dcRisk, 'GET', `/api/v1/opinion/items/${itemId}`)).statusCode).toBe(404);
    expect((await call(platform, judge, 'GET', '/api/v1/opinion/items')).statusCode).toBe(403);
    const denied = await call(platform, risk, 'POST', '/api/v1/opinion/items', post());
    expect(denied.statusCode).toBe(403);
    expect(denied.json().message).toBe('没有“登记、回应舆情”权限');
    expect((await call(platform, risk, 'POST', `/api/v1/opinion/items/${itemId}/responses`, { respondedAt: '2026-03-02T15:00:00+08:00', channel: 'statement', responder: '宣传处', content: '情况通报' })).statusCode).toBe(403);
    expect((await call(platform, null, 'GET', '/api/v1/opinion/items')).statusCode).toBe(401);
  });
});
