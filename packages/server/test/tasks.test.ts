import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestPlatform, testDialects, type Session, type TestPlatform } from './harness.js';
import { act, assessment, auditActions, chinaDate, createAgency, LONG_SESSIONS, reportRisk, riskWorld, type RiskWorld } from './risk-fixtures.js';

interface Task {
  id: string;
  version: number;
  status: string;
  assignee: { kind: string; id: string };
  availableActions: string[];
  canUpload: boolean;
  overdue: boolean;
}

function multipart(fileName: string, content: Buffer) {
  const boundary = '----courtrisk-test-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

function upload(platform: TestPlatform, session: Session, taskId: string, fileName: string, content: Buffer) {
  const body = multipart(fileName, content);
  return platform.app.inject({
    method: 'POST',
    url: `/api/v1/tasks/${taskId}/files`,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': body.contentType },
    payload: body.payload,
  });
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/**
 * 处置任务 (issue 4; PRODUCT.md §3 处置方案: tasks with assignee, due date, status, feedback): 待接收 →
 * 办理中 → 已反馈 → 已办结 and 已退回, by the assignee or the risk side, with the optimistic version; and
 * attachments (≤ 20 MB, type by content and extension, SHA-256).
 */
describe.each(testDialects())('disposal tasks on %s', (dialect) => {
  let platform: TestPlatform;
  let w: RiskWorld;
  let riskId: string;
  const tasks: Record<'person' | 'department' | 'agency', Task> = {} as never;

  const taskOf = async (session: Session, id: string): Promise<Task> =>
    ((await call(platform, session, 'GET', `/api/v1/tasks?riskId=${riskId}`)).json().items as Task[]).find((t) => t.id === id)!;
  const taskAct = (session: Session, task: Task, body: Record<string, unknown>) => call(platform, session, 'POST', `/api/v1/tasks/${task.id}/actions`, { ...body, version: task.version });

  beforeAll(async () => {
    platform = await createTestPlatform(dialect, { env: LONG_SESSIONS });
    w = await riskWorld(platform);
    const agency = await createAgency(platform, w.as.zy_risk, '示例市公安局经侦支队', 'police');
    let risk = await reportRisk(platform, w.as.zy_risk, 'orange');
    for (const step of [
      { action: 'startAssessment' },
      { action: 'recordAssessment', assessment: assessment(platform) },
      {
        action: 'submitPlan',
        summary: '分工稳控',
        tasks: [
          { assignee: { kind: 'person', accountId: w.accountId('zy_judge') }, dueOn: chinaDate(platform, 3), description: '约谈当事人' },
          { assignee: { kind: 'department', departmentId: w.departmentId(w.court.zy, 'civil_1') }, dueOn: chinaDate(platform, 5), description: '梳理关联案件' },
          { assignee: { kind: 'agency', agencyId: agency.id }, dueOn: chinaDate(platform, 7), description: '核查资金流向' },
        ],
      },
    ]) {
      const res = await act(platform, w.as.zy_risk, risk, step);
      expect(res.statusCode, res.body).toBe(200);
      risk = res.json();
    }
    riskId = risk.id;
    const listed = (await call(platform, w.as.zy_risk, 'GET', `/api/v1/risks/${riskId}/tasks`)).json().items as Task[];
    tasks.person = listed.find((t) => t.assignee.kind === 'person')!;
    tasks.department = listed.find((t) => t.assignee.kind === 'department')!;
    tasks.agency = listed.find((t) => t.assignee.kind === 'agency')!;
  });
  afterAll(() => platform.close());

  it('offers each side only its own actions (core risks/tasks.ts TASK_TRANSITIONS)', async () => {
    expect((await taskOf(w.as.zy_judge, tasks.person.id)).availableActions).toEqual(['accept', 'return']);
    // The risk office records an agency's work: agencies have no accounts.
    expect((await taskOf(w.as.zy_risk, tasks.agency.id)).availableActions).toEqual(['accept', 'return']);
    expect((await taskOf(w.as.zy_risk, tasks.person.id)).availableActions).toEqual([]);
    const res = await taskAct(w.as.zy_risk, tasks.person, { action: 'accept' });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('承办人');
  });

  it('lists the tasks assigned to me or my department with mine=true, even on a risk I cannot open', async () => {
    // The judge (仅本人) is in 民一庭: the task given to them and the one given to their department.
    const judge = (await call(platform, w.as.zy_judge, 'GET', '/api/v1/tasks?mine=true')).json();
    expect(judge.items.map((t: Task) => t.id).sort()).toEqual([tasks.person.id, tasks.department.id].sort());
    expect((await call(platform, w.as.zy_judge, 'GET', `/api/v1/risks/${riskId}`)).statusCode).toBe(404);
    const chief = (await call(platform, w.as.zy_chief, 'GET', '/api/v1/tasks?mine=true')).json();
    expect(chief.items.map((t: Task) => t.id)).toEqual([tasks.department.id]);
    expect((await call(platform, w.as.xc_risk, 'GET', '/api/v1/tasks')).json().items).toEqual([]);
    expect((await call(platform, w.as.xc_risk, 'GET', `/api/v1/risks/${riskId}/tasks`)).statusCode).toBe(404);
  });

  describe('assignees without 查看风险 (信访接待)', () => {
    let petitionTask: Task;
    let otherRiskId: string;

    beforeAll(async () => {
      let risk = await reportRisk(platform, w.as.zy_risk, 'red');
      for (const step of [
        { action: 'startAssessment' },
        { action: 'recordAssessment', assessment: assessment(platform) },
        { action: 'submitPlan', summary: '来访疏导', tasks: [{ assignee: { kind: 'department', departmentId: w.departmentId(w.court.zy, 'petition') }, dueOn: chinaDate(platform, 4), description: '做好来访接待与情绪疏导' }] },
      ]) {
        risk = (await act(platform, w.as.zy_risk, risk, step)).json();
      }
      otherRiskId = riskId;
      petitionTask = (await call(platform, w.as.zy_risk, 'GET', `/api/v1/risks/${risk.id}/tasks`)).json().items[0];
    });

    it('lists only the tasks given to them or their department, and nothing else', async () => {
      expect((await call(platform, w.as.zy_petition, 'GET', '/api/v1/tasks')).statusCode).toBe(403);
      const mine = (await call(platform, w.as.zy_petition, 'GET', '/api/v1/tasks?mine=true')).json();
      expect(mine.items.map((t: Task) => t.id)).toEqual([petitionTask.id]);
      expect(mine.total).toBe(1);
      expect((await call(platform, w.as.zy_petition, 'GET', `/api/v1/tasks?mine=true&riskId=${otherRiskId}`)).json().items).toEqual([]);
    });

    it('reads the summary of the risk behind the task — title, level, dates — but not the risk itself', async () => {
      const riskOfTask = (petitionTask as unknown as { riskId: string }).riskId;
      expect((await call(platform, w.as.zy_petition, 'GET', `/api/v1/risks/${riskOfTask}`)).statusCode).toBe(403);
      const res = await call(platform, w.as.zy_petition, 'GET', `/api/v1/risks/${riskOfTask}/summary`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ id: riskOfTask, level: 'red', status: 'disposing', ownerName: '风险办专员', myTasks: [{ id: petitionTask.id, dueOn: chinaDate(platform, 4), status: 'pending_acceptance', overdue: false }] });
      expect(res.json()).not.toHaveProperty('description');
      expect(res.json()).not.toHaveProperty('linkedCases');
      // A risk with no task of theirs stays hidden; risk readers get the summary within their scope.
      expect((await call(platform, w.as.zy_petition, 'GET', `/api/v1/risks/${otherRiskId}/summary`)).statusCode).toBe(404);
      expect((await call(platform, w.as.zy_risk, 'GET', `/api/v1/risks/${otherRiskId}/summary`)).json().myTasks).toEqual([]);
      expect((await call(platform, w.as.xc_risk, 'GET', `/api/v1/risks/${riskOfTask}/summary`)).statusCode).toBe(404);
    });

    it('works the task and handles its attachments as its assignee', async () => {
      const accepted = await taskAct(w.as.zy_petition, petitionTask, { action: 'accept' });
      expect(accepted.statusCode, accepted.body).toBe(200);
      const uploaded = await upload(platform, w.as.zy_petition, petitionTask.id, '接待记录.txt', Buffer.from('来访人 12 名，情绪平稳'));
      expect(uploaded.statusCode, uploaded.body).toBe(200);
      expect((await call(platform, w.as.zy_petition, 'GET', `/api/v1/tasks/${petitionTask.id}/files/${uploaded.json().id}`)).statusCode).toBe(200);
      expect((await upload(platform, w.as.zy_petition, tasks.agency.id, '接待记录.txt', Buffer.from('无关任务'))).statusCode).toBe(404);
    });
  });

  it('runs 接收 → 反馈 → 退回补充 → 接收 → 反馈 → 办结, each on the risk’s timeline', async () => {
    let task = tasks.person;
    const steps: [Session, Record<string, unknown>, string][] = [
      [w.as.zy_judge, { action: 'accept' }, 'in_progress'],
      [w.as.zy_judge, { action: 'feedback', feedback: '已约谈，当事人同意分期支付' }, 'fed_back'],
      [w.as.zy_risk, { action: 'return', reason: '请补充书面承诺' }, 'returned'],
      [w.as.zy_judge, { action: 'accept' }, 'in_progress'],
      [w.as.zy_judge, { action: 'feedback', feedback: '已补充书面还款承诺' }, 'fed_back'],
      [w.as.zy_risk, { action: 'complete', note: '办结' }, 'completed'],
    ];
    for (const [session, body, status] of steps) {
      const res = await taskAct(session, task, body);
      expect(res.statusCode, res.body).toBe(200);
      task = res.json();
      expect(task.status).toBe(status);
    }
    expect(task).toMatchObject({ feedback: '已补充书面还款承诺', returnReason: '请补充书面承诺', completedAt: expect.any(String) });
    const events = (await call(platform, w.as.zy_risk, 'GET', `/api/v1/risks/${riskId}/timeline`)).json().items.map((e: { event: string }) => e.event);
    expect(events.filter((e: string) => e.startsWith('task_'))).toEqual(['task_accept', 'task_feedback', 'task_return', 'task_accept', 'task_feedback', 'task_complete']);
    expect((await auditActions(platform, w.as.zy_admin, 'task.complete')).length).toBe(1);
  });

  it('refuses a stale version, a move the status does not allow, and feedback without text', async () => {
    const accepted = await taskAct(w.as.zy_chief, tasks.department, { action: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const stale = await taskAct(w.as.zy_chief, tasks.department, { action: 'feedback', feedback: '已梳理' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    const complete = await taskAct(w.as.zy_risk, accepted.json(), { action: 'complete' });
    expect(complete.statusCode).toBe(409);
    expect(complete.json()).toMatchObject({ code: 'invalid_state', message: '办理中的任务不能办结' });
    const empty = await taskAct(w.as.zy_chief, accepted.json(), { action: 'feedback' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields[0].path).toBe('feedback');
  });

  it('flags a task overdue once its 办理期限 has passed (督办)', async () => {
    expect((await call(platform, w.as.zy_risk, 'GET', '/api/v1/tasks?overdue=true')).json().items).toEqual([]);
    platform.clock.advanceMinutes(8 * 24 * 60);
    const overdue = (await call(platform, w.as.zy_risk, 'GET', `/api/v1/tasks?overdue=true&riskId=${riskId}`)).json().items as Task[];
    expect(overdue.map((t) => t.id).sort()).toEqual([tasks.department.id, tasks.agency.id].sort());
    expect(overdue.every((t) => t.overdue)).toBe(true);
  });

  describe('attachments', () => {
    it('stores a file with its SHA-256 and serves it back as a download', async () => {
      const res = await upload(platform, w.as.zy_risk, tasks.agency.id, '资金流向核查报告.pdf', PDF);
      expect(res.statusCode, res.body).toBe(200);
      const file = res.json();
      expect(file).toMatchObject({ fileName: '资金流向核查报告.pdf', contentType: 'application/pdf', sizeBytes: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex') });
      const download = await call(platform, w.as.zy_risk, 'GET', `/api/v1/tasks/${tasks.agency.id}/files/${file.id}`);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(PDF)).toBe(true);
      expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('资金流向核查报告.pdf')}`);
      expect((await taskOf(w.as.zy_risk, tasks.agency.id) as unknown as { files: unknown[] }).files).toHaveLength(1);
      expect((await call(platform, w.as.xc_risk, 'GET', `/api/v1/tasks/${tasks.agency.id}/files/${file.id}`)).statusCode).toBe(404);
      expect((await auditActions(platform, w.as.zy_admin, 'task.file.upload')).length).toBeGreaterThan(0);
      // A download is a read of the file: audited like an export, naming the file (and not audited when refused).
      const downloads = (await auditActions(platform, w.as.zy_admin, 'task.file.download')).filter((e) => e.summary.includes('资金流向核查报告.pdf'));
      expect(downloads).toHaveLength(1);
    });

    it('refuses a type outside the list and content that does not match the extension', async () => {
      const exe = await upload(platform, w.as.zy_risk, tasks.agency.id, 'tool.exe', Buffer.from('MZ\x90\x00'));
      expect(exe.statusCode).toBe(400);
      expect(exe.json().fields[0]).toMatchObject({ path: 'file' });
      expect(exe.json().message).toContain('不支持的附件类型');
      const disguised = await upload(platform, w.as.zy_risk, tasks.agency.id, 'report.pdf', Buffer.from('MZ\x90\x00\x03\x00\x00\x00'));
      expect(disguised.statusCode).toBe(400);
      expect(disguised.json().message).toContain('文件内容与扩展名不符');
    });

    it('refuses a file over 20 MB', async () => {
      const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x41);
      const res = await upload(platform, w.as.zy_risk, tasks.agency.id, 'big.txt', big);
      expect(res.statusCode).toBe(413);
      expect(res.json().message).toContain('20 MB');
    });

    it('refuses uploads by someone who is neither assignee nor risk side', async () => {
      const res = await upload(platform, w.as.zy_leader, tasks.agency.id, 'note.txt', Buffer.from('说明'));
      expect(res.statusCode).toBe(403);
    });
  });
});
