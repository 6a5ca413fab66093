import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNDRAISING_FACTS } from './case-fixtures.js';
import { call, createTestPlatform, testDialects, type Session, type TestPlatform } from './harness.js';
import { act, assessment, LONG_SESSIONS, auditActions, chinaDate, createAgency, FACTORS, reportRisk, riskWorld, type RiskWorld } from './risk-fixtures.js';

async function notificationsOf(platform: TestPlatform, session: Session): Promise<{ kind: string; title: string; riskId: string | null }[]> {
  return (await call(platform, session, 'GET', '/api/v1/notifications?pageSize=100')).json().items;
}

/**
 * The risk register through the API (issue 4; PRODUCT.md §4 scoring, §5 lifecycle; docs/risk-lifecycle.md):
 * every lifecycle action, refusals (403 / 400 naming the field / 409), the 上下级 visibility rule, 批示 and
 * 签收, 上级交办, comments, warning confirm → risk, export, audit.
 */
describe.each(testDialects())('risk register on %s', (dialect) => {
  let platform: TestPlatform;
  let w: RiskWorld;

  beforeAll(async () => {
    platform = await createTestPlatform(dialect, { env: LONG_SESSIONS });
    w = await riskWorld(platform);
  });
  afterAll(() => platform.close());

  describe('上报风险', () => {
    it('scores on the court matrix and reports 红 upward automatically (PRODUCT.md §4, §5)', async () => {
      const risk = await reportRisk(platform, w.as.dc_risk, 'red');
      expect(risk).toMatchObject({ courtId: w.court.dc, status: 'pending_assessment', level: 'red', initialLevel: 'red', ownerId: w.accountId('dc_risk') });
      expect(risk.score).toMatchObject({ likelihood: 4, impact: 5, score: 20, criteria: { matrixVersion: 1, bands: { red: 20, orange: 12, yellow: 6 } } });
      expect(risk.reportedUpward).toMatchObject({ automatic: true });
      expect(risk.clocks.map((c: { kind: string }) => c.kind)).toEqual(['reportToLeader', 'firstAssessment', 'disposalPlan']);
      expect(risk.availableActions).toContain('startAssessment');
      expect(risk.departmentId).toBe(w.departmentId(w.court.dc, 'risk_office'));
    });

    it('keeps a 黄 risk unreported', async () => {
      const risk = await reportRisk(platform, w.as.dc_risk, 'yellow');
      expect(risk.level).toBe('yellow');
      expect(risk.reportedUpward).toBeNull();
    });

    it('refuses a risk without the permission, and names the bad field', async () => {
      const bare = await call(platform, w.as.zy_admin, 'POST', '/api/v1/risks', { domain: 'financial', subtype: '非法集资', title: '某公司非法吸收公众存款', description: '投资人反映无法兑付本息，人数众多。', ...FACTORS.red });
      expect(bare.statusCode).toBe(403);
      const bad = await call(platform, w.as.zy_risk, 'POST', '/api/v1/risks', { domain: 'financial', subtype: '非法集资', title: '某公司非法吸收公众存款', description: '太短', likelihood: 6, impact: 5 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['description', 'likelihood']));
      expect(bad.json().message).toMatch(/[\u4e00-\u9fa5]/);
    });

    it('refuses an owner of another court and cases outside the court', async () => {
      const owner = await call(platform, w.as.zy_risk, 'POST', '/api/v1/risks', { domain: 'financial', subtype: '非法集资', title: '某公司非法吸收公众存款', description: '投资人反映无法兑付本息，人数众多。', ...FACTORS.yellow, ownerId: w.accountId('dc_risk') });
      expect(owner.statusCode).toBe(400);
      expect(owner.json().fields[0].path).toBe('ownerId');
    });
  });

  describe('lifecycle (docs/risk-lifecycle.md transition table)', () => {
    it('runs 开始研判 → 记录研判 → 方案 → 复查 → 监测 → 恢复 → 化解 → 销号 → 重新启动, one timeline row each', async () => {
      const agency = await createAgency(platform, w.as.zy_risk, '示例市人力资源和社会保障局');
      let risk = await reportRisk(platform, w.as.zy_risk, 'yellow');
      const steps: Record<string, unknown>[] = [
        { action: 'startAssessment', note: '召集民一庭会商' },
        {
          action: 'recordAssessment',
          assessment: assessment(platform, {
            form: 'joint_meeting',
            participants: [
              { kind: 'staff', name: '王庭长', accountId: w.accountId('zy_chief') },
              { kind: 'agency', agencyId: agency.id, name: '李科长' },
            ],
          }),
        },
        {
          action: 'submitPlan',
          summary: '分案稳控，联合人社部门督促支付欠薪',
          tasks: [
            { assignee: { kind: 'person', accountId: w.accountId('zy_judge') }, dueOn: chinaDate(platform, 5), description: '约谈被告法定代表人' },
            { assignee: { kind: 'department', departmentId: w.departmentId(w.court.zy, 'civil_1') }, dueOn: chinaDate(platform, 7), description: '梳理同类案件并合并审理' },
            { assignee: { kind: 'agency', agencyId: agency.id }, dueOn: chinaDate(platform, 10), description: '督促用人单位支付欠薪' },
          ],
        },
        { action: 'recordReview', finding: '当事人情绪平稳', nextReviewOn: chinaDate(platform, 7) },
        { action: 'monitor', reason: '风险可控，转入持续监测', nextReviewOn: chinaDate(platform, 14) },
        { action: 'resumeFromMonitoring', reason: '复查发现再次聚集' },
        { action: 'reportToLeader', note: '已报告分管院领导' },
        { action: 'resolve', resolutionSummary: '欠薪已全部支付，当事人撤诉息访', residualLevel: 'blue' },
        { action: 'close', note: '化解完毕' },
        { action: 'reopen', reason: '当事人再次聚集上访' },
      ];
      const statuses: string[] = [];
      for (const step of steps) {
        platform.clock.advanceMinutes(30);
        const res = await act(platform, w.as.zy_risk, risk, step);
        expect(res.statusCode, `${String(step.action)}: ${res.body}`).toBe(200);
        risk = res.json();
        statuses.push(risk.status);
      }
      expect(statuses).toEqual(['assessing', 'disposing', 'disposing', 'disposing', 'monitoring', 'disposing', 'disposing', 'resolved', 'closed', 'assessing']);
      expect(risk.version).toBe(steps.length + 1);

      const timeline = (await call(platform, w.as.zy_risk, 'GET', `/api/v1/risks/${risk.id}/timeline`)).json().items as { event: string; actorName: string; at: string }[];
      expect(timeline.map((e) => e.event)).toEqual(['create', ...steps.map((s) => s.action)]);
      expect(timeline.every((e) => e.actorName === '风险办专员')).toBe(true);

      const assessments = (await call(platform, w.as.zy_risk, 'GET', `/api/v1/risks/${risk.id}/assessments`)).json().items;
      expect(assessments).toHaveLength(1);
      expect(assessments[0]).toMatchObject({ form: 'joint_meeting', recordedByName: '风险办专员' });
      expect(assessments[0].participants[1]).toMatchObject({ kind: 'agency', agencyId: agency.id, agencyName: '示例市人力资源和社会保障局' });

      const tasks = (await call(platform, w.as.zy_risk, 'GET', `/api/v1/risks/${risk.id}/tasks`)).json().items as { status: string; assignee: { kind: string; name: string } }[];
      expect(tasks.map((t) => [t.assignee.kind, t.assignee.name, t.status])).toEqual([
        ['person', '承办法官', 'pending_acceptance'],
        ['department', '民事审判第一庭', 'pending_acceptance'],
        ['agency', '示例市人力资源和社会保障局', 'pending_acceptance'],
      ]);
      // 任务分派 notifies the person (PRODUCT.md §3 处置方案; docs/risk-api.md notification kinds).
      expect((await notificationsOf(platform, w.as.zy_judge)).some((n) => n.kind === 'assignment' && n.riskId === risk.id)).toBe(true);

      const audit = await auditActions(platform, w.as.zy_admin, 'risk.submitPlan');
      expect(audit.some((e) => e.summary.includes(risk.title))).toBe(true);
    });

    it('needs a leader’s approval to close a 红 risk (PRODUCT.md §5)', async () => {
      let risk = await reportRisk(platform, w.as.zy_risk, 'red');
      for (const step of [{ action: 'startAssessment' }, { action: 'recordAssessment', assessment: assessment(platform) }, { action: 'resolve', resolutionSummary: '涉案款项已全部退赔，投资人情绪稳定', residualLevel: 'yellow' }]) {
        risk = (await act(platform, w.as.zy_risk, risk, step)).json();
      }
      expect(risk.availableActions).not.toContain('close');
      const refused = await act(platform, w.as.zy_risk, risk, { action: 'close' });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().message).toContain('院领导审批');

      const leader = await call(platform, w.as.zy_leader, 'GET', `/api/v1/risks/${risk.id}`);
      expect(leader.json().availableActions).toContain('approveClosure');
      expect(leader.json().availableActions).not.toContain('close');
      const approved = await act(platform, w.as.zy_leader, risk, { action: 'approveClosure', opinion: '同意销号' });
      expect(approved.statusCode).toBe(200);
      risk = approved.json();
      const closed = await act(platform, w.as.zy_risk, risk, { action: 'close', approvalId: risk.approvals[0].id });
      expect(closed.statusCode).toBe(200);
      expect(closed.json()).toMatchObject({ status: 'closed', residualLevel: 'yellow', closure: { approvalId: risk.approvals[0].id }, canReassign: false });
      const reassigned = await call(platform, w.as.zy_risk, 'PUT', `/api/v1/risks/${risk.id}/assignment`, { tags: ['销号后'], version: closed.json().version });
      expect(reassigned.statusCode).toBe(409);
      expect(reassigned.json().code).toBe('invalid_state');
    });

    it('answers 403 without the action’s permission and records the denial', async () => {
      const risk = await reportRisk(platform, w.as.zy_risk, 'yellow');
      const res = await act(platform, w.as.zy_judge, risk, { action: 'startAssessment' });
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toContain('研判风险');
      const denials = await auditActions(platform, w.as.zy_admin, 'access.denied');
      expect(denials.some((e) => e.summary.includes('risk.assess'))).toBe(true);
    });

    it('answers 400 naming the missing field, 409 for the state and for a stale version', async () => {
      let risk = await reportRisk(platform, w.as.zy_risk, 'yellow');
      risk = (await act(platform, w.as.zy_risk, risk, { action: 'startAssessment' })).json();
      const missing = await act(platform, w.as.zy_risk, risk, { action: 'recordAssessment', assessment: { ...assessment(platform), conclusion: undefined } });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().fields.map((f: { path: string }) => f.path)).toContain('assessment.conclusion');
      const future = await act(platform, w.as.zy_risk, risk, { action: 'recordAssessment', assessment: assessment(platform, { heldOn: chinaDate(platform, 1) }) });
      expect(future.statusCode).toBe(400);
      expect(future.json().message).toContain('不能晚于今天');
      const unknownAgency = await act(platform, w.as.zy_risk, risk, {
        action: 'recordAssessment',
        assessment: assessment(platform, { participants: [{ kind: 'agency', agencyId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', name: '某人' }] }),
      });
      expect(unknownAgency.statusCode).toBe(400);
      expect(unknownAgency.json().fields[0].path).toBe('assessment.participants.0.agencyId');

      const wrongState = await act(platform, w.as.zy_risk, risk, { action: 'resolve', resolutionSummary: '已经全部化解完毕无遗留', residualLevel: 'blue' });
      expect(wrongState.statusCode).toBe(409);
      expect(wrongState.json()).toMatchObject({ code: 'invalid_state', message: '研判中的风险不能确认已化解' });

      const stale = await act(platform, w.as.zy_risk, { ...risk, version: risk.version - 1 }, { action: 'recordAssessment', assessment: assessment(platform) });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('stale_version');
    });

    it('re-scores through an assessment on the current matrix and reports a raise to 橙 upward', async () => {
      let risk = await reportRisk(platform, w.as.dc_risk, 'yellow');
      risk = (await act(platform, w.as.dc_risk, risk, { action: 'startAssessment' })).json();
      const res = await act(platform, w.as.dc_risk, risk, { action: 'recordAssessment', assessment: assessment(platform, { levelChange: { ...FACTORS.orange, reason: '涉及人数增至五十余人' } }) });
      expect(res.json()).toMatchObject({ level: 'orange', initialLevel: 'yellow', reportedUpward: { automatic: true } });
      const timeline = (await call(platform, w.as.dc_risk, 'GET', `/api/v1/risks/${risk.id}/timeline`)).json().items;
      expect(timeline.at(-1)).toMatchObject({ event: 'recordAssessment', levelChange: { from: 'yellow', to: 'orange', reason: '涉及人数增至五十余人' }, upwardReport: 'automatic' });
      // 下级上报 arrives at the 中院 (docs/risk-api.md notification kind upward_report).
      expect((await notificationsOf(platform, w.as.zy_leader)).some((n) => n.kind === 'upward_report' && n.riskId === risk.id)).toBe(true);
    });
  });

  describe('调整责任人 (PUT /risks/:id/assignment)', () => {
    const reassign = (session: Session, risk: { id: string; version: number }, body: Record<string, unknown>) =>
      call(platform, session, 'PUT', `/api/v1/risks/${risk.id}/assignment`, { ...body, version: risk.version });

    it('moves the owner, writes one timeline row, audits it and notifies the new owner', async () => {
      const risk = await reportRisk(platform, w.as.zy_risk, 'yellow');
      expect(risk.canReassign).toBe(true);
      const res = await reassign(w.as.zy_risk, risk, { ownerId: w.accountId('zy_chief'), departmentId: w.departmentId(w.court.zy, 'civil_1'), tags: ['欠薪'] });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ ownerId: w.accountId('zy_chief'), ownerName: '民一庭庭长', departmentName: '民事审判第一庭', tags: ['欠薪'], version: risk.version + 1 });
      const timeline = (await call(platform, w.as.zy_risk, 'GET', `/api/v1/risks/${risk.id}/timeline`)).json().items as { event: string; summary: string }[];
      expect(timeline.filter((e) => e.event === 'assignment').map((e) => e.summary)).toEqual(['责任人由 风险办专员 调整为 民一庭庭长；部门由 风险防控办公室 调整为 民事审判第一庭；标签调整为 欠薪']);
      expect((await notificationsOf(platform, w.as.zy_chief)).filter((n) => n.kind === 'assignment' && n.riskId === risk.id)).toHaveLength(1);
      expect((await auditActions(platform, w.as.zy_admin, 'risk.reassign')).some((e) => e.summary.includes(risk.title))).toBe(true);
      // The same values again change nothing: no second row, no new version.
      const again = await reassign(w.as.zy_risk, res.json(), { ownerId: w.accountId('zy_chief') });
      expect(again.json().version).toBe(risk.version + 1);
    });

    it('keeps the department when only the owner changes', async () => {
      const risk = await reportRisk(platform, w.as.zy_risk, 'blue');
      const res = await reassign(w.as.zy_risk, risk, { ownerId: w.accountId('zy_judge') });
      expect(res.json()).toMatchObject({ ownerId: w.accountId('zy_judge'), departmentId: risk.departmentId });
    });

    it('refuses without 处置风险, an owner of another court, a stale version, and another court’s risk', async () => {
      const risk = await reportRisk(platform, w.as.zy_risk, 'yellow');
      // A leader reads the risk but holds no 处置风险.
      expect((await call(platform, w.as.zy_leader, 'GET', `/api/v1/risks/${risk.id}`)).json().canReassign).toBe(false);
      expect((await reassign(w.as.zy_judge, risk, { tags: ['x'] })).statusCode).toBe(403);
      const foreign = await reassign(w.as.zy_risk, risk, { ownerId: w.accountId('dc_risk') });
      expect(foreign.statusCode).toBe(400);
      expect(foreign.json().fields[0].path).toBe('ownerId');
      const department = await reassign(w.as.zy_risk, risk, { departmentId: w.departmentId(w.court.dc, 'civil_1') });
      expect(department.json().fields[0].path).toBe('departmentId');
      const empty = await reassign(w.as.zy_risk, risk, {});
      expect(empty.statusCode).toBe(400);
      await reassign(w.as.zy_risk, risk, { tags: ['首次'] });
      const stale = await reassign(w.as.zy_risk, risk, { tags: ['再次'] });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('stale_version');
      // The 中院 sees a 红 risk 东城 reported up, but does not run it.
      const lower = await reportRisk(platform, w.as.dc_risk, 'red');
      expect((await call(platform, w.as.zy_risk, 'GET', `/api/v1/risks/${lower.id}`)).json().canReassign).toBe(false);
      expect((await reassign(w.as.zy_risk, lower, { tags: ['上级'] })).statusCode).toBe(403);
    });
  });

  describe('上下级 visibility (PRODUCT.md §1: upper courts see and instruct, no court sees a sibling)', () => {
    let reported: { id: string; version: number; title: string };
    let unreported: { id: string; version: number };

    beforeAll(async () => {
      reported = await reportRisk(platform, w.as.dc_risk, 'orange');
      unreported = await reportRisk(platform, w.as.dc_risk, 'blue');
    });

    it('shows the 中院 only the reported risks of a 基层 court', async () => {
      const list = (await call(platform, w.as.zy_risk, 'GET', '/api/v1/risks?includeLowerCourts=true&reportedUpward=true&pageSize=200')).json();
      const ids = list.items.map((r: { id: string }) => r.id);
      expect(ids).toContain(reported.id);
      expect(ids).not.toContain(unreported.id);
      expect(list.items.every((r: { reportedUpward: unknown }) => r.reportedUpward !== null)).toBe(true);
      expect((await call(platform, w.as.zy_risk, 'GET', `/api/v1/risks/${unreported.id}`)).statusCode).toBe(404);
      const all = (await call(platform, w.as.zy_risk, 'GET', '/api/v1/risks?includeLowerCourts=true&pageSize=200')).json().items.map((r: { id: string }) => r.id);
      expect(all).not.toContain(unreported.id);
    });

    it('lists as 下级上报 (lowerCourtsOnly) the lower courts’ reports, not the 中院’s own risks it reported further up', async () => {
      const own = await reportRisk(platform, w.as.zy_risk, 'red');
      expect(own.reportedUpward).not.toBeNull();
      const ids = async (query: string) => (await call(platform, w.as.zy_risk, 'GET', `/api/v1/risks?${query}&pageSize=200`)).json().items.map((r: { id: string }) => r.id);
      expect(await ids('includeLowerCourts=true&reportedUpward=true')).toEqual(expect.arrayContaining([own.id, reported.id]));
      const lowerReports = await ids('lowerCourtsOnly=true&reportedUpward=true');
      expect(lowerReports).toContain(reported.id);
      expect(lowerReports).not.toContain(own.id);
      expect(lowerReports).not.toContain(unreported.id);
      expect(await ids(`lowerCourtsOnly=true&courtId=${w.court.zy}`)).toEqual([]);
      // A 基层 court has no lower courts: nothing, not its own register.
      expect((await call(platform, w.as.dc_risk, 'GET', '/api/v1/risks?lowerCourtsOnly=true&reportedUpward=true')).json().items).toEqual([]);
    });

    it('keeps the 中院’s own list to its own court unless lower courts are asked for', async () => {
      const own = (await call(platform, w.as.zy_risk, 'GET', '/api/v1/risks?pageSize=200')).json().items as { courtId: string }[];
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((r) => r.courtId === w.court.zy)).toBe(true);
    });

    it('shows a sibling court nothing', async () => {
      const list = (await call(platform, w.as.xc_risk, 'GET', '/api/v1/risks?includeLowerCourts=true&pageSize=200')).json().items as { courtId: string }[];
      expect(list.every((r) => r.courtId === w.court.xc)).toBe(true);
      for (const url of [`/api/v1/risks/${reported.id}`, `/api/v1/risks/${reported.id}/timeline`, `/api/v1/risks/${reported.id}/tasks`, `/api/v1/risks/${reported.id}/instructions`]) {
        expect((await call(platform, w.as.xc_risk, 'GET', url)).statusCode, url).toBe(404);
      }
      expect((await call(platform, w.as.xc_risk, 'POST', `/api/v1/risks/${reported.id}/comments`, { body: '越权评论' })).statusCode).toBe(404);
      expect((await call(platform, w.as.dc_risk, 'GET', `/api/v1/risks?courtId=${w.court.zy}`)).json().items).toEqual([]);
    });

    it('lets the 中院 read and comment but not act for the 基层 court', async () => {
      const view = (await call(platform, w.as.zy_risk, 'GET', `/api/v1/risks/${reported.id}`)).json();
      expect(view.availableActions).toEqual([]);
      const res = await act(platform, w.as.zy_risk, view, { action: 'startAssessment' });
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toContain('上级法院');
      const comment = await call(platform, w.as.zy_leader, 'POST', `/api/v1/risks/${reported.id}/comments`, { body: '请@东城区法院风险办 尽快组织研判', mentionIds: [w.accountId('dc_risk')] });
      expect(comment.statusCode).toBe(200);
      expect(comment.json()).toMatchObject({ event: 'comment', actorName: '分管副院长', actorCourtName: '示例市中级人民法院', mentions: [{ id: w.accountId('dc_risk'), name: '风险办专员' }] });
      expect((await notificationsOf(platform, w.as.dc_risk)).some((n) => n.kind === 'mention' && n.riskId === reported.id)).toBe(true);
      const sibling = await call(platform, w.as.zy_leader, 'POST', `/api/v1/risks/${reported.id}/comments`, { body: '提及兄弟法院', mentionIds: [w.accountId('xc_risk')] });
      expect(sibling.statusCode).toBe(400);
      expect(sibling.json().fields[0].path).toBe('mentionIds.0');
    });

    it('carries a 批示 down and its 签收 back, both on the timeline', async () => {
      const counts = async () => {
        const items = (await call(platform, w.as.zy_leader, 'GET', '/api/v1/risks?lowerCourtsOnly=true&reportedUpward=true&pageSize=200')).json().items as { id: string; instructions: unknown }[];
        return items.find((r) => r.id === reported.id)!.instructions;
      };
      expect(await counts()).toEqual({ total: 0, unacknowledged: 0 });
      const given = await call(platform, w.as.zy_leader, 'POST', `/api/v1/risks/${reported.id}/instructions`, { content: '请依法稳妥处置，三日内报告进展', replyBy: chinaDate(platform, 3) });
      expect(given.statusCode).toBe(200);
      expect(await counts()).toEqual({ total: 1, unacknowledged: 1 });
      expect(given.json()).toMatchObject({ kind: 'instruction', fromCourtName: '示例市中级人民法院', authorName: '分管副院长', acknowledgedAt: null, canAcknowledge: false });
      expect((await notificationsOf(platform, w.as.dc_risk)).some((n) => n.kind === 'instruction' && n.riskId === reported.id)).toBe(true);

      const seen = (await call(platform, w.as.dc_risk, 'GET', `/api/v1/risks/${reported.id}/instructions`)).json().items;
      expect(seen).toHaveLength(1);
      expect(seen[0].canAcknowledge).toBe(true);
      expect((await call(platform, w.as.zy_risk, 'POST', `/api/v1/instructions/${given.json().id}/acknowledge`, {})).statusCode).toBe(403);
      expect((await call(platform, w.as.xc_risk, 'POST', `/api/v1/instructions/${given.json().id}/acknowledge`, {})).statusCode).toBe(404);
      const ack = await call(platform, w.as.dc_risk, 'POST', `/api/v1/instructions/${given.json().id}/acknowledge`, { note: '已组织专班落实' });
      expect(ack.statusCode).toBe(200);
      expect(ack.json()).toMatchObject({ acknowledgedByName: '风险办专员', acknowledgeNote: '已组织专班落实', canAcknowledge: false });
      expect(await counts()).toEqual({ total: 1, unacknowledged: 0 });
      await call(platform, w.as.zy_leader, 'POST', `/api/v1/risks/${reported.id}/instructions`, { content: '请同步报告稳控措施' });
      expect(await counts()).toEqual({ total: 2, unacknowledged: 1 });
      expect((await call(platform, w.as.dc_risk, 'GET', `/api/v1/risks/${reported.id}`)).json().instructions).toEqual({ total: 2, unacknowledged: 1 });
      expect((await call(platform, w.as.dc_risk, 'POST', `/api/v1/instructions/${given.json().id}/acknowledge`, {})).statusCode).toBe(409);
      expect((await notificationsOf(platform, w.as.zy_leader)).some((n) => n.kind === 'instruction_ack' && n.riskId === reported.id)).toBe(true);

      const events = (await call(platform, w.as.dc_risk, 'GET', `/api/v1/risks/${reported.id}/timeline`)).json().items.map((e: { event: string }) => e.event);
      expect(events).toEqual(expect.arrayContaining(['instruction', 'instruction_ack']));
      expect(events.indexOf('instruction')).toBeLessThan(events.indexOf('instruction_ack'));
      expect((await auditActions(platform, w.as.zy_admin, 'risk.acknowledge')).some((e) => e.courtId === w.court.dc)).toBe(true);
    });

    it('refuses a 批示 without 批示、交办 permission', async () => {
      const res = await call(platform, w.as.zy_risk, 'POST', `/api/v1/risks/${reported.id}/instructions`, { content: '请处理' });
      expect(res.statusCode).toBe(403);
    });
  });

  describe('上级交办', () => {
    it('registers the risk in the lower court with the instruction; the assigning court sees it unreported', async () => {
      const res = await call(platform, w.as.zy_leader, 'POST', '/api/v1/risks/assign-down', {
        courtId: w.court.dc,
        domain: 'financial',
        subtype: '非法集资',
        title: '某理财公司兑付困难涉众风险',
        description: '多名投资人来信反映某理财公司逾期不兑付，涉及辖区多个街道。',
        ...FACTORS.yellow,
        ownerId: w.accountId('dc_risk'),
        instruction: '请东城区法院摸排相关案件，一周内报告',
      });
      expect(res.statusCode, res.body).toBe(201);
      const risk = res.json();
      expect(risk).toMatchObject({ courtId: w.court.dc, reportedUpward: null, ownerName: '风险办专员' });
      expect((await call(platform, w.as.zy_leader, 'GET', `/api/v1/risks/${risk.id}`)).statusCode).toBe(200);
      expect((await call(platform, w.as.xc_risk, 'GET', `/api/v1/risks/${risk.id}`)).statusCode).toBe(404);
      const instructions = (await call(platform, w.as.dc_risk, 'GET', `/api/v1/risks/${risk.id}/instructions`)).json().items;
      expect(instructions).toMatchObject([{ kind: 'assignment', content: '请东城区法院摸排相关案件，一周内报告', canAcknowledge: true }]);
      const dcOwn = (await call(platform, w.as.dc_risk, 'GET', '/api/v1/risks?pageSize=200')).json().items.map((r: { id: string }) => r.id);
      expect(dcOwn).toContain(risk.id);
    });

    it('refuses the own court or a court outside the scope', async () => {
      const body = { domain: 'financial', subtype: '非法集资', title: '某理财公司兑付困难', description: '多名投资人来信反映逾期不兑付。', ...FACTORS.yellow, instruction: '请摸排' };
      const own = await call(platform, w.as.zy_leader, 'POST', '/api/v1/risks/assign-down', { ...body, courtId: w.court.zy });
      expect(own.statusCode).toBe(400);
      expect(own.json().fields[0].path).toBe('courtId');
      expect((await call(platform, w.as.zy_risk, 'POST', '/api/v1/risks/assign-down', { ...body, courtId: w.court.dc })).statusCode).toBe(403);
    });
  });

  describe('warning confirm → risk (PRODUCT.md §5: 已确认 creates or joins a risk)', () => {
    let warnings: { id: string; version: number; caseId: string; level: string }[];

    beforeAll(async () => {
      const batch = await call(platform, w.as.dc_risk, 'POST', '/api/v1/cases/batch', {
        cases: [1, 2].map((n) => ({ caseNumber: `(2025)示0101民初${900 + n}号`, filedOn: '2025-01-02', facts: FUNDRAISING_FACTS, parties: [{ role: '原告', name: `投资人${n}` }] })),
      });
      expect(batch.json().created).toBe(2);
      const all = (await call(platform, w.as.dc_risk, 'GET', '/api/v1/warnings?status=pending&pageSize=200')).json().items as { id: string; version: number; caseId: string; caseNumber: string; level: string }[];
      const byCase = new Map<string, (typeof all)[number]>();
      for (const warning of all) if (warning.caseNumber.includes('示0101民初90') && !byCase.has(warning.caseId)) byCase.set(warning.caseId, warning);
      warnings = [...byCase.values()];
      expect(warnings).toHaveLength(2);
    });

    it('creates a risk at the warning’s level, linked to the warning and its case', async () => {
      const [first] = warnings;
      const res = await call(platform, w.as.dc_risk, 'POST', `/api/v1/warnings/${first!.id}/triage`, { action: 'confirm', version: first!.version, note: '确认涉众' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'confirmed', riskId: expect.any(String) });
      const risk = (await call(platform, w.as.dc_risk, 'GET', `/api/v1/risks/${res.json().riskId}`)).json();
      expect(risk).toMatchObject({ level: first!.level, domain: 'financial', warningIds: [first!.id], ownerId: w.accountId('dc_risk') });
      expect(risk.linkedCases.map((c: { id: string }) => c.id)).toEqual([first!.caseId]);
      const audit = await auditActions(platform, w.as.zy_admin, 'warning.confirm');
      expect(audit.some((e) => e.summary.includes('新建风险'))).toBe(true);
    });

    it('joins a second warning into that risk, with a timeline row', async () => {
      const [first, second] = warnings;
      const riskId = (await call(platform, w.as.dc_risk, 'GET', `/api/v1/warnings?caseId=${first!.caseId}&status=confirmed`)).json().items[0].riskId;
      const res = await call(platform, w.as.dc_risk, 'POST', `/api/v1/warnings/${second!.id}/triage`, { action: 'confirm', version: second!.version, risk: { mode: 'join', riskId } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().riskId).toBe(riskId);
      const risk = (await call(platform, w.as.dc_risk, 'GET', `/api/v1/risks/${riskId}`)).json();
      expect(risk.warningIds).toEqual([first!.id, second!.id]);
      expect(risk.linkedCases).toHaveLength(2);
      const timeline = (await call(platform, w.as.dc_risk, 'GET', `/api/v1/risks/${riskId}/timeline`)).json().items;
      expect(timeline.at(-1)).toMatchObject({ event: 'warning_joined' });
    });

    it('refuses joining a risk of another court', async () => {
      const other = await reportRisk(platform, w.as.xc_risk, 'yellow');
      const batch = await call(platform, w.as.dc_risk, 'POST', '/api/v1/cases/batch', { cases: [{ caseNumber: '(2025)示0101民初999号', filedOn: '2025-01-02', facts: FUNDRAISING_FACTS }] });
      expect(batch.json().created).toBe(1);
      const warning = (await call(platform, w.as.dc_risk, 'GET', '/api/v1/warnings?status=pending&pageSize=200')).json().items.find((x: { caseNumber: string }) => x.caseNumber === '(2025)示0101民初999号');
      const res = await call(platform, w.as.dc_risk, 'POST', `/api/v1/warnings/${warning.id}/triage`, { action: 'confirm', version: warning.version, risk: { mode: 'join', riskId: other.id } });
      expect(res.statusCode).toBe(400);
      expect(res.json().fields[0].path).toBe('risk.riskId');
      const unchanged = (await call(platform, w.as.dc_risk, 'GET', `/api/v1/warnings?caseId=${warning.caseId}`)).json().items[0];
      expect(unchanged.status).toBe('pending');
    });
  });

  describe('export', () => {
    it('exports the filtered register as a formula-safe workbook and audits it', async () => {
      await reportRisk(platform, w.as.zy_risk, 'blue', { title: '=HYPERLINK("http://x")公式注入测试' });
      const res = await call(platform, w.as.zy_risk, 'GET', '/api/v1/risks/export?level=blue');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.getRow(1).getCell(2).value).toBe('风险标题');
      const titles: string[] = [];
      sheet.eachRow((row, n) => {
        if (n > 1) titles.push(String(row.getCell(2).value));
      });
      expect(titles).toContain(`'=HYPERLINK("http://x")公式注入测试`);
      const levels: string[] = [];
      sheet.eachRow((row, n) => {
        if (n > 1) levels.push(String(row.getCell(5).value));
      });
      expect(new Set(levels)).toEqual(new Set(['四级（蓝）']));
      expect((await auditActions(platform, w.as.zy_admin, 'risk.export')).length).toBeGreaterThan(0);
      expect((await call(platform, w.as.zy_judge, 'GET', '/api/v1/risks/export')).statusCode).toBe(403);
    });

    it('filters overdue risks by their missed clocks (PRODUCT.md §5 时限)', async () => {
      const risk = await reportRisk(platform, w.as.zy_risk, 'red', { title: '逾期未报告院领导的红色风险' });
      expect((await call(platform, w.as.zy_risk, 'GET', '/api/v1/risks?overdue=true&pageSize=200')).json().items.map((r: { id: string }) => r.id)).not.toContain(risk.id);
      platform.clock.advanceMinutes(3 * 60); // 红: report to the leader within 2 h
      const overdue = (await call(platform, w.as.zy_risk, 'GET', '/api/v1/risks?overdue=true&pageSize=200')).json();
      expect(overdue.items.map((r: { id: string }) => r.id)).toContain(risk.id);
      expect(overdue.total).toBe(overdue.items.length);
    });
  });
});
