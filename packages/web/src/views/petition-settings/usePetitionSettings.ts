import { DEFAULT_PETITION_COURT_SETTINGS, PetitionSettingsInput, type PetitionCourtSettings, type PetitionSettingsView } from '@courtrisk/core';
import { reactive, ref, shallowRef, watch } from 'vue';
import { getPetitionSettings, savePetitionSettings } from '../../api/petitions';
import { ApiError } from '../../api/http';
import { showError, showSuccess } from '../../components/feedback';
import { zh } from '../../locales/zh-CN';
import { useAuthStore } from '../../stores/auth';
import { settingsFieldErrors, type FieldErrors } from '../trial-limit-settings/useTrialLimitSettings';

const toForm = (settings: PetitionCourtSettings): PetitionCourtSettings => structuredClone({ flags: settings.flags, timeLimits: settings.timeLimits, opinionHeat: settings.opinionHeat });

/** 信访舆情设置 of one court (court.manage): load, validate with the core schema, save with the version. */
export function usePetitionSettings() {
  const auth = useAuthStore();
  const courtId = ref<string | undefined>(auth.account?.courtId);
  const view = shallowRef<PetitionSettingsView | null>(null);
  const form = reactive<PetitionCourtSettings>(toForm(DEFAULT_PETITION_COURT_SETTINGS));
  const errors = ref<FieldErrors>({});
  const loading = ref(false);
  const saving = ref(false);

  async function load(): Promise<void> {
    if (!courtId.value) return;
    loading.value = true;
    errors.value = {};
    try {
      view.value = await getPetitionSettings(courtId.value);
      Object.assign(form, toForm(view.value));
    } catch (error) {
      showError(error);
    } finally {
      loading.value = false;
    }
  }

  async function save(): Promise<void> {
    if (!courtId.value || !view.value) return;
    const parsed = PetitionSettingsInput.safeParse({ ...form, version: view.value.version });
    errors.value = parsed.success ? {} : settingsFieldErrors(parsed.error.issues);
    if (!parsed.success) return;
    saving.value = true;
    try {
      view.value = await savePetitionSettings(courtId.value, parsed.data);
      Object.assign(form, toForm(view.value));
      showSuccess(zh.petitionSettings.saved);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) errors.value = Object.fromEntries(error.fields.map((f) => [f.path, f.message]));
      showError(error);
    } finally {
      saving.value = false;
    }
  }

  watch(courtId, load, { immediate: true });
  return { courtId, view, form, errors, loading, saving, save };
}
