import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { DictionaryItemTable } from '../db/schema.js';

export function createDictionaryRepository(db: Db) {
  return {
    list(courtIds: readonly string[], type?: string) {
      if (courtIds.length === 0) return Promise.resolve([]);
      let query = db.selectFrom('dictionaryItem').selectAll().where('courtId', 'in', [...courtIds]);
      if (type) query = query.where('type', '=', type);
      return query.orderBy('type').orderBy('sort').orderBy('code').execute();
    },
    getById(id: string) {
      return db.selectFrom('dictionaryItem').selectAll().where('id', '=', id).executeTakeFirst();
    },
    getByCode(courtId: string, type: string, code: string) {
      return db
        .selectFrom('dictionaryItem')
        .selectAll()
        .where('courtId', '=', courtId)
        .where('type', '=', type)
        .where('code', '=', code)
        .executeTakeFirst();
    },
    async insert(rows: Insertable<DictionaryItemTable> | Insertable<DictionaryItemTable>[]) {
      await db.insertInto('dictionaryItem').values(rows).execute();
    },
    async update(id: string, version: number, patch: Updateable<DictionaryItemTable>) {
      const result = await db
        .updateTable('dictionaryItem')
        .set({ ...patch, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async delete(courtId: string, id: string) {
      await db.deleteFrom('dictionaryItem').where('courtId', '=', courtId).where('id', '=', id).execute();
    },
  };
}
export type DictionaryRepository = ReturnType<typeof createDictionaryRepository>;
