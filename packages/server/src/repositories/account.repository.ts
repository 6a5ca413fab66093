import type { AccountListQuery, ResolvedScope } from '@courtrisk/core';
import type { Insertable, Updateable } from 'kysely';
import type { Db, Dialect } from '../db/database.js';
import { containsText } from '../db/dialect.js';
import type { AccountTable } from '../db/schema.js';
import { scopeCondition } from './scope-filter.js';

const ACCOUNT_SCOPE = { court: 'account.courtId', department: 'account.departmentId', owner: 'account.id' };

const sortColumn = {
  username: 'account.username',
  displayName: 'account.displayName',
  createdAt: 'account.createdAt',
  lastLoginAt: 'account.lastLoginAt',
} as const;

export type AccountFilter = Omit<AccountListQuery, 'page' | 'pageSize' | 'sort' | 'order'>;

export function createAccountRepository(db: Db, dialect: Dialect) {
  const listQuery = (scope: ResolvedScope, filter: AccountFilter) => {
    let query = db
      .selectFrom('account')
      .innerJoin('court', 'court.id', 'account.courtId')
      .leftJoin('department', (j) =>
        j.onRef('department.id', '=', 'account.departmentId').onRef('department.courtId', '=', 'account.courtId'),
      )
      .where(scopeCondition(scope, ACCOUNT_SCOPE));
    if (filter.courtId) query = query.where('account.courtId', '=', filter.courtId);
    if (filter.departmentId) query = query.where('account.departmentId', '=', filter.departmentId);
    if (filter.status) query = query.where('account.status', '=', filter.status);
    if (filter.keyword) {
      const keyword = filter.keyword;
      query = query.where((eb) =>
        eb.or([
          containsText(dialect, eb.ref('account.username'), keyword),
          containsText(dialect, eb.ref('account.displayName'), keyword),
        ]),
      );
    }
    return query;
  };

  return {
    async list(scope: ResolvedScope, query: AccountListQuery) {
      const base = listQuery(scope, query);
      const [rows, count] = await Promise.all([
        base
          .selectAll('account')
          .select(['court.name as courtName', 'department.name as departmentName'])
          .orderBy(sortColumn[query.sort], query.order)
          .orderBy('account.id')
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    /** Every matching row, for XLSX export (capped by the caller). */
    listAll(scope: ResolvedScope, filter: AccountFilter, limit: number) {
      return listQuery(scope, filter)
        .selectAll('account')
        .select(['court.name as courtName', 'department.name as departmentName'])
        .orderBy('account.courtId')
        .orderBy('account.username')
        .limit(limit)
        .execute();
    },
    getView(id: string) {
      return db
        .selectFrom('account')
        .innerJoin('court', 'court.id', 'account.courtId')
        .leftJoin('department', (j) =>
          j.onRef('department.id', '=', 'account.departmentId').onRef('department.courtId', '=', 'account.courtId'),
        )
        .selectAll('account')
        .select(['court.name as courtName', 'department.name as departmentName'])
        .where('account.id', '=', id)
        .executeTakeFirst();
    },
    getById(id: string) {
      return db.selectFrom('account').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** Usernames are kept unique across courts by the service, so login needs no court choice. */
    getByUsername(username: string) {
      return db.selectFrom('account').selectAll().where('username', '=', username).executeTakeFirst();
    },
    async countInDepartment(courtId: string, departmentId: string) {
      const r = await db
        .selectFrom('account')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('courtId', '=', courtId)
        .where('departmentId', '=', departmentId)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async countAll() {
      const r = await db.selectFrom('account').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async insert(row: Insertable<AccountTable>) {
      await db.insertInto('account').values(row).execute();
    },
    async update(id: string, version: number, patch: Updateable<AccountTable>) {
      const result = await db
        .updateTable('account')
        .set({ ...patch, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    /** Login bookkeeping changes no user-visible data, so it does not bump the version. */
    async setLoginState(
      id: string,
      state: Pick<Updateable<AccountTable>, 'failedAttempts' | 'lockedUntil' | 'lastLoginAt'>,
    ) {
      await db.updateTable('account').set(state).where('id', '=', id).execute();
    },
  };
}
export type AccountRepository = ReturnType<typeof createAccountRepository>;
