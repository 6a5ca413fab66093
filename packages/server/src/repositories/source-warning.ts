import type { Db } from '../db/database.js';

/** Petition and opinion warnings: the same columns in two tables, triaged the same way. */
export type SourceWarningTableName = 'petitionWarning' | 'opinionWarning';

export interface SourceWarningConfirmation {
  riskId: string;
  triageNote: string | null;
  triagedBy: string;
  triagedAt: string;
}

/** 转为风险: pending → confirmed at this version only; false when it changed or was confirmed meanwhile. */
export async function confirmSourceWarning(db: Db, table: SourceWarningTableName, courtId: string, id: string, version: number, patch: SourceWarningConfirmation) {
  // Both tables share these columns; Kysely types one table at a time, so the union is narrowed to one name.
  const result = await db
    .updateTable(table as 'petitionWarning')
    .set({ ...patch, status: 'confirmed', updatedAt: patch.triagedAt, version: version + 1 })
    .where('courtId', '=', courtId)
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
