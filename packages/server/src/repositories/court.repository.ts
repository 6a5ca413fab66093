import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { CourtTable } from '../db/schema.js';

export function createCourtRepository(db: Db) {
  return {
    listAll() {
      return db.selectFrom('court').selectAll().orderBy('sort').orderBy('code').execute();
    },
    listByIds(ids: readonly string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('court').selectAll().where('id', 'in', [...ids]).orderBy('sort').orderBy('code').execute();
    },
    getById(id: string) {
      return db.selectFrom('court').selectAll().where('id', '=', id).executeTakeFirst();
    },
    getByCode(code: string) {
      return db.selectFrom('court').selectAll().where('code', '=', code).executeTakeFirst();
    },
    countAll() {
      return db
        .selectFrom('court')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    },
    async insert(row: Insertable<CourtTable>) {
      await db.insertInto('court').values(row).execute();
    },
    /** Applies the patch when `version` still matches; returns whether a row changed. */
    async update(id: string, version: number, patch: Updateable<CourtTable>) {
      const result = await db
        .updateTable('court')
        .set({ ...patch, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
export type CourtRepository = ReturnType<typeof createCourtRepository>;
