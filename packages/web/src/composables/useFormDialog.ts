import { ref, type Ref } from 'vue';
import { ApiError } from '../api/http';
import { showError, showSuccess } from '../components/feedback';
import { zh } from '../locales/zh-CN';

interface FormDialogOptions<Form extends object, Target, Result> {
  /** A fresh, empty form for "新建". */
  blank: () => Form;
  /** Sends the form; `target` is the record being edited, or null when creating. */
  save: (form: Form, target: Target | null) => Promise<Result>;
  /** Runs after a successful save (reload the list, show a one-time password…). */
  onSaved?: (result: Result, target: Target | null) => void | Promise<void>;
  /** Runs after a 409 (someone else changed the record): the message is shown, then the page reloads. */
  onConflict?: () => void | Promise<void>;
  /** Toast after saving; false for none (e.g. when a dialog of its own follows). */
  successMessage?: string | false;
}

/**
 * State and handlers of a create/edit dialog: open blank or pre-filled, save once at a time,
 * show the server's message on failure and reload on a version conflict.
 */
export function useFormDialog<Form extends object, Target = unknown, Result = unknown>(
  options: FormDialogOptions<Form, Target, Result>,
) {
  const visible = ref(false);
  const saving = ref(false);
  const target = ref<Target | null>(null) as Ref<Target | null>;
  const form = ref(options.blank()) as Ref<Form>;

  function openCreate(preset: Partial<Form> = {}): void {
    target.value = null;
    form.value = { ...options.blank(), ...preset };
    visible.value = true;
  }

  function openEdit(record: Target, values: Partial<Form>): void {
    target.value = record;
    form.value = { ...options.blank(), ...values };
    visible.value = true;
  }

  async function submit(): Promise<void> {
    if (saving.value) return;
    saving.value = true;
    try {
      const result = await options.save(form.value, target.value);
      const editedTarget = target.value;
      visible.value = false;
      const message = options.successMessage ?? (editedTarget ? zh.common.saved : zh.common.created);
      if (message) showSuccess(message);
      await options.onSaved?.(result, editedTarget);
    } catch (error) {
      showError(error);
      if (error instanceof ApiError && error.status === 409 && options.onConflict) {
        visible.value = false;
        await options.onConflict();
      }
    } finally {
      saving.value = false;
    }
  }

  return { visible, saving, target, form, openCreate, openEdit, submit };
}
