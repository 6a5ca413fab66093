import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { RoleTable } from '../db/schema.js';

export function createRoleRepository(db: Db) {
  const withAccountCount = () =>
    db
      .selectFrom('role')
      .selectAll('role')
      .select((eb) =>
        eb
          .selectFrom('accountRole')
          .select(eb.fn.countAll().as('n'))
          .whereRef('accountRole.roleId', '=', 'role.id')
          .whereRef('accountRole.courtId', '=', 'role.courtId')
          .as('accountCount'),
      );
  return {
    listByCourts(courtIds: readonly string[]) {
      if (courtIds.length === 0) return Promise.resolve([]);
      return withAccountCount()
        .where('role.courtId', 'in', [...courtIds])
        .orderBy('role.builtin', 'desc')
        .orderBy('role.code')
        .execute();
    },
    getById(id: string) {
      return withAccountCount().where('role.id', '=', id).executeTakeFirst();
    },
    listByIds(ids: readonly string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('role').selectAll().where('id', 'in', [...ids]).execute();
    },
    getByCode(courtId: string, code: string) {
      return db.selectFrom('role').selectAll().where('courtId', '=', courtId).where('code', '=', code).executeTakeFirst();
    },
    listForAccount(courtId: string, accountId: string) {
      return db
        .selectFrom('accountRole')
        .innerJoin('role', (j) => j.onRef('role.id', '=', 'accountRole.roleId').onRef('role.courtId', '=', 'accountRole.courtId'))
        .selectAll('role')
        .where('accountRole.courtId', '=', courtId)
        .where('accountRole.accountId', '=', accountId)
        .orderBy('role.code')
        .execute();
    },
    listForAccounts(accountIds: readonly string[]) {
      if (accountIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('accountRole')
        .innerJoin('role', (j) => j.onRef('role.id', '=', 'accountRole.roleId').onRef('role.courtId', '=', 'accountRole.courtId'))
        .select(['accountRole.accountId', 'role.id', 'role.name'])
        .where('accountRole.accountId', 'in', [...accountIds])
        .orderBy('role.code')
        .execute();
    },
    async insert(row: Insertable<RoleTable>) {
      await db.insertInto('role').values(row).execute();
    },
    async update(id: string, version: number, patch: Updateable<RoleTable>) {
      const result = await db
        .updateTable('role')
        .set({ ...patch, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async delete(courtId: string, id: string) {
      await db.deleteFrom('role').where('courtId', '=', courtId).where('id', '=', id).execute();
    },
    async setAccountRoles(courtId: string, accountId: string, roleIds: readonly string[]) {
      await db.deleteFrom('accountRole').where('courtId', '=', courtId).where('accountId', '=', accountId).execute();
      if (roleIds.length > 0) {
        await db
          .insertInto('accountRole')
          .values(roleIds.map((roleId) => ({ courtId, accountId, roleId })))
          .execute();
      }
    },
  };
}
export type RoleRepository = ReturnType<typeof createRoleRepository>;
