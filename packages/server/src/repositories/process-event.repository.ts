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
    async insert(row: Insertable<CaseProcessEventTable>) {
      await db.insertInto('caseProcessEvent').values(row).execute();
    },
  };
}
export type ProcessEventRepository = ReturnType<typeof createProcessEventRepository>;
