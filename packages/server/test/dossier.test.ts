import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { call, createTestPlatform, loginReady, testDialects, type Session, type TestPlatform } from './harness.js';

/** Text of every page of a PDF, in order, as a reader (or a screen reader) would get it. */
async function pdfText(body: Buffer) {
  const document = await getDocumentProxy(new Uint8Array(body));
  const { totalPages, text } = await extractText(document, { mergePages: false });
  // pdf.js may put spaces between runs of different subset fonts; compare without them.
  return { totalPages, pages: (text as string[]).map((page) => page.replace(/\s+/g, '')) };
}

/**
 * 风险事项卷宗 PDF (issue 4, docs/risk-api.md GET /risks/:id/dossier.pdf): Chinese text in an embedded
 * font, the header, description, cases, assessments, plan and tasks, the timeline, page numbers and
 * the generation time; scope-checked and audited as an export.
 */
describe.each(testDialects())('risk dossier on %s', (dialect) => {
  let platform: TestPlatform;
  const sessions = new Map<string, Session>();
  const as = (username: string) => sessions.get(username)!;
  let riskId: string;
  const TITLE = '某小区逾期交房引发群体性纠纷';

  beforeAll(async () => {
    platform = await createTestPlatform(dialect, { env: { RISK_SCHEDULER_INTERVAL_SECONDS: '0' } });
    for (const username of ['zy_risk', 'zy_admin', 'dc_risk']) sessions.set(username, await loginReady(platform, username));
    const batch = await call(platform, as('zy_risk'), 'POST', '/api/v1/cases/batch', { cases: [{ caseNumber: '(2025)示01民初88号', filedOn: '2025-06-01' }] });
    expect(batch.json().created).toBe(1);
    const caseId = (await call(platform, as('zy_risk'), 'GET', '/api/v1/cases')).json().items[0].id;
    const created = await call(platform, as('zy_risk'), 'POST', '/api/v1/risks', {
      domain: 'social_stability',
      subtype: '涉房地产（逾期交房）',
      title: TITLE,
      description: '某楼盘逾期交房两年，三百余户业主多次聚集，扬言到市政府上访；部分业主在网络发布视频。',
      likelihood: 4,
      impact: 4,
      caseIds: [caseId],
    });
    expect(created.statusCode, created.body).toBe(201);
    riskId = created.json().id;
    const act = async (body: Record<string, unknown>) => {
      const version = (await call(platform, as('zy_risk'), 'GET', `/api/v1/risks/${riskId}`)).json().version;
      const res = await call(platform, as('zy_risk'), 'POST', `/api/v1/risks/${riskId}/actions`, { ...body, version });
      expect(res.statusCode, res.body).toBe(200);
    };
    await act({ action: 'startAssessment' });
    await act({ action: 'recordAssessment', assessment: { heldOn: '2026-03-02', form: 'consultation', participants: [{ kind: 'staff', name: '风险办专员' }], conclusion: '风险属实，开发商资金链紧张' } });
    await act({ action: 'submitPlan', summary: '分头稳控', tasks: [{ assignee: { kind: 'department', departmentId: created.json().departmentId }, dueOn: '2026-03-10', description: '约谈开发商并报送交房计划' }] });
    // A long discussion so the timeline runs over several pages.
    for (let n = 1; n <= 40; n += 1) {
      const res = await call(platform, as('zy_risk'), 'POST', `/api/v1/risks/${riskId}/comments`, { body: `第${n}次跟进：与业主代表沟通，情绪总体平稳，继续关注网络舆情动态。`, mentionIds: [] });
      expect(res.statusCode, res.body).toBe(200);
    }
  });
  afterAll(() => platform.close());

  it('prints the risk with its record and numbered pages in an embedded Chinese font', async () => {
    const res = await call(platform, as('zy_risk'), 'GET', `/api/v1/risks/${riskId}/dossier.pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`风险事项卷宗-${TITLE}.pdf`)}`);
    const body = res.rawPayload;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(body.toString('latin1')).toContain('/FontFile2');

    const { totalPages, pages } = await pdfText(body);
    expect(totalPages).toBeGreaterThanOrEqual(2);
    const first = pages[0]!;
    for (const text of ['示例市中级人民法院', '风险事项卷宗', TITLE, '二级（橙）', '处置中', '可能性4×影响程度4=16', '三百余户业主多次聚集', '(2025)示01民初88号', '风险属实，开发商资金链紧张', '约谈开发商并报送交房计划']) {
      expect(first, text).toContain(text);
    }
    const all = pages.join('');
    expect(all).toContain('第40次跟进');
    expect(all).toContain('制定处置方案');
    pages.forEach((page, index) => {
      expect(page).toContain(`第${index + 1}页/共${totalPages}页`);
      expect(page).toContain('风险办专员生成于2026年3月2日09:00');
    });
  });

  it('records the export in the audit log', async () => {
    const audit = (await call(platform, as('zy_admin'), 'GET', '/api/v1/audit-logs?pageSize=5')).json().items;
    expect(audit.find((entry: { action: string }) => entry.action === 'risk.export')?.summary).toContain(`导出风险事项卷宗「${TITLE}」`);
  });

  it('answers 401 without a session, 403 without risk.read, and 404 outside the scope', async () => {
    expect((await call(platform, null, 'GET', `/api/v1/risks/${riskId}/dossier.pdf`)).statusCode).toBe(401);
    expect((await call(platform, as('zy_admin'), 'GET', `/api/v1/risks/${riskId}/dossier.pdf`)).statusCode).toBe(403);
    // A 橙 risk is reported up, never down or sideways: a lower court does not see the 中院's risks.
    expect((await call(platform, as('dc_risk'), 'GET', `/api/v1/risks/${riskId}/dossier.pdf`)).statusCode).toBe(404);
    expect((await call(platform, as('zy_risk'), 'GET', '/api/v1/risks/not-a-uuid/dossier.pdf')).statusCode).toBe(400);
  });
});
