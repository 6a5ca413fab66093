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
    /**
     * A queued (not yet started) job of this kind for the court, held for the caller's transaction:
     * the conditional update locks the row, so the runner cannot start it until the caller commits
     * (and the job then reads what the caller wrote). Undefined when there is none to join.
     */
    async holdQueued(courtId: string, kind: BackgroundJobTable['kind'], nowIso: string): Promise<string | undefined> {
      const queued = await db.selectFrom('backgroundJob').select('id').where('courtId', '=', courtId).where('kind', '=', kind).where('status', '=', 'queued').orderBy('createdAt').executeTakeFirst();
      if (!queued) return undefined;
      const held = await db.updateTable('backgroundJob').set({ updatedAt: nowIso }).where('id', '=', queued.id).where('status', '=', 'queued').executeTakeFirst();
      return Number(held.numUpdatedRows) === 1 ? queued.id : undefined;
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
