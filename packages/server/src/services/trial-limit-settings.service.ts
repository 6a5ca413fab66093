import {
  DEFAULT_TRIAL_LIMIT_COURT_SETTINGS,
  TrialLimitCourtSettings,
  type TrialLimitSettingsInput,
  type TrialLimitSettingsView,
} from '@courtrisk/core';
import type { Clock } from '../clock.js';
import type { TrialLimitSettingTable } from '../db/schema.js';
import { StaleVersionError } from '../errors.js';
import { newId } from '../ids.js';
import type { Repositories } from '../repositories/index.js';
import type { AccessChecker } from './access.js';
import { auditActorOf, type Actor } from './actor.js';
import { describeChanges, writeAudit } from './audit-writer.js';
import { parseStoredSettings, settingsCourt } from './court-settings.js';
import type { Store } from './store.js';

/** A court's 审限 settings: its saved row, else the defaults (see parseStoredSettings). */
export function parseSettings(row: Pick<TrialLimitSettingTable, 'settings'> | undefined): TrialLimitCourtSettings {
  return parseStoredSettings(TrialLimitCourtSettings, row?.settings, DEFAULT_TRIAL_LIMIT_COURT_SETTINGS);
}

export async function loadTrialLimitSettings(repos: Pick<Repositories, 'trialMonitoring'>, courtId: string) {
  return parseSettings(await repos.trialMonitoring.getSetting(courtId));
}

/** A settings row holding the defaults (created by the sweep before a court saves its own). */
export function defaultSettingRow(courtId: string, nowIso: string): TrialLimitSettingTable {
  return {
    id: newId(),
    courtId,
    settings: JSON.stringify(DEFAULT_TRIAL_LIMIT_COURT_SETTINGS),
    customised: 0,
    lastSweptOn: null,
    updatedBy: null,
    createdAt: nowIso,
    updatedAt: nowIso,
    version: 0,
  };
}

const holidayRuleText = (rule: unknown) => (rule === 'extend' ? '顺延' : '不顺延');
const thresholdsText = (value: unknown) => {
  const t = value as TrialLimitCourtSettings['thresholds'];
  const w = t.warningDaysLeft;
  return `提示已用${t.noticeUsedShare.numerator}/${t.noticeUsedShare.denominator}，预警剩余民事${w.civil}日/执行${w.enforcement}日/刑事${w.criminal}日/行政${w.administrative}日，紧急剩余${t.urgentDaysLeft}日`;
};
const bucketsText = (value: unknown) => `${(value as TrialLimitCourtSettings['longPending']).bucketMonths.join('/')}个月`;

export function createTrialLimitSettingsService({ store, access, clock }: { store: Store; access: AccessChecker; clock: Clock }) {
  const { repos } = store;

  function present(courtId: string, row: TrialLimitSettingTable | undefined): TrialLimitSettingsView {
    return {
      courtId,
      ...parseSettings(row),
      customised: row?.customised === 1,
      updatedAt: row?.customised === 1 ? row.updatedAt : null,
      updatedBy: row?.updatedBy ?? null,
      version: row?.version ?? 0,
      lastSweptOn: row?.lastSweptOn ?? null,
    };
  }

  return {
    async get(actor: Actor, courtId: string): Promise<TrialLimitSettingsView> {
      await access.require(actor, 'court.read');
      await settingsCourt(repos, access, actor, courtId);
      return present(courtId, await repos.trialMonitoring.getSetting(courtId));
    },
    /** Replaces the court's settings (court.manage), audited field by field; version 0 = still on defaults. */
    async update(actor: Actor, courtId: string, input: TrialLimitSettingsInput): Promise<TrialLimitSettingsView> {
      await access.require(actor, 'court.manage');
      const court = await settingsCourt(repos, access, actor, courtId);
      const { version, ...settings } = input;
      const nowIso = clock.now().toISOString();
      return store.transaction(async (trx) => {
        await trx.trialMonitoring.insertSettingIfMissing(defaultSettingRow(courtId, nowIso));
        const before = parseSettings(await trx.trialMonitoring.getSetting(courtId));
        const saved = await trx.trialMonitoring.updateSetting(courtId, version, { settings: JSON.stringify(settings), customised: 1, updatedBy: actor.displayName, updatedAt: nowIso });
        if (!saved) throw new StaleVersionError('trialLimitSettings');
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId,
          action: 'trial_limit.settings',
          targetType: 'court',
          targetId: courtId,
          summary: `修改「${court.name}」审限设置：${describeChanges(before, settings, {
            holidayRule: { label: '节假日顺延', format: holidayRuleText },
            thresholds: { label: '预警档次', format: thresholdsText },
            longPending: { label: '长期未结分档', format: bucketsText },
          })}`,
        });
        return present(courtId, await trx.trialMonitoring.getSetting(courtId));
      });
    },
  };
}
export type TrialLimitSettingsService = ReturnType<typeof createTrialLimitSettingsService>;
