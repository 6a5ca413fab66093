import {
  DEFAULT_RISK_CLOCK_SETTINGS,
  DEFAULT_RISK_MATRIX,
  RiskSettingsInput,
  type RiskClockSettings,
  type RiskMatrix,
  type RiskSettingsView,
} from '@courtrisk/core';
import { ElMessage } from 'element-plus';
import { computed, ref, watch, type Ref } from 'vue';
import { ApiError } from '../../api/http';
import { getRiskSettings, saveRiskSettings } from '../../api/risk-settings';
import { errorMessage, showError, showSuccess } from '../../components/feedback';
import { zh } from '../../locales/zh-CN';
import { fieldErrorsOfApiError, fieldErrorsOfIssues, type FieldErrors } from '../../utils/field-errors';
import { bandRanges, matrixGrid } from './matrix';

interface SettingsForm {
  matrix: RiskMatrix;
  clocks: RiskClockSettings;
}

const copy = <T>(value: T): T => structuredClone(value);

/**
 * 风险矩阵与处置时限 of one court: edit the score bands (with the 5×5 preview) and the clocks per
 * level; the core schema checks every change at once, the server's own messages land on the same fields.
 */
export function useRiskSettings(courtId: Ref<string | undefined>) {
  const current = ref<RiskSettingsView | null>(null);
  const form = ref<SettingsForm>({ matrix: copy(DEFAULT_RISK_MATRIX), clocks: copy(DEFAULT_RISK_CLOCK_SETTINGS) });
  const loading = ref(false);
  /** Why the settings could not be read; the form stays hidden rather than showing defaults as if they were the court's. */
  const loadError = ref<string | null>(null);
  const saving = ref(false);
  const serverErrors = ref<FieldErrors>({});

  const input = computed(() => ({ ...form.value, version: current.value?.version ?? 0 }));
  const checked = computed(() => RiskSettingsInput.safeParse(input.value));
  /** Client-side messages while editing; after a refused save, the server's too. */
  const errors = computed<FieldErrors>(() => ({
    ...serverErrors.value,
    ...(checked.value.success ? {} : fieldErrorsOfIssues(checked.value.error.issues)),
  }));
  const dirty = computed(
    () => current.value !== null && JSON.stringify(form.value) !== JSON.stringify({ matrix: current.value.matrix, clocks: current.value.clocks }),
  );
  const grid = computed(() => matrixGrid(form.value.matrix.bands));
  const ranges = computed(() => bandRanges(form.value.matrix.bands));

  // A field the user edits again is re-judged by the client check; the stale server message goes.
  watch(form, () => (serverErrors.value = {}), { deep: true, flush: 'sync' });

  function fill(view: RiskSettingsView): void {
    current.value = view;
    form.value = { matrix: copy(view.matrix), clocks: copy(view.clocks) };
  }

  async function load(): Promise<void> {
    if (!courtId.value) return;
    loading.value = true;
    loadError.value = null;
    try {
      fill(await getRiskSettings(courtId.value));
    } catch (error) {
      loadError.value = errorMessage(error);
    } finally {
      loading.value = false;
    }
  }

  async function save(): Promise<void> {
    if (!courtId.value || saving.value) return;
    if (!checked.value.success) {
      ElMessage.warning({ message: zh.riskSettings.fixFirst, grouping: true });
      return;
    }
    saving.value = true;
    try {
      fill(await saveRiskSettings(courtId.value, checked.value.data));
      showSuccess(zh.riskSettings.saved);
    } catch (error) {
      showError(error);
      serverErrors.value = fieldErrorsOfApiError(error);
      if (error instanceof ApiError && error.status === 409) await load();
    } finally {
      saving.value = false;
    }
  }

  /** Puts PRODUCT.md's defaults in the form; nothing changes until 保存. The matrix keeps its revision number. */
  function restoreDefaults(): void {
    form.value = {
      matrix: { version: form.value.matrix.version, bands: copy(DEFAULT_RISK_MATRIX.bands) },
      clocks: copy(DEFAULT_RISK_CLOCK_SETTINGS),
    };
  }

  watch(courtId, load, { immediate: true });

  return { current, form, loading, loadError, saving, errors, dirty, grid, ranges, load, save, restoreDefaults };
}
