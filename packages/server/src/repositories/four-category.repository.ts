import type { FourCategoryListQuery, ResolvedScope } from '@courtrisk/core';
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { FourCategoryLabelTable, FourCategorySupervisionTable } from '../db/schema.js';
import { CASE_SCOPE } from './court-case.repository.js';
import { scopeCondition } from './scope-filter.js';

type ListFilter = Omit<FourCategoryListQuery, 'page' | 'pageSize'>;

/** 四类案件 labels and 院庭长 supervision records. Lists are scoped through the labelled case. */
export function createFourCategoryRepository(db: Db) {
  /** Cases in scope carrying at least one confirmed label (of `category` when given). */
  const labelledCases = (scope: ResolvedScope, filter: ListFilter) => {
    let query = db
      .selectFrom('courtCase')
      .where(scopeCondition(scope, CASE_SCOPE))
      .where((eb) => {
        let labels = eb
          .selectFrom('fourCategoryLabel')
          .select('fourCategoryLabel.id')
          .whereRef('fourCategoryLabel.courtId', '=', 'courtCase.courtId')
          .whereRef('fourCategoryLabel.caseId', '=', 'courtCase.id')
          .where('fourCategoryLabel.status', '=', 'confirmed');
        if (filter.category) labels = labels.where('fourCategoryLabel.category', '=', filter.category);
        return eb.exists(labels);
      });
    if (filter.courtId) query = query.where('courtCase.courtId', '=', filter.courtId);
    if (filter.departmentId) query = query.where('courtCase.departmentId', '=', filter.departmentId);
    if (filter.open === 'true') query = query.where('courtCase.closedOn', 'is', null);
    return query;
  };

  return {
    listLabelsForCase(courtId: string, caseId: string) {
      return db.selectFrom('fourCategoryLabel').selectAll().where('courtId', '=', courtId).where('caseId', '=', caseId).orderBy('category').execute();
    },
    listLabelsForCases(courtId: string, caseIds: readonly string[]) {
      if (caseIds.length === 0) return Promise.resolve([]);
      return db.selectFrom('fourCategoryLabel').selectAll().where('courtId', '=', courtId).where('caseId', 'in', [...caseIds]).where('status', '=', 'confirmed').execute();
    },
    getLabel(courtId: string, id: string) {
      return db.selectFrom('fourCategoryLabel').selectAll().where('courtId', '=', courtId).where('id', '=', id).executeTakeFirst();
    },
    getLabelById(id: string) {
      return db.selectFrom('fourCategoryLabel').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async insertLabel(row: Insertable<FourCategoryLabelTable>) {
      await db.insertInto('fourCategoryLabel').values(row).execute();
    },
    /** Optimistic update: false when `version` is no longer current. */
    async updateLabel(courtId: string, id: string, version: number, patch: Updateable<FourCategoryLabelTable>) {
      const result = await db
        .updateTable('fourCategoryLabel')
        .set({ ...patch, version: version + 1 })
        .where('courtId', '=', courtId)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    listSupervisions(courtId: string, caseId: string) {
      return db.selectFrom('fourCategorySupervision').selectAll().where('courtId', '=', courtId).where('caseId', '=', caseId).orderBy('actedAt', 'desc').orderBy('id', 'desc').execute();
    },
    async insertSupervision(row: Insertable<FourCategorySupervisionTable>) {
      await db.insertInto('fourCategorySupervision').values(row).execute();
    },
    async listCases(scope: ResolvedScope, filter: ListFilter, page: { limit: number; offset: number }) {
      const [rows, count] = await Promise.all([
        labelledCases(scope, filter)
          .innerJoin('court', 'court.id', 'courtCase.courtId')
          .select(['courtCase.id', 'courtCase.courtId', 'courtCase.caseNumber', 'courtCase.departmentName', 'courtCase.judgeName', 'courtCase.filedOn', 'courtCase.closedOn', 'court.name as courtName'])
          .select((eb) => [
            eb
              .selectFrom('fourCategorySupervision')
              .select(eb.fn.countAll().as('n'))
              .whereRef('fourCategorySupervision.courtId', '=', 'courtCase.courtId')
              .whereRef('fourCategorySupervision.caseId', '=', 'courtCase.id')
              .as('supervisionCount'),
            eb
              .selectFrom('fourCategorySupervision')
              .select((sub) => sub.fn.max('fourCategorySupervision.actedAt').as('last'))
              .whereRef('fourCategorySupervision.courtId', '=', 'courtCase.courtId')
              .whereRef('fourCategorySupervision.caseId', '=', 'courtCase.id')
              .as('lastSupervisedAt'),
          ])
          .orderBy('courtCase.filedOn', 'desc')
          .orderBy('courtCase.id')
          .limit(page.limit)
          .offset(page.offset)
          .execute(),
        labelledCases(scope, filter).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    /** Confirmed labels per court, department and category, with how many have no supervision record yet. */
    countByDepartment(scope: ResolvedScope, filter: ListFilter) {
      return labelledCases(scope, filter)
        .innerJoin('court', 'court.id', 'courtCase.courtId')
        .innerJoin('fourCategoryLabel', (j) =>
          j.onRef('fourCategoryLabel.courtId', '=', 'courtCase.courtId').onRef('fourCategoryLabel.caseId', '=', 'courtCase.id').on('fourCategoryLabel.status', '=', 'confirmed'),
        )
        .$if(filter.category !== undefined, (q) => q.where('fourCategoryLabel.category', '=', filter.category!))
        .select(['court.name as courtName', 'courtCase.departmentName', 'fourCategoryLabel.category'])
        .select((eb) => [
          eb.fn.countAll().as('cases'),
          eb.fn
            .sum(
              eb
                .case()
                .when(
                  eb.not(
                    eb.exists(
                      eb
                        .selectFrom('fourCategorySupervision')
                        .select('fourCategorySupervision.id')
                        .whereRef('fourCategorySupervision.courtId', '=', 'courtCase.courtId')
                        .whereRef('fourCategorySupervision.caseId', '=', 'courtCase.id'),
                    ),
                  ),
                )
                .then(1)
                .else(0)
                .end(),
            )
            .as('unsupervised'),
        ])
        .groupBy(['court.name', 'courtCase.departmentName', 'fourCategoryLabel.category'])
        .orderBy('court.name')
        .orderBy('courtCase.departmentName')
        .orderBy('fourCategoryLabel.category')
        .execute();
    },
  };
}
export type FourCategoryRepository = ReturnType<typeof createFourCategoryRepository>;
