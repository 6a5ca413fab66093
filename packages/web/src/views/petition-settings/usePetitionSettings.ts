import { DEFAULT_PETITION_COURT_SETTINGS, PetitionSettingsInput, type PetitionCourtSettings, type PetitionSettingsView } from '@courtrisk/core';
import { getPetitionSettings, savePetitionSettings } from '../../api/petitions';
import { useCourtSettings } from '../../composables/useCourtSettings';
import { zh } from '../../locales/zh-CN';

const toForm = (settings: PetitionCourtSettings): PetitionCourtSettings => structuredClone({ flags: settings.flags, timeLimits: settings.timeLimits, opinionHeat: settings.opinionHeat });

/** 信访舆情设置 of one court (court.manage): load, validate with the core schema, save with the version. */
export function usePetitionSettings() {
  return useCourtSettings<PetitionSettingsView, PetitionCourtSettings, PetitionSettingsInput>({
    blank: toForm(DEFAULT_PETITION_COURT_SETTINGS),
    toForm,
    parse: (value) => PetitionSettingsInput.safeParse(value),
    get: getPetitionSettings,
    put: savePetitionSettings,
    savedMessage: zh.petitionSettings.saved,
  });
}
