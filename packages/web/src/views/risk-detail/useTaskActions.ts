import { taskActionLabel, TaskActionInput, type TaskActionName, type TaskView } from '@courtrisk/core';
import { ElMessage, type FormRules, type UploadRawFile } from 'element-plus';
import { computed } from 'vue';
import { applyTaskAction } from '../../api/tasks';
import { runRowAction, showSuccess } from '../../components/feedback';
import { useFormDialog } from '../../composables/useFormDialog';
import { zh } from '../../locales/zh-CN';
import { zodRule } from '../../utils/form-rules';

/** What the server accepts as a task attachment (docs/risk-api.md): ≤ 20 MB; pdf, doc(x), xls(x), jpg, png, txt. */
export const TASK_FILE_MAX_BYTES = 20 * 1024 * 1024;
export const TASK_FILE_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'jpg', 'jpeg', 'png', 'txt'] as const;
export const TASK_FILE_ACCEPT = TASK_FILE_EXTENSIONS.map((ext) => `.${ext}`).join(',');

/** Why a file cannot be uploaded, before it is sent; null when it may go. */
export function taskFileProblem(file: Pick<File, 'name' | 'size'>): string | null {
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  if (!(TASK_FILE_EXTENSIONS as readonly string[]).includes(ext)) return zh.tasks.fileWrongType;
  if (file.size > TASK_FILE_MAX_BYTES) return zh.tasks.fileTooLarge;
  if (file.size === 0) return zh.tasks.fileEmpty;
  return null;
}

/** The Chinese message of a failed upload, from the `{ code, message }` body el-upload passes on as text. */
export function uploadErrorMessage(error: Error): string {
  try {
    const body: unknown = JSON.parse(error.message);
    if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string' && body.message) return body.message;
  } catch {
    // Not JSON: a network failure or a proxy's page.
  }
  return zh.tasks.uploadFailed;
}

const [, feedbackInput, , returnInput] = TaskActionInput.options;

/** 反馈 and 退回 need text; 接收 and 办结 only a confirmation. */
const NEEDS_TEXT: ReadonlySet<TaskActionName> = new Set(['feedback', 'return']);

/**
 * The actions on a risk's disposal tasks: 接收 / 办结 ask once, 反馈 / 退回 open a text dialog. The
 * buttons are the task's `availableActions` (the server's rule); every outcome reloads the risk,
 * since a task event also lands on its timeline.
 */
export function useTaskActions(reload: () => Promise<void>) {
  const dialog = useFormDialog<{ text: string }, { task: TaskView; action: TaskActionName }, TaskView>({
    blank: () => ({ text: '' }),
    save: (form, target) => {
      const { task, action } = target!;
      const text = form.text.trim();
      return applyTaskAction(
        task.id,
        action === 'feedback' ? { action, feedback: text, version: task.version } : { action: 'return', reason: text, version: task.version },
      );
    },
    successMessage: false,
    onSaved: async (_task, target) => {
      if (target) showSuccess(zh.tasks.done(taskActionLabel[target.action]));
      await reload();
    },
    onConflict: reload,
  });

  const dialogAction = computed(() => dialog.target.value?.action ?? 'feedback');
  const rules = computed<FormRules>(() => ({
    text: [zodRule(dialogAction.value === 'feedback' ? feedbackInput.shape.feedback : returnInput.shape.reason)],
  }));

  function act(task: TaskView, action: TaskActionName) {
    if (NEEDS_TEXT.has(action)) {
      dialog.openEdit({ task, action }, {});
      return Promise.resolve(undefined);
    }
    return runRowAction({
      confirm: zh.tasks.confirm(taskActionLabel[action], task.description),
      confirmText: taskActionLabel[action],
      run: () => applyTaskAction(task.id, action === 'accept' ? { action, version: task.version } : { action: 'complete', version: task.version }),
      success: zh.tasks.done(taskActionLabel[action]),
      reload,
    });
  }

  /** Checked before the upload starts; the server checks again. */
  function beforeUpload(file: UploadRawFile): boolean {
    const problem = taskFileProblem(file);
    if (problem) ElMessage.error(problem);
    return problem === null;
  }

  /** el-upload hands over the response body as the error's message: show the server's Chinese one. */
  function onUploadError(error: Error): void {
    ElMessage.error({ message: uploadErrorMessage(error), showClose: true });
  }

  async function onUploaded(): Promise<void> {
    showSuccess(zh.tasks.uploaded);
    await reload();
  }

  return { dialog, dialogAction, rules, act, beforeUpload, onUploadError, onUploaded };
}

export type TaskActionsState = ReturnType<typeof useTaskActions>;
