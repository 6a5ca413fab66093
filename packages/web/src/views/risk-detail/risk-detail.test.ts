import { RISK_ACTIONS, type RiskView } from '@courtrisk/core';
import { describe, expect, it } from 'vitest';
import { tasksProblem, participantsProblem } from './rules';
import { actionPreset, blankActionForm, blankTask, closureApprovals, payloadProblem, toActionPayload, type ActionForm } from './useRiskAction';
import { canInstruct } from './useRiskDiscussion';
import { taskFileProblem, uploadErrorMessage } from './useTaskActions';

const DEPT = '3f2b1c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d';
const AGENCY = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
const form = (overrides: Partial<ActionForm> = {}): ActionForm => ({ ...blankActionForm(), ...overrides });

describe('action forms → payloads', () => {
  it('sends exactly the fields of each action, which the shared payload schema accepts', () => {
    const filled = form({
      note: ' 已口头报告 ',
      reason: ' 群体情绪再度激化 ',
      opinion: '同意销号',
      finding: '购房人已全部签订交房协议',
      nextReviewOn: '2030-01-10',
      resolutionSummary: '开发商已交房，购房人撤回起诉，未再聚集。',
      residualLevel: 'blue',
      approvalId: 'r1:approval:1',
      summary: '成立专班，分头做好稳控',
      tasks: [{ kind: 'department', targetId: DEPT, dueOn: '2030-01-05', description: '约谈开发商' }],
      heldOn: '2026-11-20',
      form: 'joint_meeting',
      participants: [
        { kind: 'staff', name: '王庭长', accountId: DEPT },
        { kind: 'agency', name: '李警官', agencyId: AGENCY },
      ],
      conclusion: '风险较大，需联合处置',
    });
    for (const action of RISK_ACTIONS) {
      const payload = toActionPayload(action, filled);
      expect(payload.action).toBe(action);
      expect(payloadProblem(payload), action).toBeNull();
    }
    expect(toActionPayload('reopen', filled)).toEqual({ action: 'reopen', reason: '群体情绪再度激化' });
    expect(toActionPayload('monitor', filled)).toEqual({ action: 'monitor', reason: '群体情绪再度激化', nextReviewOn: '2030-01-10' });
    expect(toActionPayload('close', filled)).toEqual({ action: 'close', approvalId: 'r1:approval:1', note: '已口头报告' });
  });

  it('leaves optional text out when it is empty', () => {
    expect(toActionPayload('startAssessment', form())).toEqual({ action: 'startAssessment' });
    expect(toActionPayload('reportToLeader', form({ note: '   ' }))).toEqual({ action: 'reportToLeader' });
    expect(toActionPayload('close', form())).toEqual({ action: 'close' });
  });

  it('adds the level change to an assessment only when asked, with its reason', () => {
    const base = form({ heldOn: '2026-11-20', participants: [{ kind: 'staff', name: '张三' }], conclusion: '可控', likelihood: 5, impact: 4, levelReason: ' 涉众人数激增 ' });
    const plain = toActionPayload('recordAssessment', base);
    expect(plain).toEqual({ action: 'recordAssessment', assessment: { heldOn: '2026-11-20', form: 'consultation', participants: [{ kind: 'staff', name: '张三' }], conclusion: '可控' } });
    const rescored = toActionPayload('recordAssessment', { ...base, changeLevel: true });
    expect(rescored).toMatchObject({ assessment: { levelChange: { likelihood: 5, impact: 4, reason: '涉众人数激增' } } });
  });

  it('maps each task row to its kind of assignee', () => {
    const payload = toActionPayload(
      'submitPlan',
      form({
        summary: '分工处置',
        tasks: [
          { kind: 'department', targetId: 'd', dueOn: '2030-01-01', description: '甲' },
          { kind: 'person', targetId: 'p', dueOn: '2030-01-01', description: '乙' },
          { kind: 'agency', targetId: 'a', dueOn: '2030-01-01', description: '丙' },
        ],
      }),
    );
    expect(payload).toMatchObject({
      tasks: [{ assignee: { kind: 'department', departmentId: 'd' } }, { assignee: { kind: 'person', accountId: 'p' } }, { assignee: { kind: 'agency', agencyId: 'a' } }],
    });
  });

  it('names what the server would refuse, in Chinese', () => {
    expect(payloadProblem(toActionPayload('resolve', form({ resolutionSummary: '已化解', residualLevel: 'blue' })))).toBe('化解情况总结至少 10 个字');
    expect(payloadProblem(toActionPayload('reportUpward', form()))).toBe('请填写上报说明');
  });
});

describe('row checks of the assessment and plan forms', () => {
  it('wants participants, an agency for each agency row, and an agency at a 联席会议', () => {
    expect(participantsProblem(form())).toBe('请添加参加研判的人员');
    expect(participantsProblem(form({ participants: [{ kind: 'staff', name: '' }] }))).toBe('第 1 行：请填写参加人姓名');
    expect(participantsProblem(form({ participants: [{ kind: 'staff', name: '张三' }, { kind: 'agency', name: '李四' }] }))).toBe('第 2 行：请选择协同单位');
    expect(participantsProblem(form({ form: 'joint_meeting', participants: [{ kind: 'staff', name: '张三' }] }))).toBe('联席会议应至少有一家协同单位参加');
    expect(participantsProblem(form({ form: 'joint_meeting', participants: [{ kind: 'agency', name: '李四', agencyId: AGENCY }] }))).toBeNull();
  });

  it('names the task row that lacks an assignee, a due date or a description', () => {
    expect(tasksProblem(form({ tasks: [] }))).toBe('处置方案至少包含一项任务');
    expect(tasksProblem(form({ tasks: [blankTask()] }))).toBe('第 1 行：请选择承办部门');
    const ok = { kind: 'department' as const, targetId: DEPT, dueOn: '2030-01-05', description: '约谈开发商' };
    expect(tasksProblem(form({ tasks: [ok, { ...ok, kind: 'agency', targetId: undefined }] }))).toBe('第 2 行：请选择协同单位');
    expect(tasksProblem(form({ tasks: [ok, { ...ok, dueOn: '' }] }))).toBe('第 2 行：办理期限格式应为 YYYY-MM-DD 且为真实日期');
    expect(tasksProblem(form({ tasks: [ok] }))).toBeNull();
  });
});

describe('closing and presets', () => {
  const risk = (overrides: Partial<RiskView>) =>
    ({ level: 'orange', resolution: null, approvals: [], score: { likelihood: 3, impact: 4 }, ...overrides }) as unknown as RiskView;

  it('cites only approvals of the current resolution, newest first, and needs one for 红/橙', () => {
    const resolved = risk({
      resolution: { summary: 's', residualLevel: 'blue', at: '2026-11-20T00:00:00Z', by: 'u' },
      approvals: [
        { id: 'a1', by: 'l', at: '2026-11-01T00:00:00Z', opinion: '旧', resolutionAt: '2026-10-30T00:00:00Z' },
        { id: 'a2', by: 'l', at: '2026-11-21T00:00:00Z', opinion: '同意', resolutionAt: '2026-11-20T00:00:00Z' },
        { id: 'a3', by: 'l', at: '2026-11-22T00:00:00Z', opinion: '同意销号', resolutionAt: '2026-11-20T00:00:00Z' },
      ],
    });
    expect(closureApprovals(resolved)).toEqual({ required: true, usable: [expect.objectContaining({ id: 'a3' }), expect.objectContaining({ id: 'a2' })] });
    expect(actionPreset('close', resolved, null, '2026-11-24')).toEqual({ approvalId: 'a3' });
    expect(closureApprovals(risk({ level: 'yellow' })).required).toBe(false);
  });

  it('starts an assessment today, with me attending and the current factors', () => {
    expect(actionPreset('recordAssessment', risk({}), { id: 'me', displayName: '赵办' }, '2026-11-24')).toEqual({
      heldOn: '2026-11-24',
      participants: [{ kind: 'staff', name: '赵办', accountId: 'me' }],
      likelihood: 3,
      impact: 4,
    });
  });
});

describe('instructions, comments and attachments', () => {
  it('lets only an upper court with 批示权 instruct, and only on a risk reported up', () => {
    const reported = { courtId: 'lower', reportedUpward: { at: 'x', automatic: true } };
    expect(canInstruct(reported, 'upper', true)).toBe(true);
    expect(canInstruct(reported, 'lower', true)).toBe(false);
    expect(canInstruct(reported, 'upper', false)).toBe(false);
    expect(canInstruct({ ...reported, reportedUpward: null }, 'upper', true)).toBe(false);
  });

  it('refuses attachments of the wrong type or over 20 MB before uploading', () => {
    expect(taskFileProblem({ name: '反馈.PDF', size: 1024 })).toBeNull();
    expect(taskFileProblem({ name: '脚本.exe', size: 1024 })).toBe('只能上传 PDF、Word、Excel、JPG、PNG 或 TXT 文件');
    expect(taskFileProblem({ name: '录像.png', size: 20 * 1024 * 1024 + 1 })).toBe('附件不能超过 20 MB');
    expect(taskFileProblem({ name: '空.txt', size: 0 })).toBe('不能上传空文件');
  });

  it('shows the server’s message of a failed upload', () => {
    expect(uploadErrorMessage(new Error('{"code":"payload_too_large","message":"文件超过 20 MB","requestId":"r"}'))).toBe('文件超过 20 MB');
    expect(uploadErrorMessage(new Error('fail to POST /x 502'))).toBe('附件上传失败，请稍后重试。');
  });
});
