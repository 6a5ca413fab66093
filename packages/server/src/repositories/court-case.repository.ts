import type { CaseListQuery, ResolvedScope } from '@courtrisk/core';
import { sql, type ExpressionBuilder, type Insertable, type Updateable } from 'kysely';
import type { BulkInsert, Db, Dialect } from '../db/database.js';
import { containsText } from '../db/dialect.js';
import type { CasePartyTable, CourtCaseTable, DB } from '../db/schema.js';
import { chunksFor } from './chunks.js';
import { scopeCondition } from './scope-filter.js';

export const CASE_SCOPE = { court: 'courtCase.courtId', department: 'courtCase.departmentId', owner: 'courtCase.judgeAccountId' };

const LEVEL_RANK = sql<number>`min(case warning.level when 'red' then 1 when 'orange' then 2 when 'yellow' then 3 else 4 end)`;

export type CaseFilter = Omit<CaseListQuery, 'page' | 'pageSize' | 'sort' | 'order'>;

export function createCourtCaseRepository(db: Db, dialect: Dialect, bulkInsert: BulkInsert) {
  const filtered = (scope: ResolvedScope, filter: CaseFilter) => {
    let query = db.selectFrom('courtCase').where(scopeCondition(scope, CASE_SCOPE));
    if (filter.courtId) query = query.where('courtCase.courtId', '=', filter.courtId);
    if (filter.caseType) query = query.where('courtCase.caseType', '=', filter.caseType);
    if (filter.status) query = query.where('courtCase.status', '=', filter.status);
    if (filter.filedFrom) query = query.where('courtCase.filedOn', '>=', filter.filedFrom);
    if (filter.filedTo) query = query.where('courtCase.filedOn', '<=', filter.filedTo);
    if (filter.cause) {
      const cause = filter.cause;
      query = query.where((eb) => containsText(dialect, eb.ref('courtCase.causes'), `"${cause}`));
    }
    if (filter.keyword) {
      const keyword = filter.keyword;
      query = query.where((eb) =>
        eb.or([
          containsText(dialect, eb.ref('courtCase.caseNumber'), keyword),
          eb.exists(
            eb
              .selectFrom('caseParty')
              .select('caseParty.id')
              .whereRef('caseParty.courtId', '=', 'courtCase.courtId')
              .whereRef('caseParty.caseId', '=', 'courtCase.id')
              .where((p) => containsText(dialect, p.ref('caseParty.name'), keyword)),
          ),
        ]),
      );
    }
    if (filter.domain || filter.level || filter.hasWarnings) {
      const warnings = (eb: ExpressionBuilder<DB, 'courtCase'>) => {
        let sub = eb
          .selectFrom('warning')
          .select('warning.id')
          .whereRef('warning.courtId', '=', 'courtCase.courtId')
          .whereRef('warning.caseId', '=', 'courtCase.id')
          .where('warning.active', '=', 1)
          .where('warning.status', 'in', ['pending', 'confirmed']);
        if (filter.domain) sub = sub.where('warning.domain', '=', filter.domain);
        if (filter.level) sub = sub.where('warning.level', '=', filter.level);
        return eb.exists(sub);
      };
      query = query.where((eb) => (filter.hasWarnings === 'false' ? eb.not(warnings(eb)) : warnings(eb)));
    }
    return query;
  };

  const withSummary = (scope: ResolvedScope, filter: CaseFilter) =>
    filtered(scope, filter)
      .innerJoin('court', 'court.id', 'courtCase.courtId')
      .selectAll('courtCase')
      .select('court.name as courtName')
      .select((eb) => [
        eb
          .selectFrom('warning')
          .select(eb.fn.countAll().as('n'))
          .whereRef('warning.courtId', '=', 'courtCase.courtId')
          .whereRef('warning.caseId', '=', 'courtCase.id')
          .where('warning.active', '=', 1)
          .where('warning.status', 'in', ['pending', 'confirmed'])
          .as('warningCount'),
        eb
          .selectFrom('warning')
          .select(LEVEL_RANK.as('rank'))
          .whereRef('warning.courtId', '=', 'courtCase.courtId')
          .whereRef('warning.caseId', '=', 'courtCase.id')
          .where('warning.active', '=', 1)
          .where('warning.status', 'in', ['pending', 'confirmed'])
          .as('topLevelRank'),
      ]);

  const sortColumn = { filedOn: 'courtCase.filedOn', caseNumber: 'courtCase.caseNumber', amount: 'courtCase.amountFen' } as const;

  return {
    async list(scope: ResolvedScope, query: CaseListQuery) {
      const [rows, count] = await Promise.all([
        withSummary(scope, query)
          .orderBy(sortColumn[query.sort], query.order)
          .orderBy('courtCase.id')
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize)
          .execute(),
        filtered(scope, query).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    listAll(scope: ResolvedScope, filter: CaseFilter, limit: number) {
      return withSummary(scope, filter).orderBy('courtCase.filedOn', 'desc').limit(limit).execute();
    },
    getSummary(scope: ResolvedScope, id: string) {
      return withSummary(scope, {}).where('courtCase.id', '=', id).executeTakeFirst();
    },
    getById(id: string) {
      return db.selectFrom('courtCase').selectAll().where('id', '=', id).executeTakeFirst();
    },
    listParties(courtId: string, caseIds: readonly string[]) {
      if (caseIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('caseParty')
        .selectAll()
        .where('courtId', '=', courtId)
        .where('caseId', 'in', [...caseIds])
        .orderBy('caseId')
        .orderBy('seq')
        .execute();
    },
    /** The stored identity of each case number in one court, for upserts. */
    listExisting(courtId: string, caseNumbers: readonly string[]) {
      if (caseNumbers.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('courtCase')
        .select(['id', 'caseNumber', 'contentHash', 'importJobId', 'version'])
        .where('courtId', '=', courtId)
        .where('caseNumber', 'in', [...caseNumbers])
        .execute();
    },
    async insertMany(rows: Insertable<CourtCaseTable>[]) {
      await bulkInsert(db, 'courtCase', rows);
    },
    async update(id: string, patch: Updateable<CourtCaseTable>) {
      await db
        .updateTable('courtCase')
        .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .execute();
    },
    async replaceParties(courtId: string, caseIds: readonly string[], rows: Insertable<CasePartyTable>[]) {
      if (caseIds.length > 0) {
        for (const ids of chunksFor(caseIds.map((id) => ({ id })))) {
          await db
            .deleteFrom('caseParty')
            .where('courtId', '=', courtId)
            .where('caseId', 'in', ids.map((r) => r.id))
            .execute();
        }
      }
      await bulkInsert(db, 'caseParty', rows);
    },
    async countInCourt(courtId: string) {
      const r = await db.selectFrom('courtCase').select((eb) => eb.fn.countAll().as('n')).where('courtId', '=', courtId).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    /** Cases in pages of ids, for re-screening after a rule change. */
    listIdsAfter(courtId: string, afterId: string, limit: number) {
      return db
        .selectFrom('courtCase')
        .select('id')
        .where('courtId', '=', courtId)
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute()
        .then((rows) => rows.map((r) => r.id));
    },
    listByIds(courtId: string, ids: readonly string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('courtCase').selectAll().where('courtId', '=', courtId).where('id', 'in', [...ids]).execute();
    },
  };
}
export type CourtCaseRepository = ReturnType<typeof createCourtCaseRepository>;

/** Ranks of LEVEL_RANK back to level codes. */
export const LEVEL_BY_RANK = ['red', 'orange', 'yellow', 'blue'] as const;
