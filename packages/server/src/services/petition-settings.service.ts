import { DEFAULT_PETITION_COURT_SETTINGS, PetitionCourtSettings, type PetitionSettingsInput, type PetitionSettingsView } from '@courtrisk/core';
import type { Clock } from '../clock.js';
import type { CourtPetitionSettingTable } from '../db/petition-schema.js';
import { StaleVersionError } from '../errors.js';
import { newId } from '../ids.js';
import type { Repositories } from '../repositories/index.js';
import type { AccessChecker } from './access.js';
import { auditActorOf, type Actor } from './actor.js';
import { describeChanges, writeAudit, type FieldDescription } from './audit-writer.js';
import { parseStoredSettings, settingsCourt } from './court-settings.js';
import type { Store } from './store.js';

const parseSettings = (row: CourtPetitionSettingTable | undefined) => parseStoredSettings(PetitionCourtSettings, row?.settings, DEFAULT_PETITION_COURT_SETTINGS);

/** A court's 信访舆情设置 (docs/petitions.md, docs/opinion.md): its saved row, else the defaults. */
export async function loadPetitionSettings(repos: Pick<Repositories, 'petitions'>, courtId: string): Promise<PetitionCourtSettings> {
  return parseSettings(await repos.petitions.getSetting(courtId));
}

const yesNo = (value: unknown) => (value ? '是' : '否');
const holidayRuleText = (rule: unknown) => (rule === 'extend' ? '顺延' : '不顺延');

/** Every leaf of PetitionCourtSettings with its on-screen name: the audit names each changed field. */
const FIELDS: Record<string, FieldDescription> = {
  'flags.repeat.minCount': '重复访次数',
  'flags.repeat.windowDays': '重复访统计天数',
  'flags.repeat.countSameDayOnce': { label: '同日多次按一次计', format: yesNo },
  'flags.collective.minPeople': '集体访人数',
  'timeLimits.acceptanceDays': '受理决定期限',
  'timeLimits.handlingDays': '办理期限',
  'timeLimits.maxExtensionDays': '延长办理期限上限',
  'timeLimits.reviewRequestDays': '申请复查期限',
  'timeLimits.reviewDays': '复查期限',
  'timeLimits.recheckRequestDays': '申请复核期限',
  'timeLimits.recheckDays': '复核期限',
  'timeLimits.dueSoonDays': '临期提醒天数',
  'timeLimits.holidayRule': { label: '节假日顺延', format: holidayRuleText },
  'opinionHeat.weights.reads': '阅读权重',
  'opinionHeat.weights.reposts': '转发权重',
  'opinionHeat.weights.comments': '评论权重',
  'opinionHeat.weights.likes': '点赞权重',
  'opinionHeat.spikeFactor': '陡增倍数',
  'opinionHeat.minRatePerHour': '陡增最低增速',
  'opinionHeat.highHeat': '高热度阈值',
  'opinionHeat.veryHighHeat': '极高热度阈值',
};

/** `{ flags: { repeat: { minCount: 3 } } }` → `{ 'flags.repeat.minCount': 3 }`. */
function leaves(value: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, inner]) =>
      inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? Object.entries(leaves(inner as Record<string, unknown>, `${prefix}${key}.`)) : [[`${prefix}${key}`, inner]],
    ),
  );
}

export function createPetitionSettingsService({ store, access, clock }: { store: Store; access: AccessChecker; clock: Clock }) {
  const { repos } = store;

  function present(courtId: string, row: CourtPetitionSettingTable | undefined): PetitionSettingsView {
    return {
      courtId,
      ...parseSettings(row),
      customised: row !== undefined,
      updatedAt: row?.updatedAt ?? null,
      updatedBy: row?.updatedBy ?? null,
      version: row?.version ?? 0,
    };
  }

  return {
    /** petition.read (the staff whose flags and clocks follow them) or court.manage (who changes them). */
    async get(actor: Actor, courtId: string): Promise<PetitionSettingsView> {
      if (!actor.permissions.has('court.manage')) await access.require(actor, 'petition.read');
      await settingsCourt(repos, access, actor, courtId);
      return present(courtId, await repos.petitions.getSetting(courtId));
    },
    /** Replaces the court's settings (court.manage), audited field by field; version 0 = still on defaults. */
    async update(actor: Actor, courtId: string, input: PetitionSettingsInput): Promise<PetitionSettingsView> {
      await access.require(actor, 'court.manage');
      const court = await settingsCourt(repos, access, actor, courtId);
      const { version, ...settings } = input;
      const nowIso = clock.now().toISOString();
      return store.transaction(async (trx) => {
        const before = await loadPetitionSettings(trx, courtId);
        const json = JSON.stringify(settings);
        const saved =
          version === 0
            ? await trx.petitions.insertFirstSetting({ id: newId(), courtId, settings: json, updatedBy: actor.displayName, createdAt: nowIso, updatedAt: nowIso, version: 1 })
            : await trx.petitions.updateSettingVersioned(courtId, version, { settings: json, updatedBy: actor.displayName, updatedAt: nowIso });
        if (!saved) throw new StaleVersionError('petitionSettings');
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId,
          action: 'petition.settings',
          targetType: 'court',
          targetId: courtId,
          summary: `修改「${court.name}」信访舆情设置：${describeChanges(leaves(before), leaves(settings), FIELDS)}`,
        });
        return present(courtId, await trx.petitions.getSetting(courtId));
      });
    },
  };
}
export type PetitionSettingsService = ReturnType<typeof createPetitionSettingsService>;
