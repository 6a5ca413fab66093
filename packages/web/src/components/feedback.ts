import { ElMessage, ElMessageBox } from 'element-plus';
import { h } from 'vue';
import { ApiError } from '../api/http';
import { zh } from '../locales/zh-CN';

/** The Chinese text to show for any failure; the server's message when it sent one. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const field = error.fields[0];
    return field && !error.message.includes(field.message) ? `${error.message}：${field.message}` : error.message;
  }
  return zh.errors.unexpected;
}

export function showError(error: unknown): void {
  // A lapsed session already redirects to the login page, which says why.
  if (error instanceof ApiError && error.status === 401) return;
  if (!(error instanceof ApiError)) console.error(error);
  ElMessage.error({ message: errorMessage(error), grouping: true, showClose: true });
}

export function showSuccess(message: string): void {
  ElMessage.success({ message, grouping: true });
}

/** A success message with a link to what was just made, kept on screen long enough to click. */
export function showSuccessWithLink(message: string, linkText: string, open: () => void): void {
  ElMessage.success({
    message: h('span', [message, '，', h('a', { href: '#', class: 'message-link', onClick: (event: Event) => (event.preventDefault(), open()) }, linkText)]),
    duration: 8000,
    showClose: true,
  });
}

/** Asks before a consequential action; resolves false when the user cancels. */
export async function confirmAction(message: string, confirmText: string = zh.common.confirm): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, zh.common.confirmTitle, {
      type: 'warning',
      confirmButtonText: confirmText,
      cancelButtonText: zh.common.cancel,
    });
    return true;
  } catch {
    return false;
  }
}

interface RowAction<Result> {
  /** Question asked first; omit for harmless actions. */
  confirm?: string;
  confirmText?: string;
  run: () => Promise<Result>;
  /** Toast after success. */
  success?: string;
  /** Reloads the list: after success, and after a 409 so the user sees what changed. */
  reload: () => unknown;
}

/**
 * A table-row action (停用, 删除, 解锁…): ask, run, report, reload. Resolves to the result,
 * or undefined when cancelled or failed (the error has been shown).
 */
export async function runRowAction<Result>(action: RowAction<Result>): Promise<Result | undefined> {
  if (action.confirm && !(await confirmAction(action.confirm, action.confirmText))) return undefined;
  try {
    const result = await action.run();
    if (action.success) showSuccess(action.success);
    await action.reload();
    return result;
  } catch (error) {
    showError(error);
    if (error instanceof ApiError && error.status === 409) await action.reload();
    return undefined;
  }
}
