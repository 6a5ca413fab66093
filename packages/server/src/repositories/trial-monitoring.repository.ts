import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { TrialLimitSettingTable } from '../db/schema.js';
import { TRIAL_CASE_COLUMNS, type TrialCaseRow } from './trial-cases.repository.js';

/** 审判管理监控 (issue 5): per-court settings, the daily sweep's bookkeeping and its recipients. */
export function createTrialMonitoringRepository(db: Db) {
  return {
    getSetting(courtId: string) {
      return db.selectFrom('trialLimitSetting').selectAll().where('courtId', '=', courtId).executeTakeFirst();
    },
    /** Inserts the court's row unless one exists (two servers may race on the first sweep). */
    async insertSettingIfMissing(row: Insertable<TrialLimitSettingTable>) {
      await db
        .insertInto('trialLimitSetting')
        .values(row)
        .onConflict((oc) => oc.columns(['courtId']).doNothing())
        .execute();
    },
    /** Optimistic update: false when `version` is no longer current. */
    async updateSetting(courtId: string, version: number, patch: Updateable<TrialLimitSettingTable>) {
      const result = await db
        .updateTable('trialLimitSetting')
        .set({ ...patch, version: version + 1 })
        .where('courtId', '=', courtId)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    /** Claims `day`'s sweep of a court: true for exactly one caller per court and day. */
    async claimSweep(courtId: string, day: string) {
      const result = await db
        .updateTable('trialLimitSetting')
        .set({ lastSweptOn: day })
        .where('courtId', '=', courtId)
        .where((eb) => eb.or([eb('lastSweptOn', 'is', null), eb('lastSweptOn', '<', day)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    /**
     * Cases the daily sweep evaluates, in pages by id, with the fields the 审限 engine reads: open
     * ones (no 结案日期), and closed ones whose warning of `ruleId` is still active (closing in time
     * retires it; 超审限结案 stays on record).
     */
    listSweepCasesAfter(courtId: string, ruleId: string, afterId: string, limit: number): Promise<TrialCaseRow[]> {
      return db
        .selectFrom('courtCase')
        .select(TRIAL_CASE_COLUMNS)
        .where('courtCase.courtId', '=', courtId)
        .where('courtCase.id', '>', afterId)
        .where((eb) =>
          eb.or([
            eb('courtCase.closedOn', 'is', null),
            eb.exists(
              eb
                .selectFrom('warning')
                .select('warning.id')
                .whereRef('warning.courtId', '=', 'courtCase.courtId')
                .whereRef('warning.caseId', '=', 'courtCase.id')
                .where('warning.ruleId', '=', ruleId)
                .where('warning.active', '=', 1),
            ),
          ]),
        )
        .orderBy('courtCase.id')
        .limit(limit)
        .execute();
    },
    /** The warnings of one rule on these cases, with what the sweep compares (no joins: one per case at most). */
    listRuleWarnings(courtId: string, ruleId: string, caseIds: readonly string[]) {
      if (caseIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('warning')
        .select(['id', 'caseId', 'level', 'title', 'evidence', 'status', 'active', 'version'])
        .where('courtId', '=', courtId)
        .where('ruleId', '=', ruleId)
        .where('caseId', 'in', [...caseIds])
        .execute();
    },
    /** Active accounts of a court holding a role with one of these built-in codes, with their department. */
    listAccountsByRoleCode(courtId: string, roleCodes: readonly string[]) {
      if (roleCodes.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('account')
        .innerJoin('accountRole', (j) => j.onRef('accountRole.accountId', '=', 'account.id').onRef('accountRole.courtId', '=', 'account.courtId'))
        .innerJoin('role', (j) => j.onRef('role.id', '=', 'accountRole.roleId').onRef('role.courtId', '=', 'accountRole.courtId'))
        .select(['account.id', 'account.departmentId', 'role.code as roleCode'])
        .where('account.courtId', '=', courtId)
        .where('account.status', '=', 'active')
        .where('role.code', 'in', [...roleCodes])
        .execute();
    },
  };
}
export type TrialMonitoringRepository = ReturnType<typeof createTrialMonitoringRepository>;
