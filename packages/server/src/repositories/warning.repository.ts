import type { ResolvedScope, WarningListQuery } from '@courtrisk/core';
import type { Insertable, Updateable } from 'kysely';
import type { BulkInsert, Db } from '../db/database.js';
import type { WarningTable } from '../db/schema.js';
import { scopeCondition } from './scope-filter.js';

/** The data-scope columns of a case warning (GET /warnings; a risk's 关联预警 too). */
export const WARNING_SCOPE = { court: 'warning.courtId', department: 'warning.departmentId', owner: 'warning.judgeAccountId' };

export type WarningFilter = Omit<WarningListQuery, 'page' | 'pageSize' | 'order'>;

export function createWarningRepository(db: Db, bulkInsert: BulkInsert) {
  /** Warnings with their case number and the risk they were confirmed into (if any). */
  const withCase = () =>
    db
      .selectFrom('warning')
      .innerJoin('courtCase', (j) => j.onRef('courtCase.id', '=', 'warning.caseId').onRef('courtCase.courtId', '=', 'warning.courtId'))
      .leftJoin('riskWarning', (j) => j.onRef('riskWarning.warningId', '=', 'warning.id').onRef('riskWarning.courtId', '=', 'warning.courtId'));
  const filtered = (scope: ResolvedScope, filter: WarningFilter) => {
    let query = withCase().where(scopeCondition(scope, WARNING_SCOPE));
    if (filter.courtId) query = query.where('warning.courtId', '=', filter.courtId);
    if (filter.caseId) query = query.where('warning.caseId', '=', filter.caseId);
    if (filter.status) query = query.where('warning.status', '=', filter.status);
    if (filter.domain) query = query.where('warning.domain', '=', filter.domain);
    if (filter.level) query = query.where('warning.level', '=', filter.level);
    if (filter.ruleId) query = query.where('warning.ruleId', '=', filter.ruleId);
    if (filter.includeInactive !== 'true') query = query.where('warning.active', '=', 1);
    return query;
  };
  return {
    async list(scope: ResolvedScope, query: WarningListQuery) {
      const base = filtered(scope, query);
      const [rows, count] = await Promise.all([
        base
          .selectAll('warning')
          .select(['courtCase.caseNumber', 'riskWarning.riskId'])
          .orderBy('warning.createdAt', query.order)
          .orderBy('warning.id')
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    listForCases(courtId: string, caseIds: readonly string[]) {
      if (caseIds.length === 0) return Promise.resolve([]);
      return withCase()
        .selectAll('warning')
        .select(['courtCase.caseNumber', 'riskWarning.riskId'])
        .where('warning.courtId', '=', courtId)
        .where('warning.caseId', 'in', [...caseIds])
        .orderBy('warning.createdAt')
        .execute();
    },
    getById(id: string) {
      return withCase()
        .selectAll('warning')
        .select(['courtCase.caseNumber', 'riskWarning.riskId'])
        .where('warning.id', '=', id)
        .executeTakeFirst();
    },
    async insertMany(rows: Insertable<WarningTable>[]) {
      await bulkInsert(db, 'warning', rows);
    },
    async update(id: string, patch: Updateable<WarningTable>) {
      await db.updateTable('warning').set(patch).where('id', '=', id).execute();
    },
    async updateVersioned(id: string, version: number, patch: Updateable<WarningTable>) {
      const result = await db
        .updateTable('warning')
        .set({ ...patch, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    /** Per rule: how its warnings were triaged, for the rule's precision figure. */
    statsByRule(courtIds: readonly string[]) {
      if (courtIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('warning')
        .select(['ruleId', 'status'])
        .select((eb) => eb.fn.countAll().as('n'))
        .where('courtId', 'in', [...courtIds])
        .groupBy(['ruleId', 'status'])
        .execute();
    },
  };
}
export type WarningRepository = ReturnType<typeof createWarningRepository>;
