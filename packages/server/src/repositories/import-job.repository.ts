import type { Insertable, Updateable } from 'kysely';
import { claimable } from './job-claim.js';
import type { BulkInsert, Db } from '../db/database.js';
import type { ImportErrorTable, ImportJobTable } from '../db/schema.js';

export function createImportJobRepository(db: Db, bulkInsert: BulkInsert) {
  return {
    getById(id: string) {
      return db.selectFrom('importJob').selectAll().where('id', '=', id).executeTakeFirst();
    },
    listRecent(courtIds: readonly string[], limit: number) {
      if (courtIds.length === 0) return Promise.resolve([]);
      return db.selectFrom('importJob').selectAll().where('courtId', 'in', [...courtIds]).orderBy('createdAt', 'desc').limit(limit).execute();
    },
    async insert(row: Insertable<ImportJobTable>) {
      await db.insertInto('importJob').values(row).execute();
    },
    async update(id: string, patch: Updateable<ImportJobTable>) {
      await db.updateTable('importJob').set(patch).where('id', '=', id).execute();
    },
    /**
     * Takes a job for this process: queued ones, or running ones whose worker stopped
     * heartbeating (a crashed or killed server). The conditional UPDATE makes the claim atomic,
     * so with several servers on one PostgreSQL only one runs each job.
     */
    async claim(id: string, nowIso: string, staleBeforeIso: string): Promise<boolean> {
      const result = await db
        .updateTable('importJob')
        .set({ status: 'running', updatedAt: nowIso })
        .where('id', '=', id)
        .where(claimable(staleBeforeIso))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    listClaimable(staleBeforeIso: string) {
      return db
        .selectFrom('importJob')
        .select('id')
        .where(claimable(staleBeforeIso))
        .orderBy('createdAt')
        .execute();
    },
    async insertErrors(rows: Insertable<ImportErrorTable>[]) {
      await bulkInsert(db, 'importError', rows);
    },
    listErrors(courtId: string, jobId: string, limit: number) {
      return db
        .selectFrom('importError')
        .selectAll()
        .where('courtId', '=', courtId)
        .where('jobId', '=', jobId)
        .orderBy('rowNo')
        .orderBy('columnName')
        .limit(limit)
        .execute();
    },
  };
}
export type ImportJobRepository = ReturnType<typeof createImportJobRepository>;
