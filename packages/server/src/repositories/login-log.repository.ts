import type { LoginLogListQuery, ResolvedScope } from '@courtrisk/core';
import type { Insertable } from 'kysely';
import type { Db } from '../db/database.js';
import type { LoginLogTable } from '../db/schema.js';
import { chinaDayEndUtc, chinaDayStartUtc } from './time-filter.js';
import { scopeCondition } from './scope-filter.js';

const LOGIN_LOG_SCOPE = { court: 'loginLog.courtId', owner: 'loginLog.accountId' };

export type LoginLogFilter = Omit<LoginLogListQuery, 'page' | 'pageSize' | 'order'>;

export function createLoginLogRepository(db: Db) {
  const filtered = (scope: ResolvedScope, filter: LoginLogFilter) => {
    let query = db.selectFrom('loginLog').where(scopeCondition(scope, LOGIN_LOG_SCOPE));
    if (filter.courtId) query = query.where('loginLog.courtId', '=', filter.courtId);
    if (filter.username) query = query.where('loginLog.username', '=', filter.username);
    if (filter.success) query = query.where('loginLog.success', '=', filter.success === 'true' ? 1 : 0);
    if (filter.from) query = query.where('loginLog.at', '>=', chinaDayStartUtc(filter.from));
    if (filter.to) query = query.where('loginLog.at', '<', chinaDayEndUtc(filter.to));
    return query;
  };
  return {
    async insert(row: Insertable<LoginLogTable>) {
      await db.insertInto('loginLog').values(row).execute();
    },
    async list(scope: ResolvedScope, query: LoginLogListQuery) {
      const base = filtered(scope, query);
      const [rows, count] = await Promise.all([
        base
          .selectAll()
          .orderBy('loginLog.at', query.order)
          .orderBy('loginLog.id')
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    listAll(scope: ResolvedScope, filter: LoginLogFilter, limit: number) {
      return filtered(scope, filter).selectAll().orderBy('loginLog.at', 'desc').limit(limit).execute();
    },
  };
}
export type LoginLogRepository = ReturnType<typeof createLoginLogRepository>;
