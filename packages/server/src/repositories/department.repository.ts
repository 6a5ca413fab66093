import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { DepartmentTable } from '../db/schema.js';

export function createDepartmentRepository(db: Db) {
  return {
    listByCourts(courtIds: readonly string[]) {
      if (courtIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('department')
        .selectAll()
        .where('courtId', 'in', [...courtIds])
        .orderBy('sort')
        .orderBy('code')
        .execute();
    },
    /** Tree nodes of one court, for resolving department scopes. */
    listNodes(courtId: string) {
      return db.selectFrom('department').select(['id', 'parentId']).where('courtId', '=', courtId).execute();
    },
    getById(id: string) {
      return db.selectFrom('department').selectAll().where('id', '=', id).executeTakeFirst();
    },
    getByCode(courtId: string, code: string) {
      return db
        .selectFrom('department')
        .selectAll()
        .where('courtId', '=', courtId)
        .where('code', '=', code)
        .executeTakeFirst();
    },
    async countChildren(courtId: string, id: string) {
      const r = await db
        .selectFrom('department')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('courtId', '=', courtId)
        .where('parentId', '=', id)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async insert(row: Insertable<DepartmentTable>) {
      await db.insertInto('department').values(row).execute();
    },
    async update(id: string, version: number, patch: Updateable<DepartmentTable>) {
      const result = await db
        .updateTable('department')
        .set({ ...patch, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async delete(courtId: string, id: string) {
      await db.deleteFrom('department').where('courtId', '=', courtId).where('id', '=', id).execute();
    },
  };
}
export type DepartmentRepository = ReturnType<typeof createDepartmentRepository>;
