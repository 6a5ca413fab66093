import type { Insertable } from 'kysely';
import type { Db } from '../db/database.js';
import type { LongPendingNoteTable, LongPendingSnapshotTable } from '../db/schema.js';

/** 长期未结 ledger: weekly snapshots per court and the reason/responsible note of each case. */
export function createLongPendingRepository(db: Db) {
  return {
    /** One snapshot per court and ISO week: a retake in the same week replaces the counts. */
    async upsertSnapshot(row: Insertable<LongPendingSnapshotTable>) {
      await db
        .insertInto('longPendingSnapshot')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['courtId', 'isoWeek']).doUpdateSet({ takenOn: row.takenOn, openCases: row.openCases, buckets: row.buckets, takenBy: row.takenBy, createdAt: row.createdAt }),
        )
        .execute();
    },
    getSnapshot(courtId: string, isoWeek: string) {
      return db.selectFrom('longPendingSnapshot').selectAll().where('courtId', '=', courtId).where('isoWeek', '=', isoWeek).executeTakeFirst();
    },
    /** Snapshots of one court taken on or after `fromDay`, oldest first. */
    listSnapshots(courtId: string, fromDay: string) {
      return db.selectFrom('longPendingSnapshot').selectAll().where('courtId', '=', courtId).where('takenOn', '>=', fromDay).orderBy('isoWeek').execute();
    },
    listNotes(courtId: string, caseIds: readonly string[]) {
      if (caseIds.length === 0) return Promise.resolve([]);
      return db.selectFrom('longPendingNote').selectAll().where('courtId', '=', courtId).where('caseId', 'in', [...caseIds]).execute();
    },
    getNote(courtId: string, caseId: string) {
      return db.selectFrom('longPendingNote').selectAll().where('courtId', '=', courtId).where('caseId', '=', caseId).executeTakeFirst();
    },
    async insertNote(row: Insertable<LongPendingNoteTable>) {
      await db.insertInto('longPendingNote').values(row).execute();
    },
    /** Optimistic update: false when `version` is no longer current. */
    async updateNote(courtId: string, caseId: string, version: number, patch: Pick<LongPendingNoteTable, 'reason' | 'responsibleName' | 'updatedBy' | 'updatedAt'>) {
      const result = await db
        .updateTable('longPendingNote')
        .set({ ...patch, version: version + 1 })
        .where('courtId', '=', courtId)
        .where('caseId', '=', caseId)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
export type LongPendingRepository = ReturnType<typeof createLongPendingRepository>;
