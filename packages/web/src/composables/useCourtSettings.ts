import { reactive, ref, shallowRef, watch } from 'vue';
import { showError, showSuccess } from '../components/feedback';
import { useAuthStore } from '../stores/auth';
import { fieldErrorsOfApiError, fieldErrorsOfIssues, type FieldErrors } from '../utils/field-errors';

type Issues = readonly { path: readonly PropertyKey[]; message: string }[];
type SafeParse<Input> = (value: unknown) => { success: true; data: Input } | { success: false; error: { issues: Issues } };

export interface CourtSettingsOptions<View extends { version: number }, Form extends object, Input> {
  /** The form before the first load. */
  blank: Form;
  /** The editable part of a loaded view. */
  toForm(view: View): Form;
  /** The core input schema, so the form names a problem before the server does. */
  parse: SafeParse<Input>;
  /** Where a field message shows; default its path. */
  fieldErrors?(issues: Issues): FieldErrors;
  get(courtId: string): Promise<View>;
  put(courtId: string, input: Input): Promise<View>;
  savedMessage: string;
}

/**
 * A court's versioned settings form (审限设置, 信访舆情设置): the court picker (the user's own court
 * first), load, check with the core schema, save with the version, and each problem under its field.
 */
export function useCourtSettings<View extends { version: number }, Form extends object, Input>(options: CourtSettingsOptions<View, Form, Input>) {
  const auth = useAuthStore();
  const courtId = ref<string | undefined>(auth.account?.courtId);
  const view = shallowRef<View | null>(null);
  const form = reactive(structuredClone(options.blank)) as Form;
  const errors = ref<FieldErrors>({});
  const loading = ref(false);
  const saving = ref(false);
  const fill = (loaded: View) => Object.assign(form, options.toForm(loaded));

  async function load(): Promise<void> {
    if (!courtId.value) return;
    loading.value = true;
    errors.value = {};
    try {
      view.value = await options.get(courtId.value);
      fill(view.value);
    } catch (error) {
      showError(error);
    } finally {
      loading.value = false;
    }
  }

  async function save(): Promise<void> {
    if (!courtId.value || !view.value) return;
    const parsed = options.parse({ ...form, version: view.value.version });
    if (!parsed.success) {
      errors.value = (options.fieldErrors ?? fieldErrorsOfIssues)(parsed.error.issues);
      return;
    }
    errors.value = {};
    saving.value = true;
    try {
      view.value = await options.put(courtId.value, parsed.data);
      fill(view.value);
      showSuccess(options.savedMessage);
    } catch (error) {
      errors.value = fieldErrorsOfApiError(error);
      showError(error);
    } finally {
      saving.value = false;
    }
  }

  watch(courtId, load, { immediate: true });
  return { courtId, view, form, errors, loading, saving, load, save };
}
