import { TrialLimitSettingsInput, type TrialLimitSettingsView } from '@courtrisk/core';
import type { FieldErrors } from '../../utils/field-errors';
import { ref } from 'vue';
import { getTrialLimitSettings, saveTrialLimitSettings, sweepTrialLimits } from '../../api/trial-limits';
import { confirmAction, showError, showSuccess } from '../../components/feedback';
import { useCourtSettings } from '../../composables/useCourtSettings';
import { zh } from '../../locales/zh-CN';

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
  const settings = useCourtSettings<TrialLimitSettingsView, SettingsForm, TrialLimitSettingsInput>({
    blank: { holidayRule: 'extend', thresholds: { noticeUsedShare: { numerator: 2, denominator: 3 }, warningDaysLeft: { civil: 30, enforcement: 30, criminal: 15, administrative: 15 }, urgentDaysLeft: 5 }, longPending: { bucketMonths: [12, 18, 36] } },
    toForm,
    parse: (value) => TrialLimitSettingsInput.safeParse(value),
    fieldErrors: settingsFieldErrors,
    get: getTrialLimitSettings,
    put: saveTrialLimitSettings,
    savedMessage: zh.trialSettings.saved,
  });
  const { courtId, form, load } = settings;
  const sweeping = ref(false);

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

  return { ...settings, sweeping, sweep, addBucket, removeBucket };
}
