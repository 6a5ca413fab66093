import { EXCLUDED_PERIOD_RULES, extensionApproverLabel, PROCEDURE_RULES, TrialProcedureOverrideInput, type ExcludedPeriodKind, type ExtensionApprover, type ProcedureCode, type TrialLimitEventInput, type TrialLimitView } from '@courtrisk/core';
import { reactive, ref, shallowRef, watch } from 'vue';
import { addProcessEvent, getTrialLimit } from '../../api/cases';
import { setTrialProcedure } from '../../api/trial-limits';
import { showError, showSuccess } from '../../components/feedback';
import { zh } from '../../locales/zh-CN';

export const approverOptions = Object.entries(extensionApproverLabel).map(([value, label]) => ({ value: value as ExtensionApprover, label }));
export const excludedKindOptions = Object.values(EXCLUDED_PERIOD_RULES).map((r) => ({ value: r.kind, label: r.label }));
/** '' = back to the automatic mapping (the API takes null). */
export const procedureChoices = [{ value: '' as const, label: zh.trialLimit.procedureAuto }, ...Object.values(PROCEDURE_RULES).map((r) => ({ value: r.code, label: r.label }))];

/** The 审限 panel: the computed limit of one case and the small form to record an extension or excluded period. */
export function useTrialLimit(caseId: () => string, onChanged: () => void) {
  const view = shallowRef<TrialLimitView | null>(null);
  const saving = ref(false);
  const form = reactive({
    type: 'extension' as 'extension' | 'excludedPeriod',
    approver: 'courtPresident' as ExtensionApprover,
    months: 1,
    days: 0,
    approvedOn: '',
    kind: 'appraisal' as ExcludedPeriodKind,
    start: '',
    end: '',
  });

  async function load() {
    try {
      view.value = await getTrialLimit(caseId());
    } catch (error) {
      view.value = null;
      showError(error);
    }
  }

  /** The form as the API's event input (the server validates with the same core schema). */
  function toInput(): TrialLimitEventInput {
    if (form.type === 'extension') {
      return { type: 'extension', approver: form.approver, length: { months: form.months, days: form.days }, approvedOn: form.approvedOn } as TrialLimitEventInput;
    }
    return { type: 'excludedPeriod', kind: form.kind, start: form.start, ...(form.end ? { end: form.end } : {}) } as TrialLimitEventInput;
  }

  async function submit() {
    saving.value = true;
    try {
      view.value = await addProcessEvent(caseId(), toInput());
      showSuccess(zh.trialLimit.saved);
      onChanged();
    } catch (error) {
      showError(error);
    } finally {
      saving.value = false;
    }
  }

  // 指定适用程序: for cases whose record cannot tell procedures with different limits apart.
  const procedureForm = reactive({ open: false, procedure: '' as ProcedureCode | '', reason: '', error: '' });
  function openProcedure(): void {
    Object.assign(procedureForm, { open: true, procedure: view.value?.procedureOverridden ? (view.value.procedure ?? '') : '', reason: '', error: '' });
  }
  async function submitProcedure(): Promise<void> {
    const parsed = TrialProcedureOverrideInput.safeParse({ procedure: procedureForm.procedure || null, reason: procedureForm.reason });
    procedureForm.error = parsed.success ? '' : (parsed.error.issues[0]?.message ?? '');
    if (!parsed.success) return;
    saving.value = true;
    try {
      view.value = await setTrialProcedure(caseId(), parsed.data);
      procedureForm.open = false;
      showSuccess(zh.trialLimit.procedureSaved);
      onChanged();
    } catch (error) {
      showError(error);
    } finally {
      saving.value = false;
    }
  }

  watch(caseId, load, { immediate: true });
  return { view, form, saving, submit, load, procedureForm, openProcedure, submitProcedure };
}
