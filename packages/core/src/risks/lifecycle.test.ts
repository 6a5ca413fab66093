import { describe, expect, it } from 'vitest';
import { RISK_ACTIONS, RISK_STATUSES, type RiskActionName, type RiskActionPayload, type RiskStatus } from '../contracts/risk.js';
import { addDays, formatChineseDate, type LocalDate } from '../deadlines/local-date.js';
import type { Abilities } from '../permissions/abilities.js';
import { permissionLabel } from '../permissions/catalog.js';
import { applyRiskAction, availableActions, createRisk, RISK_TRANSITIONS, type RiskActionResult, type RiskState } from './lifecycle.js';
import { DEFAULT_RISK_MATRIX, scoreRisk } from './scoring.js';
import { act, after, assessmentWithLevelChange, dateOf, DAY, EVERYONE, newRisk, riskIn, T0, validPayload } from './test-support.js';

const AT = after(2 * DAY);
const TODAY = dateOf(AT);

function apply(risk: RiskState, action: RiskActionPayload, at: string = AT, abilities: Abilities = EVERYONE): RiskActionResult {
  return applyRiskAction(risk, action, { id: 'actor-9', abilities }, { at, matrix: DEFAULT_RISK_MATRIX });
}

function refusalOf(result: RiskActionResult) {
  if (result.ok) throw new Error('expected a refusal');
  return { code: result.code, reason: result.reason };
}

function nextOf(result: RiskActionResult) {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result;
}

/** The level at which the action's preconditions hold (closure approval exists only for 红/橙). */
const levelFor = (name: RiskActionName) => (name === 'approveClosure' ? 'orange' : 'yellow');

describe('transition table — every action from every state (PRODUCT.md §5)', () => {
  const pairs = RISK_ACTIONS.flatMap((name) => RISK_STATUSES.map((status) => [name, status, RISK_TRANSITIONS[name].moves[status]] as const));

  it.each(pairs.filter(([, , to]) => to !== undefined))('%s from %s → %s', (name, status, to) => {
    const risk = riskIn(status, levelFor(name));
    const result = nextOf(apply(risk, validPayload(name, risk, TODAY)));
    expect(result.next.status).toBe(to);
    expect(result.timelineEntry).toMatchObject({ event: name, fromStatus: status, toStatus: to, actorId: 'actor-9', at: AT });
  });

  it.each(pairs.filter(([, , to]) => to === undefined))('%s is refused in %s', (name, status) => {
    const risk = riskIn(status, levelFor(name));
    const refusal = refusalOf(apply(risk, validPayload(name, risk, TODAY)));
    expect(refusal.code).toBe('invalid_state');
    expect(refusal.reason).toMatch(/的风险不能/);
  });

  it('tells how to continue with a closed risk', () => {
    const risk = riskIn('closed');
    expect(refusalOf(apply(risk, validPayload('recordReview', risk, TODAY))).reason).toBe('已销号的风险不能记录复查，如需继续处理请先重新启动');
  });

  it('lets nothing but 重新启动 leave 已销号', () => {
    const leaving = RISK_ACTIONS.filter((name) => RISK_TRANSITIONS[name].moves.closed !== undefined);
    expect(leaving).toEqual(['reopen']);
  });
});

describe('permissions (permissions/catalog.ts)', () => {
  it.each(RISK_ACTIONS)('%s needs its permission', (name) => {
    const { permission, moves } = RISK_TRANSITIONS[name];
    const from = RISK_STATUSES.find((status) => moves[status] !== undefined)!;
    const risk = riskIn(from, levelFor(name));
    const abilities: Abilities = { ...EVERYONE };
    delete abilities[permission];
    expect(refusalOf(apply(risk, validPayload(name, risk, TODAY), AT, abilities))).toEqual({
      code: 'forbidden',
      reason: expect.stringContaining(`需要“${permissionLabel[permission]}”权限`),
    });
  });

  it('maps 研判 to risk.assess, handling to risk.dispose and the leader’s acts to risk.approve', () => {
    const byPermission = Object.fromEntries(['risk.assess', 'risk.dispose', 'risk.approve'].map((p) => [p, RISK_ACTIONS.filter((name) => RISK_TRANSITIONS[name].permission === p)]));
    expect(byPermission).toEqual({
      'risk.assess': ['startAssessment', 'recordAssessment', 'monitor', 'reopen'],
      'risk.dispose': ['submitPlan', 'recordReview', 'resumeFromMonitoring', 'resolve', 'close', 'reportToLeader'],
      'risk.approve': ['approveClosure', 'reportUpward'],
    });
  });

  it('checks permission before state', () => {
    expect(refusalOf(apply(riskIn('closed'), { action: 'startAssessment' }, AT, {})).code).toBe('forbidden');
  });
});

describe('required fields (zod, Chinese messages)', () => {
  const disposing = riskIn('disposing');
  const assessing = riskIn('assessing');
  const assessment = (overrides: Record<string, unknown>) => ({ ...(validPayload('recordAssessment', assessing, TODAY) as { assessment: object }).assessment, ...overrides });

  it.each<[string, RiskState, unknown, string]>([
    ['a note over 500 characters', riskIn('pending_assessment'), { action: 'startAssessment', note: '备'.repeat(501) }, '备注不能超过 500 个字'],
    ['an assessment without it', assessing, { action: 'recordAssessment' }, '请填写研判记录'],
    ['an assessment without participants', assessing, { action: 'recordAssessment', assessment: assessment({ participants: [] }) }, '请填写参加研判的人员'],
    ['a joint meeting without an agency', assessing, { action: 'recordAssessment', assessment: assessment({ participants: [{ kind: 'staff', name: '王庭长' }] }) }, '联席会议应至少有一家协同单位参加'],
    ['an unknown assessment form', assessing, { action: 'recordAssessment', assessment: assessment({ form: 'chat' }) }, '研判形式应为会商、专题会或联席会议'],
    ['an impossible assessment date', assessing, { action: 'recordAssessment', assessment: assessment({ heldOn: '2024-02-30' }) }, '研判日期格式应为 YYYY-MM-DD 且为真实日期'],
    ['a blank conclusion', assessing, { action: 'recordAssessment', assessment: assessment({ conclusion: '  ' }) }, '请填写研判结论'],
    ['a level change without a reason', assessing, { action: 'recordAssessment', assessment: assessment({ levelChange: { likelihood: 4, impact: 4 } }) }, '请填写等级调整理由'],
    ['a level change with a factor of 6', assessing, { action: 'recordAssessment', assessment: assessment({ levelChange: { likelihood: 6, impact: 4, reason: '人数增加' } }) }, '可能性应在 1–5 之间'],
    ['a plan without tasks', disposing, { action: 'submitPlan', summary: '稳控', tasks: [] }, '处置方案至少包含一项任务'],
    ['a task without an assignee', disposing, { action: 'submitPlan', summary: '稳控', tasks: [{ dueOn: TODAY, description: '约谈' }] }, '承办对象应为部门（department）、个人（person）或协同单位（agency）'],
    ['a review without a finding', disposing, { action: 'recordReview', nextReviewOn: TODAY }, '请填写复查情况'],
    ['monitoring without a review date', disposing, { action: 'monitor', reason: '风险可控' }, '请填写下次复查日期'],
    ['resolving with a short summary', disposing, { action: 'resolve', resolutionSummary: '已化解', residualLevel: 'blue' }, '化解情况总结至少 10 个字'],
    ['resolving without a residual level', disposing, { action: 'resolve', resolutionSummary: '欠薪已全部支付，当事人撤诉息访' }, '请选择剩余风险等级（红、橙、黄、蓝）'],
    ['reopening without a reason', riskIn('closed'), { action: 'reopen' }, '请填写重新启动的理由'],
    ['reporting upward without a note', disposing, { action: 'reportUpward' }, '请填写上报说明'],
    ['an unknown field', disposing, { action: 'reportToLeader', leader: '张院长' }, '内容中有未知字段：leader'],
  ])('refuses %s', (_case, risk, action, message) => {
    expect(refusalOf(apply(risk, action as RiskActionPayload))).toEqual({ code: 'invalid_input', reason: expect.stringContaining(message) });
  });

  it('refuses an unknown action', () => {
    expect(refusalOf(apply(disposing, { action: 'delete' } as unknown as RiskActionPayload))).toEqual({ code: 'invalid_input', reason: '未知的操作' });
  });

  it('joins several messages with "；"', () => {
    expect(refusalOf(apply(disposing, { action: 'resolve' } as RiskActionPayload)).reason).toBe('请填写化解情况总结；请选择剩余风险等级（红、橙、黄、蓝）');
  });
});

describe('checks against the risk and today (Beijing date of `at`)', () => {
  const disposing = riskIn('disposing');
  const yesterday = addDays(TODAY, -1);

  it.each<[string, RiskState, (today: LocalDate) => RiskActionPayload, string]>([
    ['a review date in the past', disposing, (d) => ({ action: 'recordReview', finding: '平稳', nextReviewOn: addDays(d, -1) }), '下次复查日期（2024年6月4日）不能早于今天（2024年6月5日）'],
    ['a monitoring review date in the past', disposing, (d) => ({ action: 'monitor', reason: '风险可控', nextReviewOn: addDays(d, -1) }), '下次复查日期（2024年6月4日）不能早于今天'],
    ['a task due yesterday', disposing, (d) => ({ action: 'submitPlan', summary: '稳控', tasks: [{ assignee: { kind: 'agency', agencyId: '6f1c2a4e-9d7b-4c3a-8e2f-1a2b3c4d5e6f' }, dueOn: addDays(d, -1), description: '联合约谈' }] }), '第 1 项任务的办理期限（2024年6月4日）不能早于今天'],
    ['an assessment held tomorrow', riskIn('assessing'), (d) => ({ action: 'recordAssessment', assessment: { heldOn: addDays(d, 1), form: 'consultation', participants: [{ kind: 'staff', name: '王庭长' }], conclusion: '需处置' } }), '研判日期（2024年6月6日）不能晚于今天'],
    ['an assessment before registration', riskIn('assessing'), () => ({ action: 'recordAssessment', assessment: { heldOn: '2024-06-02', form: 'consultation', participants: [{ kind: 'staff', name: '王庭长' }], conclusion: '需处置' } }), '研判日期不能早于风险登记日期（2024年6月3日）'],
    ['a residual level above the current one', disposing, () => ({ action: 'resolve', resolutionSummary: '欠薪已全部支付，当事人撤诉息访', residualLevel: 'orange' }), '剩余风险等级（二级（橙））不能高于当前等级（三级（黄））'],
  ])('refuses %s', (_case, risk, action, message) => {
    expect(refusalOf(apply(risk, action(TODAY)))).toEqual({ code: 'precondition_failed', reason: expect.stringContaining(message) });
  });

  it('accepts a review date of today, judged in Beijing time', () => {
    const lateEvening = '2024-06-05T23:30:00+08:00';
    const nextMorning = '2024-06-06T00:30:00+08:00';
    const monitor = { action: 'monitor', reason: '风险可控', nextReviewOn: '2024-06-05' } as const;
    expect(nextOf(apply(disposing, monitor, lateEvening)).next.nextReviewOn).toBe('2024-06-05');
    expect(refusalOf(apply(disposing, monitor, nextMorning)).code).toBe('precondition_failed');
    expect(yesterday).toBe('2024-06-04');
  });
});

describe('registration and levels (PRODUCT.md §4)', () => {
  it('registers in 待研判 and reports 红/橙 upward at once, automatically', () => {
    const { risk, timelineEntry } = createRisk({ id: 'r-red', score: scoreRisk(4, 5, DEFAULT_RISK_MATRIX), at: T0, actorId: 'judge-1' });
    expect(risk).toMatchObject({ status: 'pending_assessment', initialLevel: 'red', createdAt: '2024-06-03T01:00:00.000Z', reportedUpward: { at: '2024-06-03T01:00:00.000Z', automatic: true } });
    expect(timelineEntry).toMatchObject({ event: 'create', fromStatus: null, upwardReport: 'automatic', summary: '登记风险（一级（红），4×5=20 分）；已自动上报上级法院' });
    expect(newRisk('yellow').reportedUpward).toBeNull();
    expect(newRisk('orange').reportedUpward?.automatic).toBe(true);
  });

  it('raises the level through an assessment, with its reason, and reports upward automatically', () => {
    const assessing = riskIn('assessing', 'yellow');
    const { next, timelineEntry } = nextOf(apply(assessing, assessmentWithLevelChange(assessing, TODAY, 3, 4, '涉及人数增至 60 人')));
    expect(next.score).toMatchObject({ likelihood: 3, impact: 4, score: 12, level: 'orange' });
    expect(next.initialLevel).toBe('yellow');
    expect(next.levelHistory.map((period) => period.level)).toEqual(['yellow', 'orange']);
    expect(next.reportedUpward).toEqual({ at: AT, automatic: true });
    expect(timelineEntry).toMatchObject({
      levelChange: { from: 'yellow', to: 'orange', reason: '涉及人数增至 60 人' },
      upwardReport: 'automatic',
      summary: expect.stringMatching(/^记录研判：研判中 → 处置中；等级 三级（黄） → 二级（橙）；已自动上报上级法院。(会商|专题会|联席会议)（\d{4}年\d{1,2}月\d{1,2}日）结论：/),
    });
  });

  it('keeps the 已上报 flag when the level goes down, and records no level change when only the score moves', () => {
    const orange = riskIn('disposing', 'orange');
    const down = nextOf(apply(orange, assessmentWithLevelChange(orange, TODAY, 1, 2)));
    expect(down.next.score.level).toBe('blue');
    expect(down.next.reportedUpward).toEqual(orange.reportedUpward);
    const same = nextOf(apply(orange, assessmentWithLevelChange(orange, TODAY, 4, 3)));
    expect(same.next.score.score).toBe(12);
    expect(same.next.levelHistory).toBe(orange.levelHistory);
    expect(same.timelineEntry.levelChange).toBeNull();
  });

  it('scores a level change on the court’s current matrix and snapshots it', () => {
    const assessing = riskIn('assessing', 'yellow');
    const strict = { version: 2, bands: { red: 15, orange: 9, yellow: 4 } };
    const result = applyRiskAction(assessing, assessmentWithLevelChange(assessing, TODAY, 3, 3), { id: 'a', abilities: EVERYONE }, { at: AT, matrix: strict });
    expect(nextOf(result).next.score).toMatchObject({ level: 'orange', criteria: { matrixVersion: 2 } });
  });
});

describe('closing (PRODUCT.md §5: summary, residual level, and a leader’s approval for 红/橙)', () => {
  it('closes a 黄 risk without approval and keeps the resolution', () => {
    const closed = riskIn('closed', 'yellow');
    expect(closed.closure).toMatchObject({ approvalId: null });
    expect(closed.resolution).toMatchObject({ summary: '欠薪已全部支付，当事人撤诉息访', residualLevel: 'blue' });
  });

  it('refuses to close a 红 risk before a leader approved it, then closes citing the approval', () => {
    const resolved = riskIn('resolved', 'red');
    expect(availableActions(resolved, EVERYONE)).not.toContain('close');
    expect(refusalOf(apply(resolved, { action: 'close' }))).toEqual({ code: 'precondition_failed', reason: '一级（红）风险销号须经院领导审批，请先提交审批' });

    const approved = nextOf(apply(resolved, { action: 'approveClosure', opinion: '同意销号' }, AT, { 'risk.approve': true }));
    expect(approved.next.approvals).toEqual([{ id: 'risk-1:approval:1', by: 'actor-9', at: AT, opinion: '同意销号', resolutionAt: resolved.resolution!.at }]);
    expect(approved.next.status).toBe('resolved');

    expect(refusalOf(apply(approved.next, { action: 'close' }))).toEqual({ code: 'precondition_failed', reason: '请注明院领导的销号审批' });
    expect(refusalOf(apply(approved.next, { action: 'close', approvalId: 'risk-1:approval:9' })).reason).toBe('审批 risk-1:approval:9 不存在，或不是对本次化解的审批');
    const closed = nextOf(apply(approved.next, { action: 'close', approvalId: 'risk-1:approval:1' }));
    expect(closed.next).toMatchObject({ status: 'closed', closure: { by: 'actor-9', approvalId: 'risk-1:approval:1' } });
  });

  it('does not take an approval given before a reopen for the next resolution', () => {
    const approved = act(riskIn('resolved', 'orange'), 'approveClosure', after(DAY));
    const reopened = act(approved, 'reopen', after(2 * DAY));
    expect(reopened).toMatchObject({ status: 'disposing', resolution: null });
    const resolvedAgain = act(reopened, 'resolve', after(3 * DAY));
    expect(availableActions(resolvedAgain, EVERYONE)).toContain('approveClosure');
    expect(refusalOf(apply(resolvedAgain, { action: 'close', approvalId: approved.approvals[0]!.id })).code).toBe('precondition_failed');
  });

  it('refuses a second approval of the same resolution, and any approval of a 黄 closure', () => {
    const approved = act(riskIn('resolved', 'red'), 'approveClosure', after(DAY));
    expect(refusalOf(apply(approved, { action: 'approveClosure', opinion: '同意' })).reason).toBe('本次化解已经审批，可直接销号');
    expect(refusalOf(apply(riskIn('resolved', 'yellow'), { action: 'approveClosure', opinion: '同意' })).reason).toBe('三级（黄）风险销号无需院领导审批');
  });

  it('reopens a closed risk into 研判中, clearing resolution and closure but keeping approvals', () => {
    const closed = riskIn('closed', 'red');
    const reopened = act(closed, 'reopen', after(DAY * 3));
    expect(reopened).toMatchObject({ status: 'assessing', resolution: null, closure: null, nextReviewOn: null });
    expect(reopened.approvals).toEqual(closed.approvals);
    expect(reopened.reportedUpward).toEqual(closed.reportedUpward);
  });
});

describe('flags and timestamps', () => {
  it('reports upward by hand once', () => {
    const disposing = riskIn('disposing', 'yellow');
    const reported = nextOf(apply(disposing, { action: 'reportUpward', note: '报中院备案' }));
    expect(reported.next.reportedUpward).toEqual({ at: AT, automatic: false });
    expect(reported.timelineEntry).toMatchObject({ upwardReport: 'manual', summary: '上报上级法院。报中院备案' });
    expect(refusalOf(apply(reported.next, { action: 'reportUpward', note: '再次上报' }))).toEqual({ code: 'precondition_failed', reason: '已上报上级法院' });
  });

  it('keeps the latest report to the leader', () => {
    const once = act(riskIn('assessing'), 'reportToLeader', after(DAY));
    expect(act(once, 'reportToLeader', after(2 * DAY)).reportedToLeaderAt).toBe(after(2 * DAY));
  });

  it('records the first assessment and the first plan once; reviews move the review cycle', () => {
    const disposing = riskIn('disposing');
    const planned = act(act(disposing, 'submitPlan', after(DAY)), 'submitPlan', after(2 * DAY));
    expect(planned.planSubmittedAt).toBe(after(DAY));
    const reassessed = act(planned, 'recordAssessment', after(3 * DAY));
    expect(reassessed.firstAssessedAt).toBe(disposing.firstAssessedAt);
    expect(reassessed.lastReviewedAt).toBe(after(3 * DAY));
    const reviewed = act(reassessed, 'recordReview', after(4 * DAY));
    expect(reviewed).toMatchObject({ lastReviewedAt: after(4 * DAY), nextReviewOn: addDays(dateOf(after(4 * DAY)), 7) });
  });

  it('moves statusSince only when the status changes', () => {
    const disposing = riskIn('disposing');
    expect(act(disposing, 'submitPlan', after(DAY)).statusSince).toBe(disposing.statusSince);
    expect(act(disposing, 'monitor', after(DAY)).statusSince).toBe(after(DAY));
  });

  it('leaves the risk untouched when refusing, and never mutates it when accepting', () => {
    const risk = riskIn('disposing', 'orange');
    const snapshot = structuredClone(risk);
    apply(risk, { action: 'close' });
    apply(risk, validPayload('monitor', risk, TODAY));
    expect(risk).toEqual(snapshot);
  });

  it('puts the validated payload in the timeline, trimmed and without `action`', () => {
    const { timelineEntry } = nextOf(apply(riskIn('disposing'), { action: 'monitor', reason: '  风险可控  ', nextReviewOn: TODAY }));
    expect(timelineEntry.details).toEqual({ reason: '风险可控', nextReviewOn: TODAY });
    expect(timelineEntry.summary).toBe(`转入持续监测：处置中 → 持续监测。理由：风险可控；下次复查 ${formatChineseDate(TODAY)}`);
    // The reason's own closing punctuation does not double the line's.
    const ended = nextOf(apply(riskIn('disposing'), { action: 'monitor', reason: '风险可控。', nextReviewOn: TODAY })).timelineEntry;
    expect(ended.summary).toBe(`转入持续监测：处置中 → 持续监测。理由：风险可控；下次复查 ${formatChineseDate(TODAY)}`);
  });
});

describe('availableActions (the UI’s abilities)', () => {
  const judge: Abilities = { 'risk.read': true, 'risk.report': true };
  const leader: Abilities = { 'risk.read': true, 'risk.assess': true, 'risk.approve': true, 'risk.instruct': true };
  const office: Abilities = { 'risk.read': true, 'risk.report': true, 'risk.assess': true, 'risk.dispose': true };

  it.each<[string, RiskStatus, 'red' | 'yellow', Abilities, RiskActionName[]]>([
    ['a judge', 'disposing', 'yellow', judge, []],
    ['the risk office on a new 黄 risk', 'pending_assessment', 'yellow', office, ['startAssessment', 'reportToLeader']],
    ['a leader on a new 黄 risk', 'pending_assessment', 'yellow', leader, ['startAssessment', 'reportUpward']],
    ['a leader on a new 红 risk (already reported)', 'pending_assessment', 'red', leader, ['startAssessment']],
    ['the risk office in 处置中', 'disposing', 'yellow', office, ['recordAssessment', 'submitPlan', 'recordReview', 'monitor', 'resolve', 'reportToLeader']],
    ['the risk office in 持续监测', 'monitoring', 'yellow', office, ['recordAssessment', 'recordReview', 'resumeFromMonitoring', 'resolve', 'reportToLeader']],
    ['the risk office on a resolved 红 risk', 'resolved', 'red', office, ['reopen', 'reportToLeader']],
    ['a leader on a resolved 红 risk', 'resolved', 'red', leader, ['approveClosure', 'reopen']],
    ['the risk office on a resolved 黄 risk', 'resolved', 'yellow', office, ['close', 'reopen', 'reportToLeader']],
    ['anyone on a closed risk', 'closed', 'yellow', EVERYONE, ['reopen']],
  ])('%s', (_who, status, level, abilities, expected) => {
    expect(availableActions(riskIn(status, level), abilities)).toEqual(expected);
  });

  it('offers exactly the actions applyRiskAction accepts with a valid payload', () => {
    for (const status of RISK_STATUSES) {
      for (const level of ['red', 'yellow'] as const) {
        const risk = riskIn(status, level);
        const accepted = RISK_ACTIONS.filter((name) => apply(risk, validPayload(name, risk, TODAY)).ok);
        expect(availableActions(risk, EVERYONE)).toEqual(accepted);
      }
    }
  });
});
