import {
  DEFAULT_RISK_CLOCK_SETTINGS,
  DEFAULT_RISK_MATRIX,
  RiskClockSettings,
  RiskMatrix,
  type RiskSettingsInput,
  type RiskSettingsView,
} from '@courtrisk/core';
import type { Clock } from '../clock.js';
import type { CourtRiskSettingTable } from '../db/schema.js';
import { StaleVersionError } from '../errors.js';
import { newId } from '../ids.js';
import type { Repositories } from '../repositories/index.js';
import { asScopedCourt, type AccessChecker } from './access.js';
import { auditActorOf, type Actor } from './actor.js';
import { writeAudit } from './audit-writer.js';
import type { Store } from './store.js';

export interface CourtRiskSettings {
  matrix: RiskMatrix;
  clocks: RiskClockSettings;
}

/** Stored JSON is re-parsed so fields added to the core schemas later get their defaults. */
function parseSettings(row: CourtRiskSettingTable | undefined): CourtRiskSettings {
  if (!row) return { matrix: DEFAULT_RISK_MATRIX, clocks: DEFAULT_RISK_CLOCK_SETTINGS };
  return { matrix: RiskMatrix.parse(JSON.parse(row.matrix)), clocks: RiskClockSettings.parse(JSON.parse(row.clocks)) };
}

/**
 * A court's scoring matrix and clock settings (PRODUCT.md §4, §5), or the core defaults when the
 * court never saved its own. Usable with `store.repos` or inside a transaction.
 */
export async function forCourt(repos: Pick<Repositories, 'riskSettings'>, courtId: string): Promise<CourtRiskSettings> {
  return parseSettings(await repos.riskSettings.get(courtId));
}

const bandsText = (matrix: RiskMatrix) => `红≥${matrix.bands.red}、橙≥${matrix.bands.orange}、黄≥${matrix.bands.yellow}`;
const sameBands = (a: RiskMatrix, b: RiskMatrix) => a.bands.red === b.bands.red && a.bands.orange === b.bands.orange && a.bands.yellow === b.bands.yellow;

export function createRiskSettingsService({ store, access, clock }: { store: Store; access: AccessChecker; clock: Clock }) {
  const { repos } = store;

  function present(courtId: string, row: CourtRiskSettingTable | undefined): RiskSettingsView {
    const settings = parseSettings(row);
    // A court that never saved reads as version 1; its first save stores version 2.
    return { courtId, ...settings, isDefault: !row, updatedAt: row?.updatedAt ?? null, version: row?.version ?? 1 };
  }

  return {
    forCourt: (courtId: string) => forCourt(repos, courtId),

    /** Readable with risk.read (the clocks shown on screen) or court.manage (the admin who edits them). */
    async get(actor: Actor, courtId: string): Promise<RiskSettingsView> {
      await access.require(actor, actor.permissions.has('court.manage') ? 'court.manage' : 'risk.read');
      access.inScope(actor, asScopedCourt(await repos.courts.getById(courtId)), 'court', courtId);
      return present(courtId, await repos.riskSettings.get(courtId));
    },

    /**
     * Saves the court's matrix and clocks (court.manage). The matrix revision goes up by one when the
     * bands change, so new scores carry the new revision in their criteria and old scores keep theirs
     * (PRODUCT.md §4: a later matrix change does not silently rewrite old scores).
     */
    async update(actor: Actor, courtId: string, input: RiskSettingsInput): Promise<RiskSettingsView> {
      await access.require(actor, 'court.manage');
      const court = access.inScope(actor, asScopedCourt(await repos.courts.getById(courtId)), 'court', courtId);
      const nowIso = clock.now().toISOString();
      await store.transaction(async (trx) => {
        const row = await trx.riskSettings.get(courtId);
        const before = parseSettings(row);
        const matrix: RiskMatrix = {
          version: sameBands(before.matrix, input.matrix) ? before.matrix.version : before.matrix.version + 1,
          bands: input.matrix.bands,
        };
        const fields = { matrix: JSON.stringify(matrix), clocks: JSON.stringify(input.clocks), updatedBy: actor.accountId, updatedAt: nowIso };
        const saved = row
          ? await trx.riskSettings.updateVersioned(courtId, input.version, fields)
          : input.version === 1 && (await trx.riskSettings.insertFirst({ id: newId(), courtId, ...fields, createdAt: nowIso, version: 2 }));
        if (!saved) throw new StaleVersionError('riskSettings');
        const changes = [
          sameBands(before.matrix, matrix) ? null : `风险矩阵：${bandsText(before.matrix)} → ${bandsText(matrix)}（第 ${matrix.version} 版）`,
          JSON.stringify(before.clocks) === JSON.stringify(input.clocks) ? null : '时限与督办设置已修改',
        ].filter((line) => line !== null);
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId,
          action: 'risk.settings.update',
          targetType: 'court',
          targetId: courtId,
          summary: `修改「${court.name}」风险设置：${changes.length > 0 ? changes.join('；') : '无字段变化'}`,
        });
      });
      return present(courtId, await repos.riskSettings.get(courtId));
    },
  };
}
export type RiskSettingsService = ReturnType<typeof createRiskSettingsService>;
