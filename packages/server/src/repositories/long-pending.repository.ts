import type { Insertable } from 'kysely';
import type { Db } from '../db/database.js';
import type { LongPendingNoteTable, LongPendingSnapshotTable } from '../db/schema.js';

const NOTE_LOOKUP_CHUNK = 1_000;

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
    /**
     * The notes of these cases, in statements of up to 1,000 ids: one court can list more cases than
     * a statement takes parameters (SQLite 32,766, PostgreSQL 65,535).
     */
    async listNotes(courtId: string, caseIds: readonly string[]) {
      const notes: LongPendingNoteTable[] = [];
      for (let i = 0; i < caseIds.length; i += NOTE_LOOKUP_CHUNK) {
        for (const note of await db.selectFrom('longPendingNote').selectAll().where('courtId', '=', courtId).where('caseId', 'in', caseIds.slice(i, i + NOTE_LOOKUP_CHUNK)).execute()) notes.push(note);
      }
      return notes;
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
