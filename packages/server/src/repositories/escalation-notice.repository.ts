import type { Insertable } from 'kysely';
import type { Db } from '../db/database.js';
import type { EscalationNoticeTable } from '../db/schema.js';
import { TASK_OWED_STATUSES } from './task.repository.js';

/** The scheduler's memory of what it has announced: one row per key per court. */
export function createEscalationNoticeRepository(db: Db) {
  return {
    /** Records the key; false when it was recorded before (unique court + key), on both dialects. */
    async recordOnce(row: Insertable<EscalationNoticeTable>) {
      const inserted = await db
        .insertInto('escalationNotice')
        .values(row)
        .onConflict((oc) => oc.columns(['courtId', 'key']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted !== undefined;
    },
    /** Disposal tasks past their due date and still owed, on risks not yet 已销号, in every court. */
    listOverdueTasks(today: string) {
      return db
        .selectFrom('riskTask')
        .innerJoin('risk', (j) => j.onRef('risk.id', '=', 'riskTask.riskId').onRef('risk.courtId', '=', 'riskTask.courtId'))
        .leftJoin('agency', (j) => j.onRef('agency.id', '=', 'riskTask.agencyId').onRef('agency.courtId', '=', 'riskTask.courtId'))
        .select([
          'riskTask.id',
          'riskTask.courtId',
          'riskTask.riskId',
          'riskTask.assigneeKind',
          'riskTask.assigneeAccountId',
          'riskTask.assigneeDepartmentId',
          'riskTask.description',
          'riskTask.dueOn',
          'risk.title as riskTitle',
          'risk.ownerId as riskOwnerId',
          'agency.name as agencyName',
        ])
        .where('riskTask.dueOn', '<', today)
        .where('riskTask.status', 'in', [...TASK_OWED_STATUSES])
        .where('risk.status', '!=', 'closed')
        .orderBy('riskTask.courtId')
        .orderBy('riskTask.dueOn')
        .execute();
    },
    /** Keys already announced for these risks: the tick skips them without opening a transaction. */
    async listKeysForRisks(courtId: string, riskIds: readonly string[]): Promise<string[]> {
      const keys: string[] = [];
      // Chunked: both databases cap the bound parameters of one statement.
      for (let i = 0; i < riskIds.length; i += 5000) {
        const rows = await db
          .selectFrom('escalationNotice')
          .select('key')
          .where('courtId', '=', courtId)
          .where('riskId', 'in', riskIds.slice(i, i + 5000))
          .execute();
        keys.push(...rows.map((row) => row.key));
      }
      return keys;
    },
  };
}
export type EscalationNoticeRepository = ReturnType<typeof createEscalationNoticeRepository>;
