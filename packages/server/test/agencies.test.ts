import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestPlatform, testDialects, type TestPlatform } from './harness.js';
import { act, assessment, auditActions, chinaDate, createAgency, LONG_SESSIONS, reportRisk, riskWorld, type RiskWorld } from './risk-fixtures.js';

/** 协同单位 (PRODUCT.md §3 Agency; issue 4): per court, name unique in the court, kinds of docs/risk-api.md, handovers. */
describe.each(testDialects())('agencies on %s', (dialect) => {
  let platform: TestPlatform;
  let w: RiskWorld;

  beforeAll(async () => {
    platform = await createTestPlatform(dialect, { env: LONG_SESSIONS });
    w = await riskWorld(platform);
  });
  afterAll(() => platform.close());

  it('creates, lists, updates and names duplicates within a court only', async () => {
    const created = await createAgency(platform, w.as.zy_risk, '示例市信访局', 'petition_bureau');
    expect(created).toMatchObject({ courtId: w.court.zy, kind: 'petition_bureau', contacts: [{ name: '李科长', phone: '0571-88886666', title: '科长' }], openTaskCount: 0, version: 1 });
    const duplicate = await call(platform, w.as.zy_risk, 'POST', '/api/v1/agencies', { name: '示例市信访局', kind: 'other' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().message).toContain('示例市信访局');
    // Another court may register the same body under the same name.
    expect((await call(platform, w.as.dc_risk, 'POST', '/api/v1/agencies', { name: '示例市信访局', kind: 'petition_bureau' })).statusCode).toBe(201);

    const updated = await call(platform, w.as.zy_risk, 'PUT', `/api/v1/agencies/${created.id}`, { name: '示例市信访局', kind: 'petition_bureau', contacts: [], note: '联席会议成员单位', version: 1 });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ note: '联席会议成员单位', contacts: [], version: 2 });
    expect((await call(platform, w.as.zy_risk, 'PUT', `/api/v1/agencies/${created.id}`, { name: '示例市信访局', kind: 'petition_bureau', version: 1 })).json().code).toBe('stale_version');

    const list = (await call(platform, w.as.zy_judge, 'GET', '/api/v1/agencies?kind=petition_bureau')).json();
    expect(list.items.map((a: { name: string; courtId: string }) => [a.name, a.courtId])).toEqual([['示例市信访局', w.court.zy]]);
    expect((await call(platform, w.as.xc_risk, 'GET', `/api/v1/agencies?courtId=${w.court.zy}`)).statusCode).toBe(404);
    const audit = await auditActions(platform, w.as.zy_admin, 'agency.update');
    expect(audit[0]!.summary).toContain('备注：（空） → 联席会议成员单位');
  });

  it('names the bad field in Chinese', async () => {
    const res = await call(platform, w.as.zy_risk, 'POST', '/api/v1/agencies', { name: '某单位', kind: 'army', contacts: [{ name: '张三', phone: 'call me' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['kind', 'contacts.0.phone']));
    expect((await call(platform, w.as.zy_judge, 'POST', '/api/v1/agencies', { name: '某单位', kind: 'other' })).statusCode).toBe(403);
  });

  it('refuses deletion while tasks are open, shows handovers, then deletes', async () => {
    const agency = await createAgency(platform, w.as.zy_risk, '示例市住房和城乡建设局', 'housing');
    let risk = await reportRisk(platform, w.as.zy_risk, 'yellow');
    for (const step of [
      { action: 'startAssessment' },
      { action: 'recordAssessment', assessment: assessment(platform, { form: 'joint_meeting', participants: [{ kind: 'agency', agencyId: agency.id, name: '赵处长' }] }) },
      { action: 'submitPlan', summary: '督促开发商交房', tasks: [{ assignee: { kind: 'agency', agencyId: agency.id }, dueOn: chinaDate(platform, 10), description: '督促开发商限期交房' }] },
    ]) {
      const res = await act(platform, w.as.zy_risk, risk, step);
      expect(res.statusCode, res.body).toBe(200);
      risk = res.json();
    }
    const handovers = (await call(platform, w.as.zy_risk, 'GET', `/api/v1/agencies/${agency.id}/handovers`)).json();
    expect(handovers.tasks.map((t: { description: string }) => t.description)).toEqual(['督促开发商限期交房']);
    expect(handovers.assessments).toMatchObject([{ riskId: risk.id, form: 'joint_meeting', participants: [{ agencyName: '示例市住房和城乡建设局' }] }]);

    const refused = await call(platform, w.as.zy_risk, 'DELETE', `/api/v1/agencies/${agency.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('1 项未办结的任务');

    let task = handovers.tasks[0];
    for (const body of [{ action: 'accept' }, { action: 'feedback', feedback: '开发商承诺月底交房' }, { action: 'complete' }]) {
      task = (await call(platform, w.as.zy_risk, 'POST', `/api/v1/tasks/${task.id}/actions`, { ...body, version: task.version })).json();
    }
    expect(task.status).toBe('completed');
    const removed = await call(platform, w.as.zy_risk, 'DELETE', `/api/v1/agencies/${agency.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await call(platform, w.as.zy_risk, 'GET', '/api/v1/agencies?keyword=住房')).json().items).toEqual([]);
    // History keeps the name; the name is free again.
    const tasks = (await call(platform, w.as.zy_risk, 'GET', `/api/v1/risks/${risk.id}/tasks`)).json().items;
    expect(tasks[0].assignee.name).toBe('示例市住房和城乡建设局');
    expect((await call(platform, w.as.zy_risk, 'POST', '/api/v1/agencies', { name: '示例市住房和城乡建设局', kind: 'housing' })).statusCode).toBe(201);
    expect((await auditActions(platform, w.as.zy_admin, 'agency.delete')).length).toBe(1);
  });
});
