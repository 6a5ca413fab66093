import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { CourtRiskSettingTable } from '../db/schema.js';

/** One row per court that saved its own matrix and clocks. */
export function createRiskSettingRepository(db: Db) {
  return {
    get(courtId: string) {
      return db.selectFrom('courtRiskSetting').selectAll().where('courtId', '=', courtId).executeTakeFirst();
    },
    /** The first save of a court; false when another save got there first (unique court key). */
    async insertFirst(row: Insertable<CourtRiskSettingTable>) {
      const inserted = await db
        .insertInto('courtRiskSetting')
        .values(row)
        .onConflict((oc) => oc.column('courtId').doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted !== undefined;
    },
    async updateVersioned(courtId: string, version: number, patch: Updateable<CourtRiskSettingTable>) {
      const result = await db
        .updateTable('courtRiskSetting')
        .set({ ...patch, version: version + 1 })
        .where('courtId', '=', courtId)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
export type RiskSettingRepository = ReturnType<typeof createRiskSettingRepository>;
