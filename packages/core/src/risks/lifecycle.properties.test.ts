import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RISK_ACTIONS, type RiskActionName, type RiskActionPayload } from '../contracts/risk.js';
import { addDays, compareLocalDates, type LocalDate } from '../deadlines/local-date.js';
import type { Abilities } from '../permissions/abilities.js';
import { RISK_LEVELS, type RiskLevel } from '../screening/rule-schema.js';
import { requiresUpwardReport } from './clocks.js';
import { applyRiskAction, availableActions, RISK_TRANSITIONS, type RiskState } from './lifecycle.js';
import { DEFAULT_RISK_MATRIX, isMoreSevere } from './scoring.js';
import { after, dateOf, DAY, EVERYONE, newRisk, T0, validPayload } from './test-support.js';
import { toEpochMs } from './time.js';

/**
 * Properties of the state machine (issue 4: "no sequence of actions reaches a state the table
 * forbids"). Random sequences mix valid payloads with broken ones (past dates, missing fields, wrong
 * or stale approvals, residual levels above the current one, re-scoring) and random abilities.
 */

/** Everything the table forbids, as readable violations (empty when the risk is consistent). */
function violations(risk: RiskState): string[] {
  const found: string[] = [];
  const expect = (condition: boolean, message: string) => {
    if (!condition) found.push(message);
  };
  const { status } = risk;
  const finished = status === 'resolved' || status === 'closed';
  expect(finished === (risk.resolution !== null), '已化解/已销号 ⇔ 有化解记录');
  expect((status === 'closed') === (risk.closure !== null), '已销号 ⇔ 有销号记录');
  if (risk.resolution !== null) {
    expect(risk.resolution.summary.length >= 10, '化解情况总结至少 10 字');
    expect(!isMoreSevere(risk.resolution.residualLevel, risk.score.level), '剩余等级不高于当前等级');
  }
  if (risk.closure !== null && (risk.score.level === 'red' || risk.score.level === 'orange')) {
    const approval = risk.approvals.find((a) => a.id === risk.closure?.approvalId);
    expect(approval !== undefined && approval.resolutionAt === risk.resolution?.at, '红/橙销号引用了本次化解的审批');
  }
  expect(status !== 'monitoring' || risk.nextReviewOn !== null, '持续监测有下次复查日期');
  expect(risk.nextReviewOn === null || status === 'disposing' || status === 'monitoring', '只有处置中/持续监测有下次复查日期');
  expect(!(status === 'disposing' || status === 'monitoring') || risk.lastReviewedAt !== null, '处置中/持续监测有复查起点');
  expect(status === 'pending_assessment' || status === 'assessing' || risk.firstAssessedAt !== null, '处置中及以后已有首次研判');
  expect(status !== 'pending_assessment' || risk.firstAssessedAt === null, '待研判没有研判记录');
  expect(!requiresUpwardReport(risk.score.level) || risk.reportedUpward !== null, '红/橙已上报上级法院');
  expect(risk.levelHistory.at(-1)?.level === risk.score.level, '等级历史的最后一项是当前等级');
  expect(risk.levelHistory[0]?.level === risk.initialLevel, '等级历史从初始等级开始');
  expect(risk.score.score === risk.score.likelihood * risk.score.impact, '分值 = 可能性 × 影响程度');
  const instants = risk.levelHistory.map((period) => toEpochMs(period.from));
  expect(instants.every((ms, index) => index === 0 || ms >= instants[index - 1]!), '等级历史按时间排列');
  return found;
}

type Tweak =
  | { kind: 'none' }
  | { kind: 'date'; offset: number }
  | { kind: 'residual'; level: RiskLevel }
  | { kind: 'approval'; which: 'first' | 'last' | 'bogus' | 'omit' }
  | { kind: 'rescore'; likelihood: number; impact: number }
  | { kind: 'bare' };

const tweak: fc.Arbitrary<Tweak> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('date' as const), offset: fc.integer({ min: -3, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('residual' as const), level: fc.constantFrom(...RISK_LEVELS) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('approval' as const), which: fc.constantFrom('first' as const, 'last' as const, 'bogus' as const, 'omit' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rescore' as const), likelihood: fc.integer({ min: 1, max: 5 }), impact: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'bare' as const }) },
);

/** A valid payload for the action, then bent by `tweak` where the tweak applies to it. */
function payloadFor(name: RiskActionName, risk: RiskState, today: LocalDate, change: Tweak): RiskActionPayload {
  const payload = validPayload(name, risk, today) as Record<string, unknown> & RiskActionPayload;
  const day = (offset: number) => addDays(today, offset);
  switch (change.kind) {
    case 'none':
      return payload;
    case 'bare':
      return { action: name } as RiskActionPayload;
    case 'date':
      if (payload.action === 'recordReview' || payload.action === 'monitor') return { ...payload, nextReviewOn: day(change.offset) };
      if (payload.action === 'recordAssessment') return { ...payload, assessment: { ...payload.assessment, heldOn: day(change.offset) } };
      if (payload.action === 'submitPlan') return { ...payload, tasks: payload.tasks.map((task) => ({ ...task, dueOn: day(change.offset) })) };
      return payload;
    case 'residual':
      return payload.action === 'resolve' ? { ...payload, residualLevel: change.level } : payload;
    case 'approval': {
      if (payload.action !== 'close') return payload;
      const ids = { first: risk.approvals[0]?.id, last: risk.approvals.at(-1)?.id, bogus: 'risk-1:approval:99', omit: undefined };
      const approvalId = ids[change.which];
      return approvalId === undefined ? { action: 'close' } : { action: 'close', approvalId };
    }
    case 'rescore':
      return payload.action === 'recordAssessment'
        ? { ...payload, assessment: { ...payload.assessment, levelChange: { likelihood: change.likelihood, impact: change.impact, reason: '研判调整' } } }
        : payload;
  }
}

const PERMISSIONS = ['risk.assess', 'risk.dispose', 'risk.approve'] as const;
const abilities: fc.Arbitrary<Abilities> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(EVERYONE) },
  { weight: 1, arbitrary: fc.subarray([...PERMISSIONS]).map((held) => Object.fromEntries(held.map((p) => [p, true])) as Abilities) },
);

const step = fc.record({
  /** Mostly an action the table offers in the current state (else deep states are rarely reached), sometimes any. */
  fromOffered: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  choice: fc.nat(),
  tweak,
  abilities,
  /** Time to the next action: up to five days. */
  wait: fc.integer({ min: 0, max: 5 * DAY }),
});

const start = fc.record({ level: fc.constantFrom(...RISK_LEVELS), steps: fc.array(step, { minLength: 1, maxLength: 60 }) });

/** The action a step names, given the risk it applies to. */
function pickAction(risk: RiskState, { fromOffered, choice }: { fromOffered: boolean; choice: number }): RiskActionName {
  const offered = availableActions(risk, EVERYONE);
  const pool = fromOffered && offered.length > 0 ? offered : RISK_ACTIONS;
  return pool[choice % pool.length]!;
}

describe('lifecycle properties', () => {
  it('no sequence of actions reaches a state the table forbids', () => {
    fc.assert(
      fc.property(start, ({ level, steps }) => {
        let risk = newRisk(level);
        let at = T0;
        expect(violations(risk)).toEqual([]);
        for (const { tweak: change, abilities: held, wait, ...pick } of steps) {
          at = after(wait, at);
          const previous = risk;
          const name = pickAction(previous, pick);
          const offered = availableActions(previous, held).includes(name);
          const result = applyRiskAction(previous, payloadFor(name, previous, dateOf(at), change), { id: 'p', abilities: held }, { at, matrix: DEFAULT_RISK_MATRIX });
          if (!result.ok) {
            if (offered) expect(['invalid_input', 'precondition_failed']).toContain(result.code);
            continue;
          }
          risk = result.next;
          expect(offered).toBe(true);
          expect(violations(risk)).toEqual([]);
          // the move is one the table lists, and only 重新启动 leaves 已销号
          expect(RISK_TRANSITIONS[name].moves[previous.status]).toBe(risk.status);
          if (previous.status === 'closed') expect(name).toBe('reopen');
          // the 已上报 flags never clear and the first upward report is never rewritten
          if (previous.reportedUpward !== null) expect(risk.reportedUpward).toEqual(previous.reportedUpward);
          if (previous.reportedToLeaderAt !== null) expect(risk.reportedToLeaderAt).not.toBeNull();
          // history only grows; the initial level and registration never change
          expect(risk.levelHistory.slice(0, previous.levelHistory.length)).toEqual(previous.levelHistory);
          expect([risk.initialLevel, risk.createdAt]).toEqual([previous.initialLevel, previous.createdAt]);
          expect(risk.approvals.slice(0, previous.approvals.length)).toEqual(previous.approvals);
          if (risk.nextReviewOn !== null && risk.nextReviewOn !== previous.nextReviewOn) {
            expect(compareLocalDates(risk.nextReviewOn, dateOf(at))).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a closed risk refuses every action but 重新启动, whatever the payload or abilities', () => {
    const closedRisk = fc.constantFrom(...RISK_LEVELS).map((level) => {
      let risk = newRisk(level);
      let at = T0;
      const path: RiskActionName[] = ['startAssessment', 'recordAssessment', 'resolve', 'approveClosure', 'close'];
      for (const name of path) {
        at = after(DAY, at);
        const result = applyRiskAction(risk, validPayload(name, risk, dateOf(at)), { id: 'p', abilities: EVERYONE }, { at, matrix: DEFAULT_RISK_MATRIX });
        if (result.ok) risk = result.next;
      }
      return risk;
    });
    fc.assert(
      fc.property(closedRisk, step, (risk, { tweak: change, abilities: held, choice }) => {
        expect(risk.status).toBe('closed');
        const name = RISK_ACTIONS[choice % RISK_ACTIONS.length]!;
        const at = after(10 * DAY);
        const result = applyRiskAction(risk, payloadFor(name, risk, dateOf(at), change), { id: 'p', abilities: held }, { at, matrix: DEFAULT_RISK_MATRIX });
        if (name !== 'reopen') expect(result.ok).toBe(false);
        else if (result.ok) expect(result.next.status).toBe('assessing');
      }),
    );
  });
});
