import { z } from 'zod';
import { OpinionHeatSettings } from '../opinion/heat.js';
import { PetitionFlagSettings } from '../petitions/flags.js';
import { PetitionTimeLimitSettings } from '../petitions/time-limits.js';
import { strictObject } from './form-fields.js';

/**
 * 信访舆情设置 of one court (issue 6): the 重复访 / 集体访 thresholds, the petition clocks and the
 * opinion heat / spike thresholds. Management settings, not law; an empty group takes the defaults.
 */
export const PetitionCourtSettings = strictObject(
  {
    flags: PetitionFlagSettings.describe('信访标记（重复访、集体访）'),
    timeLimits: PetitionTimeLimitSettings.describe('信访办理期限'),
    opinionHeat: OpinionHeatSettings.describe('舆情热度与陡增'),
  },
  '信访舆情设置',
);
export type PetitionCourtSettings = z.infer<typeof PetitionCourtSettings>;

/** Settings of a court that never saved its own. */
export const DEFAULT_PETITION_COURT_SETTINGS: PetitionCourtSettings = PetitionCourtSettings.parse({ flags: {}, timeLimits: {}, opinionHeat: {} });

export const PetitionSettingsView = PetitionCourtSettings.extend({
  courtId: z.string(),
  /** False while the court uses the defaults (never saved). */
  customised: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  /** 0 until first saved; send it back with PUT. */
  version: z.number().int(),
});
export type PetitionSettingsView = z.infer<typeof PetitionSettingsView>;

/** PUT /courts/:id/petition-settings: the whole settings object with the version last read (0 = defaults). */
export const PetitionSettingsInput = PetitionCourtSettings.extend({ version: z.number({ message: '版本号必须是数字' }).int().min(0) });
export type PetitionSettingsInput = z.infer<typeof PetitionSettingsInput>;
