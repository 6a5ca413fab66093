import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TASK_ACTIONS, TASK_STATUSES, type TaskActionName, type TaskStatus } from '../contracts/risk.js';
import { applyTaskTransition, availableTaskActions, type TaskSide } from './tasks.js';

const ASSIGNEE = new Set<TaskSide>(['assignee']);
const RISK = new Set<TaskSide>(['risk']);
const BOTH = new Set<TaskSide>(['assignee', 'risk']);

/**
 * The task statuses of issue 4 (PRODUCT.md §3 处置方案: "tasks with assignee, due date, status,
 * feedback"): 待接收 → 办理中 → 已反馈 → 已办结, and 已退回. Every (status, action) pair: who may take it
 * and where it leads; a dash is a move the table forbids.
 */
const TABLE: [TaskStatus, TaskActionName, TaskSide | '-', TaskStatus | '-'][] = [
  ['pending_acceptance', 'accept', 'assignee', 'in_progress'],
  ['pending_acceptance', 'feedback', '-', '-'],
  ['pending_acceptance', 'complete', '-', '-'],
  ['pending_acceptance', 'return', 'assignee', 'returned'],
  ['in_progress', 'accept', '-', '-'],
  ['in_progress', 'feedback', 'assignee', 'fed_back'],
  ['in_progress', 'complete', '-', '-'],
  ['in_progress', 'return', 'assignee', 'returned'],
  ['fed_back', 'accept', '-', '-'],
  ['fed_back', 'feedback', '-', '-'],
  ['fed_back', 'complete', 'risk', 'completed'],
  ['fed_back', 'return', 'risk', 'returned'],
  ['returned', 'accept', 'assignee', 'in_progress'],
  ['returned', 'feedback', '-', '-'],
  ['returned', 'complete', 'risk', 'completed'],
  ['returned', 'return', '-', '-'],
  ['completed', 'accept', '-', '-'],
  ['completed', 'feedback', '-', '-'],
  ['completed', 'complete', '-', '-'],
  ['completed', 'return', '-', '-'],
];

describe('disposal task state machine (issue 4 task statuses)', () => {
  it('covers every status and action', () => {
    expect(TABLE).toHaveLength(TASK_STATUSES.length * TASK_ACTIONS.length);
  });

  it.each(TABLE)('%s + %s: by %s → %s', (status, action, by, to) => {
    if (by === '-') {
      for (const sides of [ASSIGNEE, RISK, BOTH]) expect(applyTaskTransition(status, action, sides)).toMatchObject({ ok: false, code: 'invalid_state' });
      return;
    }
    const other = by === 'assignee' ? RISK : ASSIGNEE;
    expect(applyTaskTransition(status, action, new Set([by]))).toEqual({ ok: true, to });
    expect(applyTaskTransition(status, action, BOTH)).toEqual({ ok: true, to });
    expect(applyTaskTransition(status, action, other)).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('explains refusals in Chinese', () => {
    expect(applyTaskTransition('completed', 'return', BOTH)).toEqual({ ok: false, code: 'invalid_state', reason: '已办结的任务不能退回' });
    expect(applyTaskTransition('fed_back', 'complete', ASSIGNEE)).toEqual({ ok: false, code: 'forbidden', reason: '只有风险所在法院的处置人员可以办结此任务' });
    expect(applyTaskTransition('pending_acceptance', 'accept', RISK)).toEqual({ ok: false, code: 'forbidden', reason: '只有承办人可以接收此任务' });
  });

  it('offers exactly the actions it accepts', () => {
    expect(availableTaskActions('pending_acceptance', ASSIGNEE)).toEqual(['accept', 'return']);
    expect(availableTaskActions('fed_back', RISK)).toEqual(['complete', 'return']);
    expect(availableTaskActions('completed', BOTH)).toEqual([]);
    expect(availableTaskActions('in_progress', RISK)).toEqual([]);
  });

  it('never reaches a state the table forbids, whatever the sequence of actions and sides', () => {
    const allowed = new Set(TABLE.filter(([, , by]) => by !== '-').map(([status, action, by, to]) => `${status}|${action}|${by}|${to}`));
    const sides = fc.constantFrom(ASSIGNEE, RISK, BOTH, new Set<TaskSide>());
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...TASK_ACTIONS), sides), { maxLength: 40 }), (steps) => {
        let status: TaskStatus = 'pending_acceptance';
        for (const [action, who] of steps) {
          const result = applyTaskTransition(status, action, who);
          // What the machine offers is what it accepts.
          expect(availableTaskActions(status, who).includes(action)).toBe(result.ok);
          if (!result.ok) continue;
          expect([...who].some((side) => allowed.has(`${status}|${action}|${side}|${result.to}`))).toBe(true);
          // 已办结 is final: nothing leaves it.
          expect(status).not.toBe('completed');
          status = result.to;
        }
      }),
      { numRuns: 500 },
    );
  });
});
