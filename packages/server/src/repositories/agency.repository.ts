import type { AgencyListQuery } from '@courtrisk/core';
import type { Insertable, Updateable } from 'kysely';
import type { Db, Dialect } from '../db/database.js';
import { containsText } from '../db/dialect.js';
import type { AgencyTable } from '../db/schema.js';

export type AgencyFilter = Omit<AgencyListQuery, 'page' | 'pageSize' | 'order' | 'courtId'>;

/** 协同单位 of one court; deleted agencies stay (tasks and assessments name them) but are not listed. */
export function createAgencyRepository(db: Db, dialect: Dialect) {
  const live = (courtId: string) =>
    db
      .selectFrom('agency')
      .where('agency.courtId', '=', courtId)
      .where('agency.deletedAt', 'is', null);
  const withOpenTasks = (courtId: string) =>
    live(courtId)
      .selectAll('agency')
      .select((eb) =>
        eb
          .selectFrom('riskTask')
          .select(eb.fn.countAll().as('n'))
          .whereRef('riskTask.courtId', '=', 'agency.courtId')
          .whereRef('riskTask.agencyId', '=', 'agency.id')
          .where('riskTask.status', '!=', 'completed')
          .as('openTaskCount'),
      );

  const filtered = <Q extends ReturnType<typeof live>>(query: Q, filter: AgencyFilter): Q => {
    let result = query;
    if (filter.kind) result = result.where('agency.kind', '=', filter.kind) as Q;
    if (filter.keyword) {
      const keyword = filter.keyword;
      result = result.where((eb) => eb.or([containsText(dialect, eb.ref('agency.name'), keyword), containsText(dialect, eb.ref('agency.contacts'), keyword)])) as Q;
    }
    return result;
  };

  return {
    async list(courtId: string, query: AgencyListQuery) {
      const [rows, count] = await Promise.all([
        filtered(withOpenTasks(courtId), query)
          .orderBy('agency.kind')
          .orderBy('agency.name', query.order)
          .orderBy('agency.id')
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize)
          .execute(),
        filtered(live(courtId), query)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    /** A live agency by id, in any court (the caller checks the court is in scope). */
    async getById(id: string) {
      const row = await db.selectFrom('agency').select('courtId').where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
      return row && withOpenTasks(row.courtId).where('agency.id', '=', id).executeTakeFirst();
    },
    /** The live agencies of a court among `ids` (to validate the agencies an assessment or plan names). */
    listByIds(courtId: string, ids: readonly string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return live(courtId).select(['agency.id', 'agency.name']).where('agency.id', 'in', [...ids]).execute();
    },
    /** Names of agencies, deleted ones included (history shows who took part). */
    listNames(courtId: string, ids: readonly string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('agency').select(['id', 'name']).where('courtId', '=', courtId).where('id', 'in', [...ids]).execute();
    },
    async nameTaken(courtId: string, name: string, exceptId?: string) {
      let query = live(courtId).select('agency.id').where('agency.name', '=', name);
      if (exceptId) query = query.where('agency.id', '!=', exceptId);
      return (await query.executeTakeFirst()) !== undefined;
    },
    async insert(row: Insertable<AgencyTable>) {
      await db.insertInto('agency').values(row).execute();
    },
    async updateVersioned(courtId: string, id: string, version: number, patch: Updateable<AgencyTable>) {
      const result = await db
        .updateTable('agency')
        .set({ ...patch, version: version + 1 })
        .where('courtId', '=', courtId)
        .where('id', '=', id)
        .where('deletedAt', 'is', null)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
export type AgencyRepository = ReturnType<typeof createAgencyRepository>;
