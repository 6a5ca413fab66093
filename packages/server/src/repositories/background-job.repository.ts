import type { Insertable, Updateable } from 'kysely';
import { claimable } from './job-claim.js';
import type { Db } from '../db/database.js';
import type { BackgroundJobTable } from '../db/schema.js';

export function createBackgroundJobRepository(db: Db) {
  return {
    getById(id: string) {
      return db.selectFrom('backgroundJob').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async insert(row: Insertable<BackgroundJobTable>) {
      await db.insertInto('backgroundJob').values(row).execute();
    },
    async update(id: string, patch: Updateable<BackgroundJobTable>) {
      await db.updateTable('backgroundJob').set(patch).where('id', '=', id).execute();
    },
    /** Same claim rule as imports: queued, or running with a silent worker. */
    async claim(id: string, nowIso: string, staleBeforeIso: string): Promise<boolean> {
      const result = await db
        .updateTable('backgroundJob')
        .set({ status: 'running', updatedAt: nowIso })
        .where('id', '=', id)
        .where(claimable(staleBeforeIso))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    listClaimable(staleBeforeIso: string) {
      return db
        .selectFrom('backgroundJob')
        .select('id')
        .where(claimable(staleBeforeIso))
        .orderBy('createdAt')
        .execute();
    },
  };
}
export type BackgroundJobRepository = ReturnType<typeof createBackgroundJobRepository>;
