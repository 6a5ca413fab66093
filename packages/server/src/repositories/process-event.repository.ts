import type { Insertable } from 'kysely';
import type { Db } from '../db/database.js';
import type { CaseProcessEventTable } from '../db/schema.js';

/** 审限事项 of a case. Callers check scope on the case first; every query is keyed by court. */
export function createProcessEventRepository(db: Db) {
  return {
    listForCase(courtId: string, caseId: string) {
      return db
        .selectFrom('caseProcessEvent')
        .selectAll()
        .where('courtId', '=', courtId)
        .where('caseId', '=', caseId)
        .orderBy('createdAt')
        .orderBy('id')
        .execute();
    },
    /** Events of many cases of one court (the daily sweep), in recording order. */
    listForCases(courtId: string, caseIds: readonly string[]) {
      if (caseIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('caseProcessEvent')
        .selectAll()
        .where('courtId', '=', courtId)
        .where('caseId', 'in', [...caseIds])
        .orderBy('createdAt')
        .orderBy('id')
        .execute();
    },
    /** Fills in the end of an open excluded period (the only change ever made to a recorded event). */
    async updatePayload(courtId: string, id: string, payload: string) {
      await db.updateTable('caseProcessEvent').set({ payload }).where('courtId', '=', courtId).where('id', '=', id).execute();
    },
    async insert(row: Insertable<CaseProcessEventTable>) {
      await db.insertInto('caseProcessEvent').values(row).execute();
    },
  };
}
export type ProcessEventRepository = ReturnType<typeof createProcessEventRepository>;
