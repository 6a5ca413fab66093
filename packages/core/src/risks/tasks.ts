import { TASK_ACTIONS, taskActionLabel, taskStatusLabel, type TaskActionName, type TaskStatus } from '../contracts/risk.js';

/**
 * Who may act on a task: the assignee side (the person, the department's staff, or — for an outside
 * agency, which has no account — the risk's court recording on its behalf) and the risk side (the
 * risk's court with 处置风险).
 */
export type TaskSide = 'assignee' | 'risk';

/**
 * The disposal task state machine (issue 4; PRODUCT.md §3 处置方案: tasks with assignee, due date,
 * status, feedback): 待接收 → 办理中 → 已反馈 → 已办结, and 已退回 with a reason. The assignee returns a
 * task it cannot take (待接收, 办理中); the risk side returns feedback that is not enough (已反馈) — a
 * returned task is taken up again with 接收, or closed by the risk side with 办结. 已办结 is final.
 */
export const TASK_TRANSITIONS: { readonly [Name in TaskActionName]: { readonly moves: Partial<Record<TaskStatus, { to: TaskStatus; by: TaskSide }>> } } = {
  accept: { moves: { pending_acceptance: { to: 'in_progress', by: 'assignee' }, returned: { to: 'in_progress', by: 'assignee' } } },
  feedback: { moves: { in_progress: { to: 'fed_back', by: 'assignee' } } },
  complete: { moves: { fed_back: { to: 'completed', by: 'risk' }, returned: { to: 'completed', by: 'risk' } } },
  return: {
    moves: {
      pending_acceptance: { to: 'returned', by: 'assignee' },
      in_progress: { to: 'returned', by: 'assignee' },
      fed_back: { to: 'returned', by: 'risk' },
    },
  },
};

/**
 * Whether `sides` may take `action` on a task in `status`: the new status, or the Chinese reason why
 * not (`invalid_state` when the status does not allow it, `forbidden` when the other side must act).
 * The status is checked first, so a finished task says so whoever asks.
 */
export function applyTaskTransition(
  status: TaskStatus,
  action: TaskActionName,
  sides: ReadonlySet<TaskSide>,
): { ok: true; to: TaskStatus } | { ok: false; code: 'invalid_state' | 'forbidden'; reason: string } {
  const move = TASK_TRANSITIONS[action].moves[status];
  if (move === undefined) return { ok: false, code: 'invalid_state', reason: `${taskStatusLabel[status]}的任务不能${taskActionLabel[action]}` };
  if (!sides.has(move.by)) {
    return { ok: false, code: 'forbidden', reason: move.by === 'risk' ? `只有风险所在法院的处置人员可以${taskActionLabel[action]}此任务` : `只有承办人可以${taskActionLabel[action]}此任务` };
  }
  return { ok: true, to: move.to };
}

/** The task actions `sides` may take now (the task's `availableActions`). */
export function availableTaskActions(status: TaskStatus, sides: ReadonlySet<TaskSide>): TaskActionName[] {
  return TASK_ACTIONS.filter((action) => applyTaskTransition(status, action, sides).ok);
}
