import type { OpinionListQuery, ResolvedScope, SourceWarningListQuery } from '@courtrisk/core';
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db, Dialect } from '../db/database.js';
import { confirmSourceWarning, type SourceWarningConfirmation } from './source-warning.js';
import { containsText, toCount } from '../db/dialect.js';
import type { OpinionCaseMatchTable, OpinionItemTable, OpinionMetricSnapshotTable, OpinionResponseTable, OpinionWarningTable } from '../db/schema.js';
import { chinaDayEndUtc, chinaDayStartUtc } from './time-filter.js';
import { scopeCondition } from './scope-filter.js';

/** The data-scope columns of an opinion item and its warnings (GET /opinion-warnings; a risk's 关联预警 too). */
export const ITEM_SCOPE = { court: 'opinionItem.courtId', owner: 'opinionItem.createdBy' };

export type OpinionFilter = Omit<OpinionListQuery, 'page' | 'pageSize'>;

/** 舆情 items and what hangs off them; every query names the court. */
export function createOpinionRepository(db: Db, dialect: Dialect) {
  /** Items with their counts of matches, warnings and responses (correlated sub-queries, both dialects). */
  const withCounts = () =>
    db
      .selectFrom('opinionItem')
      .selectAll('opinionItem')
      .select((eb) => [
        eb.selectFrom('opinionCaseMatch').select(eb.fn.countAll().as('n')).whereRef('opinionCaseMatch.courtId', '=', 'opinionItem.courtId').whereRef('opinionCaseMatch.itemId', '=', 'opinionItem.id').where('opinionCaseMatch.status', '!=', 'rejected').as('matchCount'),
        eb.selectFrom('opinionCaseMatch').select(eb.fn.countAll().as('n')).whereRef('opinionCaseMatch.courtId', '=', 'opinionItem.courtId').whereRef('opinionCaseMatch.itemId', '=', 'opinionItem.id').where('opinionCaseMatch.status', '=', 'confirmed').as('confirmedMatchCount'),
        eb.selectFrom('opinionWarning').select(eb.fn.countAll().as('n')).whereRef('opinionWarning.courtId', '=', 'opinionItem.courtId').whereRef('opinionWarning.itemId', '=', 'opinionItem.id').as('warningCount'),
        eb.selectFrom('opinionResponse').select(eb.fn.countAll().as('n')).whereRef('opinionResponse.courtId', '=', 'opinionItem.courtId').whereRef('opinionResponse.itemId', '=', 'opinionItem.id').as('responseCount'),
      ]);

  const filtered = <Q extends ReturnType<typeof withCounts>>(query: Q, scope: ResolvedScope, filter: OpinionFilter): Q => {
    let q = query.where(scopeCondition(scope, ITEM_SCOPE)) as Q;
    if (filter.sourceKind) q = q.where('opinionItem.sourceKind', '=', filter.sourceKind) as Q;
    if (filter.sentiment) q = q.where('opinionItem.sentimentLabel', '=', filter.sentiment) as Q;
    if (filter.minHeat !== undefined) q = q.where('opinionItem.heat', '>=', filter.minHeat) as Q;
    if (filter.publishedFrom) q = q.where('opinionItem.publishedAt', '>=', chinaDayStartUtc(filter.publishedFrom)) as Q;
    if (filter.publishedTo) q = q.where('opinionItem.publishedAt', '<', chinaDayEndUtc(filter.publishedTo)) as Q;
    if (filter.keyword) {
      const keyword = filter.keyword;
      q = q.where((eb) => eb.or([containsText(dialect, eb.ref('opinionItem.title'), keyword), containsText(dialect, eb.ref('opinionItem.text'), keyword), containsText(dialect, eb.ref('opinionItem.sourceName'), keyword)])) as Q;
    }
    if (filter.hasMatches) {
      const exists = sql<boolean>`exists (select 1 from opinion_case_match m where m.court_id = ${sql.ref('opinionItem.courtId')} and m.item_id = ${sql.ref('opinionItem.id')} and m.status <> 'rejected')`;
      q = q.where(filter.hasMatches === 'true' ? exists : sql<boolean>`not ${exists}`) as Q;
    }
    if (filter.hasWarnings) {
      const exists = sql<boolean>`exists (select 1 from opinion_warning w where w.court_id = ${sql.ref('opinionItem.courtId')} and w.item_id = ${sql.ref('opinionItem.id')})`;
      q = q.where(filter.hasWarnings === 'true' ? exists : sql<boolean>`not ${exists}`) as Q;
    }
    return q;
  };
  const sortColumn = { publishedAt: 'opinionItem.publishedAt', heat: 'opinionItem.heat', sentimentScore: 'opinionItem.sentimentScore' } as const;

  return {
    async list(scope: ResolvedScope, query: OpinionListQuery) {
      const [rows, count] = await Promise.all([
        filtered(withCounts(), scope, query)
          .orderBy(sortColumn[query.sort], query.order)
          .orderBy('opinionItem.id')
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize)
          .execute(),
        filtered(withCounts(), scope, query).clearSelect().select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: toCount(count.n) };
    },
    /** For the XLSX export: the filtered items, at most `limit`. */
    listAll(scope: ResolvedScope, filter: OpinionFilter, limit: number) {
      return filtered(withCounts(), scope, filter).orderBy(sortColumn[filter.sort], filter.order).orderBy('opinionItem.id').limit(limit).execute();
    },
    /** An item in any court (the caller checks scope). */
    async getById(id: string) {
      const row = await db.selectFrom('opinionItem').select('courtId').where('id', '=', id).executeTakeFirst();
      return row && withCounts().where('opinionItem.courtId', '=', row.courtId).where('opinionItem.id', '=', id).executeTakeFirst();
    },
    /** The court's item with the same source and URL, or else the same content. */
    async findSame(courtId: string, sourceKind: string, urlKey: string | null, contentHash: string) {
      if (urlKey) {
        const byUrl = await db.selectFrom('opinionItem').selectAll().where('courtId', '=', courtId).where('sourceKind', '=', sourceKind).where('urlKey', '=', urlKey).executeTakeFirst();
        if (byUrl) return byUrl;
      }
      return db.selectFrom('opinionItem').selectAll().where('courtId', '=', courtId).where('contentHash', '=', contentHash).executeTakeFirst();
    },
    async insertItem(row: Insertable<OpinionItemTable>) {
      await db.insertInto('opinionItem').values(row).execute();
    },
    async updateItem(courtId: string, id: string, patch: Updateable<OpinionItemTable>) {
      await db
        .updateTable('opinionItem')
        .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
        .where('courtId', '=', courtId)
        .where('id', '=', id)
        .execute();
    },

    listSnapshots(courtId: string, itemId: string) {
      return db.selectFrom('opinionMetricSnapshot').selectAll().where('courtId', '=', courtId).where('itemId', '=', itemId).orderBy('capturedAt').execute();
    },
    /** One snapshot per item and instant: the same instant again replaces the counters. */
    async putSnapshot(row: Insertable<OpinionMetricSnapshotTable>) {
      await db
        .insertInto('opinionMetricSnapshot')
        .values(row)
        .onConflict((oc) => oc.columns(['courtId', 'itemId', 'capturedAt']).doUpdateSet({ reads: row.reads, reposts: row.reposts, comments: row.comments, likes: row.likes, heat: row.heat }))
        .execute();
    },

    listMatches(courtId: string, itemId: string) {
      return db.selectFrom('opinionCaseMatch').selectAll().where('courtId', '=', courtId).where('itemId', '=', itemId).orderBy('score', 'desc').orderBy('caseNumber').execute();
    },
    async insertMatches(rows: Insertable<OpinionCaseMatchTable>[]) {
      if (rows.length > 0) await db.insertInto('opinionCaseMatch').values(rows).execute();
    },
    /** Refreshes a still-undecided suggestion's score and evidence. */
    async refreshSuggestion(courtId: string, id: string, patch: Pick<OpinionCaseMatchTable, 'score' | 'confidence' | 'evidence' | 'updatedAt'>) {
      await db.updateTable('opinionCaseMatch').set(patch).where('courtId', '=', courtId).where('id', '=', id).where('status', '=', 'suggested').execute();
    },
    async updateMatchVersioned(courtId: string, id: string, version: number, patch: Updateable<OpinionCaseMatchTable>) {
      const result = await db
        .updateTable('opinionCaseMatch')
        .set({ ...patch, version: version + 1 })
        .where('courtId', '=', courtId)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    getWarning(id: string) {
      return db.selectFrom('opinionWarning').selectAll().where('id', '=', id).executeTakeFirst();
    },
    confirmWarning(courtId: string, id: string, version: number, patch: SourceWarningConfirmation) {
      return confirmSourceWarning(db, 'opinionWarning', courtId, id, version, patch);
    },
    /** GET /opinion-warnings: warnings of the items in scope, with each item's title. */
    async listWarningsInScope(scope: ResolvedScope, query: SourceWarningListQuery) {
      let base = db
        .selectFrom('opinionWarning')
        .innerJoin('opinionItem', (j) => j.onRef('opinionItem.id', '=', 'opinionWarning.itemId').onRef('opinionItem.courtId', '=', 'opinionWarning.courtId'))
        .where(scopeCondition(scope, ITEM_SCOPE));
      if (query.courtId) base = base.where('opinionWarning.courtId', '=', query.courtId);
      if (query.status) base = base.where('opinionWarning.status', '=', query.status);
      if (query.level) base = base.where('opinionWarning.level', '=', query.level);
      const [rows, count] = await Promise.all([
        base
          .selectAll('opinionWarning')
          .select('opinionItem.title as itemTitle')
          .orderBy('opinionWarning.createdAt', query.order)
          .orderBy('opinionWarning.id')
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    listWarnings(courtId: string, itemId: string) {
      return db.selectFrom('opinionWarning').selectAll().where('courtId', '=', courtId).where('itemId', '=', itemId).orderBy('createdAt').orderBy('id').execute();
    },
    async insertWarning(row: Insertable<OpinionWarningTable>) {
      await db.insertInto('opinionWarning').values(row).execute();
    },
    async updateWarning(courtId: string, id: string, patch: Updateable<OpinionWarningTable>) {
      await db
        .updateTable('opinionWarning')
        .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
        .where('courtId', '=', courtId)
        .where('id', '=', id)
        .execute();
    },

    listResponses(courtId: string, itemId: string) {
      return db.selectFrom('opinionResponse').selectAll().where('courtId', '=', courtId).where('itemId', '=', itemId).orderBy('respondedAt').orderBy('id').execute();
    },
    async insertResponse(row: Insertable<OpinionResponseTable>) {
      await db.insertInto('opinionResponse').values(row).execute();
    },

    /** Changes when a case of the court is added or changed: the case matcher's cache key. */
    async caseSetKey(courtId: string) {
      const row = await db
        .selectFrom('courtCase')
        .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('updatedAt').as('latest')])
        .where('courtId', '=', courtId)
        .executeTakeFirstOrThrow();
      return `${toCount(row.n)}@${String(row.latest ?? '')}`;
    },
    /** What the case matcher reads: each case's number and judge, and its parties. */
    async listMatchableCases(courtId: string) {
      const [cases, parties] = await Promise.all([
        db.selectFrom('courtCase').select(['id', 'courtId', 'caseNumber', 'judgeName']).where('courtId', '=', courtId).execute(),
        db.selectFrom('caseParty').select(['caseId', 'name', 'kind']).where('courtId', '=', courtId).orderBy('caseId').orderBy('seq').execute(),
      ]);
      return { cases, parties };
    },
    /** Case identities by id (to check a decision names a case of the court). */
    listCases(courtId: string, ids: readonly string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('courtCase').select(['id', 'caseNumber', 'departmentId', 'judgeAccountId']).where('courtId', '=', courtId).where('id', 'in', [...ids]).execute();
    },
    /** Active accounts of the court with their roles' permissions (JSON), to find the opinion staff. */
    listAccountPermissions(courtId: string) {
      return db
        .selectFrom('account')
        .innerJoin('accountRole', (j) => j.onRef('accountRole.accountId', '=', 'account.id').onRef('accountRole.courtId', '=', 'account.courtId'))
        .innerJoin('role', (j) => j.onRef('role.id', '=', 'accountRole.roleId').onRef('role.courtId', '=', 'accountRole.courtId'))
        .select(['account.id', 'role.permissions'])
        .where('account.courtId', '=', courtId)
        .where('account.status', '=', 'active')
        .execute();
    },

    /** Snapshots of the items in scope captured between two instants (for the heat trend), with the item's title and label. */
    listSnapshotsBetween(scope: ResolvedScope, fromIso: string, toIso: string) {
      return db
        .selectFrom('opinionMetricSnapshot')
        .innerJoin('opinionItem', (j) => j.onRef('opinionItem.id', '=', 'opinionMetricSnapshot.itemId').onRef('opinionItem.courtId', '=', 'opinionMetricSnapshot.courtId'))
        .select(['opinionMetricSnapshot.itemId', 'opinionMetricSnapshot.capturedAt', 'opinionMetricSnapshot.heat', 'opinionItem.title', 'opinionItem.sentimentLabel'])
        .where(scopeCondition(scope, ITEM_SCOPE))
        .where('opinionMetricSnapshot.capturedAt', '>=', fromIso)
        .where('opinionMetricSnapshot.capturedAt', '<', toIso)
        .orderBy('opinionMetricSnapshot.capturedAt')
        .execute();
    },
  };
}
export type OpinionRepository = ReturnType<typeof createOpinionRepository>;
