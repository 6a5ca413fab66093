import type { Paged, TaskActionInput, TaskListQuery, TaskView } from '@courtrisk/core';
import type { z } from 'zod';
import { apiUrl, http } from './http';

export type TaskFilters = Omit<Partial<z.input<typeof TaskListQuery>>, 'page' | 'pageSize'> & { page?: number; pageSize?: number };

/** 处置任务分页列表（我的任务、某风险或某协同单位的任务、逾期任务）。 */
export const listTasks = (query: TaskFilters) => http.get<Paged<TaskView>>('/tasks', query);

/** 处置任务操作：接收、反馈、办结、退回（须带版本号）。 */
export const applyTaskAction = (id: string, input: TaskActionInput) => http.post<TaskView>(`/tasks/${id}/actions`, input);

/** 任务附件的上传地址（multipart，一次一个文件）。 */
export const taskFileUploadUrl = (taskId: string) => apiUrl(`/tasks/${taskId}/files`);

/** 任务附件的下载地址。 */
export const taskFileUrl = (taskId: string, fileId: string) => apiUrl(`/tasks/${taskId}/files/${fileId}`);
