import { taskStatusLabel, type TaskView } from '@courtrisk/core';
import type { RouteLocationRaw } from 'vue-router';
import { listTasks, type TaskFilters } from '../../api/tasks';
import { usePagedList } from '../../composables/usePagedList';
import { useAuthStore } from '../../stores/auth';
import { labelOptions } from '../../utils/options';
import { useTaskActions } from '../risk-detail/useTaskActions';

export const taskStatusOptions = labelOptions(taskStatusLabel);

/** Tasks assigned to me or my department, the earliest 办理期限 first. */
export const blankMyTaskFilters = (): TaskFilters => ({ mine: 'true', status: undefined, overdue: undefined, order: 'asc' });

/**
 * Where a task's risk opens: its file for those who may read risks (查看风险), otherwise the summary an
 * assignee may see (docs/risk-api.md "Assignees without 查看风险").
 */
export const riskLinkOf = (task: Pick<TaskView, 'riskId'>, readsRisks: boolean): RouteLocationRaw =>
  readsRisks ? { name: 'riskDetail', params: { id: task.riskId } } : { name: 'riskSummary', params: { id: task.riskId } };

/**
 * 我的任务: every signed-in account's disposal tasks (`GET /tasks?mine=true`, no 查看风险 needed), worked
 * here as on the risk's page — 接收, 反馈, 退回, attachments — through the same table and actions.
 */
export function useMyTasks() {
  const auth = useAuthStore();
  const list = usePagedList(listTasks, blankMyTaskFilters);
  const actions = useTaskActions(list.load);
  const riskLink = (task: TaskView) => riskLinkOf(task, auth.can('risk.read'));

  void list.load();

  return { list, actions, riskLink };
}
