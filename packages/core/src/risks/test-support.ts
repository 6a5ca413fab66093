/**
 * Shared fixtures for the risk tests (not exported from the package): instants, a valid payload for
 * every action, and `riskIn` which reaches a state through the machine itself, so no test starts from
 * a hand-built state the machine could never produce.
 */
import type { RiskActionName, RiskActionPayload, RiskStatus } from '../contracts/risk.js';
import { addDays, type LocalDate } from '../deadlines/local-date.js';
import type { Abilities } from '../permissions/abilities.js';
import { applyRiskAction, createRisk, type RiskState } from './lifecycle.js';
import { DEFAULT_RISK_MATRIX, scoreRisk, type RiskScore } from './scoring.js';
import { chinaDateOf, toEpochMs, toIsoInstant } from './time.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Monday 2024-06-03 09:00 Beijing time. */
export const T0 = '2024-06-03T09:00:00+08:00';

/** The instant `ms` after `base` (ISO UTC). */
export function after(ms: number, base: string = T0): string {
  return toIsoInstant(toEpochMs(base) + ms);
}

/** The Beijing date of an instant. */
export const dateOf = (instant: string): LocalDate => chinaDateOf(toEpochMs(instant));

/** Every lifecycle permission (a risk office member who is also a leader). */
export const EVERYONE: Abilities = { 'risk.read': true, 'risk.report': true, 'risk.assess': true, 'risk.dispose': true, 'risk.approve': true, 'risk.instruct': true };

/** Likelihood × impact giving each default level: 20 红, 12 橙, 6 黄, 2 蓝. */
export const FACTORS = { red: [4, 5], orange: [3, 4], yellow: [2, 3], blue: [1, 2] } as const;

/** A default-matrix score of `level`. */
export function scoreFor(level: keyof typeof FACTORS): RiskScore {
  const [likelihood, impact] = FACTORS[level];
  return scoreRisk(likelihood, impact, DEFAULT_RISK_MATRIX);
}

export function newRisk(level: keyof typeof FACTORS = 'yellow', at: string = T0, id = 'risk-1'): RiskState {
  return createRisk({ id, score: scoreFor(level), at, actorId: 'registrar' }).risk;
}

/** A payload for `name` that passes every check on `risk` today (close cites the latest approval). */
export function validPayload(name: RiskActionName, risk: RiskState, today: LocalDate): RiskActionPayload {
  switch (name) {
    case 'startAssessment':
      return { action: name };
    case 'recordAssessment':
      return {
        action: name,
        assessment: {
          heldOn: today,
          form: 'joint_meeting',
          participants: [
            { kind: 'staff', name: '王庭长' },
            { kind: 'agency', agencyId: '6f1c2a4e-9d7b-4c3a-8e2f-1a2b3c4d5e6f', name: '李警官' },
          ],
          conclusion: '存在群体性风险，需联合处置',
        },
      };
    case 'submitPlan':
      return {
        action: name,
        summary: '分案稳控，联合人社部门化解欠薪',
        tasks: [{ assignee: { kind: 'department', departmentId: '0b7e5f1a-2c3d-4e5f-8a9b-0c1d2e3f4a5b' }, dueOn: addDays(today, 5), description: '约谈被告法定代表人' }],
      };
    case 'recordReview':
      return { action: name, finding: '当事人情绪平稳', nextReviewOn: addDays(today, 7) };
    case 'monitor':
      return { action: name, reason: '风险可控，接受并持续监测', nextReviewOn: addDays(today, 14) };
    case 'resumeFromMonitoring':
      return { action: name, reason: '复查发现再次聚集' };
    case 'resolve':
      return { action: name, resolutionSummary: '欠薪已全部支付，当事人撤诉息访', residualLevel: 'blue' };
    case 'approveClosure':
      return { action: name, opinion: '同意销号' };
    case 'close': {
      const approval = risk.approvals.at(-1);
      return approval === undefined ? { action: name } : { action: name, approvalId: approval.id };
    }
    case 'reopen':
      return { action: name, reason: '当事人再次聚集上访' };
    case 'reportToLeader':
      return { action: name, note: '已电话报告分管院领导' };
    case 'reportUpward':
      return { action: name, note: '涉众人数较多，报中院备案' };
  }
}

/** A valid assessment of `risk` on `today` that re-scores it to likelihood × impact, with `reason`. */
export function assessmentWithLevelChange(risk: RiskState, today: LocalDate, likelihood: number, impact: number, reason = '研判调整等级'): RiskActionPayload {
  const base = validPayload('recordAssessment', risk, today) as Extract<RiskActionPayload, { action: 'recordAssessment' }>;
  return { ...base, assessment: { ...base.assessment, levelChange: { likelihood, impact, reason } } };
}

/** Applies `name` with a valid payload at `at`; throws with the refusal reason if refused. */
export function act(risk: RiskState, name: RiskActionName, at: string, abilities: Abilities = EVERYONE): RiskState {
  const result = applyRiskAction(risk, validPayload(name, risk, dateOf(at)), { id: 'tester', abilities }, { at, matrix: DEFAULT_RISK_MATRIX });
  if (!result.ok) throw new Error(`${name} refused: ${result.reason}`);
  return result.next;
}

/** The shortest path from registration to each state; 已销号 of a 红/橙 risk passes through 审批销号. */
const PATHS: Record<RiskStatus, (level: keyof typeof FACTORS) => RiskActionName[]> = {
  pending_assessment: () => [],
  assessing: () => ['startAssessment'],
  disposing: () => ['startAssessment', 'recordAssessment'],
  monitoring: () => ['startAssessment', 'recordAssessment', 'monitor'],
  resolved: () => ['startAssessment', 'recordAssessment', 'resolve'],
  closed: (level) => ['startAssessment', 'recordAssessment', 'resolve', ...(level === 'red' || level === 'orange' ? ['approveClosure' as const] : []), 'close'],
};

/** A risk of `level` registered at T0 and driven into `status` one hour per action. */
export function riskIn(status: RiskStatus, level: keyof typeof FACTORS = 'yellow'): RiskState {
  return PATHS[status](level).reduce((risk, name, index) => act(risk, name, after((index + 1) * HOUR)), newRisk(level));
}
