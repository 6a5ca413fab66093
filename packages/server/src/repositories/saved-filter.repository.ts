import type { Insertable } from 'kysely';
import type { Db } from '../db/database.js';
import type { SavedFilterTable } from '../db/schema.js';

/** An account's saved list filters; always bound to the owner's court and account. */
export function createSavedFilterRepository(db: Db) {
  const own = (courtId: string, accountId: string) =>
    db.selectFrom('savedFilter').where('courtId', '=', courtId).where('accountId', '=', accountId);
  return {
    list(courtId: string, accountId: string, page: string) {
      return own(courtId, accountId).selectAll().where('page', '=', page).orderBy('name').execute();
    },
    async count(courtId: string, accountId: string, page: string) {
      const row = await own(courtId, accountId).where('page', '=', page).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    get(courtId: string, accountId: string, id: string) {
      return own(courtId, accountId).selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** False when the account already has a filter of that name on that page. */
    async insert(row: Insertable<SavedFilterTable>) {
      const inserted = await db
        .insertInto('savedFilter')
        .values(row)
        .onConflict((oc) => oc.columns(['courtId', 'accountId', 'page', 'name']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted !== undefined;
    },
    async delete(courtId: string, accountId: string, id: string) {
      await db.deleteFrom('savedFilter').where('courtId', '=', courtId).where('accountId', '=', accountId).where('id', '=', id).execute();
    },
  };
}
export type SavedFilterRepository = ReturnType<typeof createSavedFilterRepository>;
