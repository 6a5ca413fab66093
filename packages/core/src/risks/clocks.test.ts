import { describe, expect, it } from 'vitest';
import { addDays } from '../deadlines/local-date.js';
import { RISK_LEVELS, type RiskLevel } from '../screening/rule-schema.js';
import { computeClocks, DEFAULT_RISK_CLOCK_SETTINGS, escalationFor, requiresUpwardReport, RiskClockSettings, type ClockKind, type RiskClock } from './clocks.js';
import { applyRiskAction, type RiskState } from './lifecycle.js';
import { DEFAULT_RISK_MATRIX } from './scoring.js';
import { act, after, assessmentWithLevelChange, dateOf, DAY, EVERYONE, HOUR, newRisk, T0 } from './test-support.js';
import { formatClockDuration } from './time.js';

const settings = DEFAULT_RISK_CLOCK_SETTINGS;

function clock(risk: RiskState, kind: ClockKind, now: string): RiskClock | undefined {
  return computeClocks(risk, settings, now).find((c) => c.kind === kind);
}

function mustClock(risk: RiskState, kind: ClockKind, now: string): RiskClock {
  const found = clock(risk, kind, now);
  if (found === undefined) throw new Error(`no ${kind} clock`);
  return found;
}

/** Records an assessment at `at` that re-scores the risk (likelihood × impact on the default matrix). */
function assessAs(risk: RiskState, at: string, likelihood: number, impact: number): RiskState {
  const payload = assessmentWithLevelChange(risk, dateOf(at), likelihood, impact);
  const result = applyRiskAction(risk, payload, { id: 'office', abilities: EVERYONE }, { at, matrix: DEFAULT_RISK_MATRIX });
  if (!result.ok) throw new Error(result.reason);
  return result.next;
}

describe('defaults (PRODUCT.md §5)', () => {
  it.each<[RiskLevel, string, string, string, string]>([
    ['red', '2小时', '24小时', '48小时', '7天'],
    ['orange', '24小时', '3天', '5天', '15天'],
    ['yellow', '3天', '7天', '10天', '30天'],
    ['blue', '7天', '15天', '20天', '90天'],
  ])('%s: report %s, first assessment %s, plan %s, review %s', (level, report, assessment, plan, review) => {
    const limits = settings.limits[level];
    expect([limits.reportToLeader, limits.firstAssessment, limits.disposalPlan, limits.review].map(formatClockDuration)).toEqual([report, assessment, plan, review]);
  });

  it('escalates red within 4 hours and blue within 10 days of a miss', () => {
    const cumulative = (level: RiskLevel) => {
      const { departmentHead, riskOffice, courtLeader } = settings.escalation[level];
      return [departmentHead, riskOffice, courtLeader].map(formatClockDuration);
    };
    expect(RISK_LEVELS.map(cumulative)).toEqual([
      ['1小时', '1小时', '2小时'],
      ['4小时', '8小时', '12小时'],
      ['1天', '1天', '1天'],
      ['2天', '3天', '5天'],
    ]);
  });

  it('reports 红 and 橙 upward automatically, 黄 and 蓝 by hand', () => {
    expect(RISK_LEVELS.map(requiresUpwardReport)).toEqual([true, true, false, false]);
  });
});

describe('RiskClockSettings validation', () => {
  it('fills omitted sections with the defaults', () => {
    const custom = RiskClockSettings.parse({ dueSoonShare: { numerator: 1, denominator: 3 } });
    expect(custom.limits).toEqual(settings.limits);
    expect(custom.dueSoonShare).toEqual({ numerator: 1, denominator: 3 });
  });

  it.each<[string, (limits: typeof settings.limits) => void, string]>([
    ['a red limit longer than orange', (l) => (l.red.firstAssessment = { amount: 4, unit: 'day' }), '一级（红）的首次研判时限（4天）不能长于二级（橙）（3天）'],
    ['a blue review shorter than yellow', (l) => (l.blue.review = { amount: 10, unit: 'day' }), '三级（黄）的定期复查时限（30天）不能长于四级（蓝）（10天）'],
    ['a plan due before the first assessment', (l) => (l.yellow.disposalPlan = { amount: 5, unit: 'day' }), '三级（黄）的处置方案时限不能短于首次研判时限'],
  ])('refuses %s', (_case, edit, message) => {
    const limits = structuredClone(settings.limits);
    edit(limits);
    const messages = RiskClockSettings.safeParse({ limits }).error?.issues.map((issue) => issue.message);
    expect(messages).toContain(message);
  });

  it('refuses a due-soon share above one and unknown fields', () => {
    expect(RiskClockSettings.safeParse({ dueSoonShare: { numerator: 5, denominator: 4 } }).success).toBe(false);
    expect(RiskClockSettings.safeParse({ limitz: {} }).success).toBe(false);
  });
});

describe('computeClocks — a new 红 risk registered at T0', () => {
  const red = newRisk('red');

  it('runs the report, first-assessment and plan clocks from registration', () => {
    expect(computeClocks(red, settings, T0).map((c) => [c.kind, c.dueAt, c.status])).toEqual([
      ['reportToLeader', after(2 * HOUR), 'pending'],
      ['firstAssessment', after(24 * HOUR), 'pending'],
      ['disposalPlan', after(48 * HOUR), 'pending'],
    ]);
    expect(mustClock(red, 'firstAssessment', T0)).toMatchObject({
      key: `risk-1:firstAssessment:${Date.parse(T0)}`,
      label: '首次研判',
      level: 'red',
      startedAt: after(0),
      satisfiedAt: null,
      late: false,
      running: true,
      satisfiedBy: '记录首次研判',
      basis: '一级（红）风险首次研判时限 24小时',
    });
  });

  it.each<[string, number, string]>([
    ['three quarters in, less 1 ms', 18 * HOUR - 1, 'pending'],
    ['the last quarter begins', 18 * HOUR, 'due_soon'],
    ['exactly at the due instant', 24 * HOUR, 'due_soon'],
    ['1 ms after the due instant', 24 * HOUR + 1, 'missed'],
    ['a week later', 7 * DAY, 'missed'],
  ])('first assessment: %s → %s', (_case, elapsed, status) => {
    expect(mustClock(red, 'firstAssessment', after(elapsed)).status).toBe(status);
  });

  it('is met on time by an assessment at the due instant, and late 1 ms after', () => {
    const onTime = act(act(red, 'startAssessment', after(HOUR)), 'recordAssessment', after(24 * HOUR));
    expect(mustClock(onTime, 'firstAssessment', after(30 * DAY))).toMatchObject({ status: 'met', late: false, running: false, satisfiedAt: after(24 * HOUR) });
    const late = act(act(red, 'startAssessment', after(HOUR)), 'recordAssessment', after(24 * HOUR + 1));
    expect(mustClock(late, 'firstAssessment', after(30 * DAY))).toMatchObject({ status: 'met', late: true });
  });

  it('is met by a report to the leader', () => {
    const reported = act(red, 'reportToLeader', after(HOUR));
    expect(mustClock(reported, 'reportToLeader', after(3 * HOUR))).toMatchObject({ status: 'met', satisfiedAt: after(HOUR), running: false });
  });
});

describe('level changes mid-way: clocks do not restart; an upgrade can only bring a due instant forward', () => {
  it('an upgrade from 蓝 to 红 on day 10 brings the plan due from day 20 to day 12', () => {
    const blue = act(newRisk('blue'), 'startAssessment', after(HOUR));
    expect(mustClock(blue, 'disposalPlan', after(DAY)).dueAt).toBe(after(20 * DAY));
    const red = assessAs(blue, after(10 * DAY), 4, 5);
    expect(mustClock(red, 'disposalPlan', after(10 * DAY))).toMatchObject({ dueAt: after(12 * DAY), basis: '一级（红）风险制定处置方案时限 48小时' });
  });

  it('an upgrade after the old due instant leaves a missed clock missed', () => {
    const blue = act(newRisk('blue'), 'startAssessment', after(HOUR));
    const red = assessAs(blue, after(25 * DAY), 4, 5);
    expect(mustClock(red, 'disposalPlan', after(25 * DAY))).toMatchObject({ dueAt: after(20 * DAY), status: 'missed' });
  });

  it('a downgrade from 红 to 蓝 keeps the 红 due instant', () => {
    const red = act(newRisk('red'), 'startAssessment', after(HOUR));
    const blue = assessAs(red, after(2 * HOUR), 1, 2);
    expect(blue.score.level).toBe('blue');
    expect(mustClock(blue, 'disposalPlan', after(3 * HOUR)).dueAt).toBe(after(48 * HOUR));
  });

  it('an upgrade starts a new report-to-leader run, with a new key', () => {
    const reported = act(act(newRisk('yellow'), 'startAssessment', after(HOUR)), 'reportToLeader', after(2 * HOUR));
    const before = mustClock(reported, 'reportToLeader', after(3 * HOUR));
    expect(before.status).toBe('met');
    const orange = assessAs(reported, after(DAY), 3, 4);
    const again = mustClock(orange, 'reportToLeader', after(DAY));
    expect(again).toMatchObject({ status: 'pending', startedAt: after(DAY), dueAt: after(2 * DAY), satisfiedAt: null });
    expect(again.key).not.toBe(before.key);
    expect(mustClock(act(orange, 'reportToLeader', after(DAY + HOUR)), 'reportToLeader', after(2 * DAY)).status).toBe('met');
  });

  it('a downgrade does not start a new report-to-leader run', () => {
    const reported = act(act(newRisk('orange'), 'startAssessment', after(HOUR)), 'reportToLeader', after(2 * HOUR));
    const yellow = assessAs(reported, after(DAY), 2, 3);
    expect(mustClock(yellow, 'reportToLeader', after(DAY)).status).toBe('met');
  });
});

describe('the review clock (定期复查)', () => {
  const disposing = act(act(newRisk('yellow'), 'startAssessment', after(HOUR)), 'recordAssessment', after(2 * HOUR));

  it('runs only in 处置中 and 持续监测, from the last review, at the level’s cadence', () => {
    expect(clock(act(newRisk('yellow'), 'startAssessment', after(HOUR)), 'review', after(2 * HOUR))).toBeUndefined();
    expect(mustClock(disposing, 'review', after(3 * HOUR))).toMatchObject({ startedAt: after(2 * HOUR), dueAt: after(2 * HOUR + 30 * DAY), satisfiedAt: null });
  });

  it('is due by the end of a chosen earlier review date (Beijing time)', () => {
    const reviewed = act(disposing, 'recordReview', after(DAY));
    const nextReviewOn = addDays(dateOf(after(DAY)), 7);
    expect(reviewed.nextReviewOn).toBe(nextReviewOn);
    const review = mustClock(reviewed, 'review', after(DAY));
    expect(review).toMatchObject({ startedAt: after(DAY), dueAt: '2024-06-11T15:59:59.999Z', basis: '下次复查日期 2024年6月11日' });
    expect(mustClock(reviewed, 'review', '2024-06-11T23:59:59.999+08:00').status).toBe('due_soon');
    expect(mustClock(reviewed, 'review', '2024-06-12T00:00:00.000+08:00').status).toBe('missed');
  });

  it('caps a chosen review date at the cadence', () => {
    const far = applyRiskAction(disposing, { action: 'recordReview', finding: '平稳', nextReviewOn: addDays(dateOf(after(DAY)), 60) }, { id: 'o', abilities: EVERYONE }, { at: after(DAY), matrix: DEFAULT_RISK_MATRIX });
    if (!far.ok) throw new Error(far.reason);
    expect(mustClock(far.next, 'review', after(DAY)).dueAt).toBe(after(31 * DAY));
  });

  it('a review run begun by the assessment that changes the level runs at the new level’s cadence', () => {
    const red = act(act(newRisk('red'), 'startAssessment', after(HOUR)), 'recordAssessment', after(2 * HOUR));
    expect(mustClock(red, 'review', after(3 * HOUR)).dueAt).toBe(after(2 * HOUR + 7 * DAY));
    const blue = assessAs(red, after(DAY), 1, 2);
    expect(mustClock(blue, 'review', after(DAY))).toMatchObject({ dueAt: after(91 * DAY), basis: '四级（蓝）风险定期复查时限 90天' });
    const redAgain = assessAs(blue, after(2 * DAY), 4, 5);
    expect(mustClock(redAgain, 'review', after(2 * DAY)).dueAt).toBe(after(9 * DAY));
  });

  it('starts a new run (and key) with each review', () => {
    const first = mustClock(disposing, 'review', after(DAY));
    const second = mustClock(act(disposing, 'recordReview', after(DAY)), 'review', after(DAY));
    expect(second.key).not.toBe(first.key);
  });

  it('drops the plan clock while 持续监测 (an accepted risk needs no plan) but keeps a met one', () => {
    const monitoring = act(disposing, 'monitor', after(DAY));
    expect(computeClocks(monitoring, settings, after(DAY)).map((c) => c.kind)).toEqual(['reportToLeader', 'firstAssessment', 'review']);
    const planned = act(act(disposing, 'submitPlan', after(DAY)), 'monitor', after(2 * DAY));
    expect(mustClock(planned, 'disposalPlan', after(2 * DAY)).status).toBe('met');
  });
});

describe('a resolved risk', () => {
  it('keeps a clock missed before the resolution, and drops one that was not yet due', () => {
    const disposing = act(act(newRisk('yellow'), 'startAssessment', after(HOUR)), 'recordAssessment', after(2 * HOUR));
    const resolved = act(disposing, 'resolve', after(4 * DAY));
    const clocks = computeClocks(resolved, settings, after(40 * DAY));
    expect(clocks.map((c) => [c.kind, c.status, c.running])).toEqual([
      ['reportToLeader', 'missed', false],
      ['firstAssessment', 'met', false],
    ]);
  });
});

describe('escalationFor (owner → department head → risk office → court leader)', () => {
  const red = newRisk('red');
  const report = (now: string) => escalationFor(mustClock(red, 'reportToLeader', now), now, settings);
  const due = 2 * HOUR;

  it.each<[string, number, string[]]>([
    ['exactly at the due instant', due, []],
    ['1 ms after', due + 1, ['owner']],
    ['1 hour after', due + HOUR, ['owner']],
    ['1 hour and 1 ms after', due + HOUR + 1, ['owner', 'department_head']],
    ['2 hours and 1 ms after', due + 2 * HOUR + 1, ['owner', 'department_head', 'risk_office']],
    ['4 hours and 1 ms after', due + 4 * HOUR + 1, ['owner', 'department_head', 'risk_office', 'court_leader']],
    ['a month after', due + 30 * DAY, ['owner', 'department_head', 'risk_office', 'court_leader']],
  ])('红 report clock, %s → %j', (_case, elapsed, steps) => {
    expect(report(after(elapsed)).map((notice) => notice.step)).toEqual(steps);
  });

  it('returns data with a stable key per risk, clock run and step', () => {
    const start = Date.parse(T0);
    expect(report(after(due + 5 * HOUR))).toEqual([
      { riskId: 'risk-1', clock: 'reportToLeader', step: 'owner', label: '责任人', since: after(due), key: `risk-1:reportToLeader:${start}:owner` },
      { riskId: 'risk-1', clock: 'reportToLeader', step: 'department_head', label: '部门负责人', since: after(due + HOUR), key: `risk-1:reportToLeader:${start}:department_head` },
      { riskId: 'risk-1', clock: 'reportToLeader', step: 'risk_office', label: '风险防控办', since: after(due + 2 * HOUR), key: `risk-1:reportToLeader:${start}:risk_office` },
      { riskId: 'risk-1', clock: 'reportToLeader', step: 'court_leader', label: '院领导', since: after(due + 4 * HOUR), key: `risk-1:reportToLeader:${start}:court_leader` },
    ]);
  });

  it('escalates at the pace of the risk’s current level', () => {
    const yellow = newRisk('yellow');
    const now = after(3 * DAY + DAY + 1);
    expect(escalationFor(mustClock(yellow, 'reportToLeader', now), now, settings).map((n) => n.step)).toEqual(['owner', 'department_head']);
  });

  it('stops once the clock is met or the risk resolved', () => {
    const late = act(red, 'reportToLeader', after(10 * HOUR));
    expect(escalationFor(mustClock(late, 'reportToLeader', after(11 * HOUR)), after(11 * HOUR), settings)).toEqual([]);
    const resolved = act(act(act(red, 'startAssessment', after(HOUR)), 'recordAssessment', after(2 * HOUR)), 'resolve', after(3 * DAY));
    const stopped = mustClock(resolved, 'reportToLeader', after(4 * DAY));
    expect(stopped).toMatchObject({ status: 'missed', running: false });
    expect(escalationFor(stopped, after(4 * DAY), settings)).toEqual([]);
  });

  it('gives the same keys for the same instant', () => {
    const now = after(due + 3 * HOUR);
    expect(report(now)).toEqual(report(now));
    expect(computeClocks(red, settings, now)).toEqual(computeClocks(red, settings, now));
  });
});

