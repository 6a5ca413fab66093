import { TrialLimitSettingsInput, type TrialLimitSettingsView } from '@courtrisk/core';
import { reactive, ref, shallowRef, watch } from 'vue';
import { getTrialLimitSettings, saveTrialLimitSettings, sweepTrialLimits } from '../../api/trial-limits';
import { ApiError } from '../../api/http';
import { confirmAction, showError, showSuccess } from '../../components/feedback';
import { zh } from '../../locales/zh-CN';
import { useAuthStore } from '../../stores/auth';

/** Field messages by path (`thresholds.warningDaysLeft.civil`), shown under each input. */
export type FieldErrors = Record<string, string>;

/** The editable form: the settings view minus its bookkeeping. */
export type SettingsForm = Omit<TrialLimitSettingsInput, 'version'>;

const toForm = (view: TrialLimitSettingsView): SettingsForm => ({
  holidayRule: view.holidayRule,
  thresholds: structuredClone(view.thresholds),
  longPending: { bucketMonths: [...view.longPending.bucketMonths] },
});

/** The first message per field of a failed core-schema check, so the form says it before the server does. */
export function settingsFieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    // Refinements over a whole group (预警 ≥ 紧急) land on the group: show them under 紧急.
    const path = issue.path.length ? issue.path.map(String).join('.') : 'form';
    errors[path === 'thresholds' ? 'thresholds.urgentDaysLeft' : path] ??= issue.message;
  }
  return errors;
}

/** 审限设置 of one court (court.manage): load, validate with the core schema, save with the version, re-sweep. */
export function useTrialLimitSettings() {
  const auth = useAuthStore();
  const courtId = ref<string | undefined>(auth.account?.courtId);
  const view = shallowRef<TrialLimitSettingsView | null>(null);
  const form = reactive<SettingsForm>({ holidayRule: 'extend', thresholds: { noticeUsedShare: { numerator: 2, denominator: 3 }, warningDaysLeft: { civil: 30, enforcement: 30, criminal: 15, administrative: 15 }, urgentDaysLeft: 5 }, longPending: { bucketMonths: [12, 18, 36] } });
  const errors = ref<FieldErrors>({});
  const loading = ref(false);
  const saving = ref(false);
  const sweeping = ref(false);

  async function load(): Promise<void> {
    if (!courtId.value) return;
    loading.value = true;
    errors.value = {};
    try {
      view.value = await getTrialLimitSettings(courtId.value);
      Object.assign(form, toForm(view.value));
    } catch (error) {
      showError(error);
    } finally {
      loading.value = false;
    }
  }

  async function save(): Promise<void> {
    if (!courtId.value || !view.value) return;
    const parsed = TrialLimitSettingsInput.safeParse({ ...form, version: view.value.version });
    errors.value = parsed.success ? {} : settingsFieldErrors(parsed.error.issues);
    if (!parsed.success) return;
    saving.value = true;
    try {
      view.value = await saveTrialLimitSettings(courtId.value, parsed.data);
      Object.assign(form, toForm(view.value));
      showSuccess(zh.trialSettings.saved);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) errors.value = Object.fromEntries(error.fields.map((f) => [f.path, f.message]));
      showError(error);
    } finally {
      saving.value = false;
    }
  }

  async function sweep(): Promise<void> {
    if (!courtId.value) return;
    if (!(await confirmAction(zh.trialSettings.sweepConfirm, zh.trialSettings.sweep))) return;
    sweeping.value = true;
    try {
      const result = await sweepTrialLimits(courtId.value);
      const court = result.courts[0];
      if (court) showSuccess(zh.trialSettings.swept(court.evaluated, court.raised + court.escalated, court.retired));
      await load();
    } catch (error) {
      showError(error);
    } finally {
      sweeping.value = false;
    }
  }

  const addBucket = () => form.longPending.bucketMonths.push((form.longPending.bucketMonths.at(-1) ?? 0) + 12);
  const removeBucket = (index: number) => form.longPending.bucketMonths.splice(index, 1);

  watch(courtId, load, { immediate: true });
  return { courtId, view, form, errors, loading, saving, sweeping, save, sweep, addBucket, removeBucket };
}
