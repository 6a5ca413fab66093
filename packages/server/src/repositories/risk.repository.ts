import type { DataScope, LevelPeriod, Permission, ResolvedScope, RiskLevel, RiskListQuery, RiskScore, RiskState, RiskStatus } from '@courtrisk/core';
import { OPEN_RISK_STATUSES, RISK_LEVELS } from '@courtrisk/core';
import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Db, Dialect } from '../db/database.js';
import { containsText } from '../db/dialect.js';
import type { RiskAssessmentTable, RiskEventTable, RiskInstructionTable, RiskTable } from '../db/schema.js';
import { newId } from '../ids.js';
import { ITEM_SCOPE as OPINION_ITEM_SCOPE } from './opinion.repository.js';
import { scopeCondition } from './scope-filter.js';
import { WARNING_SCOPE } from './warning.repository.js';

const RISK_SCOPE = { court: 'risk.courtId', department: 'risk.departmentId', owner: 'risk.ownerId' };
const NOTHING = sql<SqlBool>`1 = 0`;

/** Who is looking: the account's own court and its resolved data scope. */
export interface RiskViewer {
  courtId: string;
  scope: ResolvedScope;
}

/**
 * Which risks a viewer sees (issue 4, docs/risk-lifecycle.md "Server"): in its own court, those its
 * data scope covers; in the lower courts of its scope, only the risks reported upward (已上报) or
 * assigned down by the viewer's court (上级交办). Sibling courts never appear in a scope.
 */
export function riskVisibility(viewer: RiskViewer): Expression<SqlBool> {
  const own = viewer.scope.courtIds.has(viewer.courtId) ? scopeCondition({ ...viewer.scope, courtIds: new Set([viewer.courtId]) }, RISK_SCOPE) : NOTHING;
  const lower = [...viewer.scope.courtIds].filter((id) => id !== viewer.courtId);
  const reported =
    lower.length === 0
      ? NOTHING
      : sql<SqlBool>`(risk.court_id in (${sql.join(lower)}) and (risk.reported_upward_at is not null or risk.assigned_by_court_id = ${viewer.courtId}))`;
  return sql<SqlBool>`(${own} or ${reported})`;
}

export type RiskFilter = Omit<RiskListQuery, 'page' | 'pageSize' | 'sort' | 'order' | 'overdue'>;

/** Severity rank stored with the risk: 1 红 … 4 蓝 (突发事件应对法 第六十三条 order). */
export const levelRank = (level: RiskLevel) => RISK_LEVELS.indexOf(level) + 1;

const SORT = { createdAt: 'risk.createdAt', updatedAt: 'risk.updatedAt', level: 'risk.levelRank' } as const;

/** A timeline row to append; the repository adds the id. */
export interface NewTimelineEntry {
  courtId: string;
  riskId: string;
  event: string;
  at: string;
  /** Null for the system (the escalation scheduler). */
  actorId: string | null;
  actorName: string;
  actorCourtId: string | null;
  summary: string;
  fromStatus?: RiskStatus | null;
  toStatus?: RiskStatus | null;
  levelChange?: { from: RiskLevel; to: RiskLevel; reason: string } | null;
  upwardReport?: 'automatic' | 'manual' | null;
  details?: Readonly<Record<string, unknown>>;
  mentionIds?: readonly string[];
}

/**
 * Appends one row to a risk's timeline, inside the caller's transaction (`db` is the transaction).
 * For the escalation scheduler: `appendTimeline(trx, { event: 'escalation', actorId: null, actorName: '系统', … })`.
 */
export async function appendTimeline(db: Db, entry: NewTimelineEntry): Promise<string> {
  const id = newId();
  const row: Insertable<RiskEventTable> = {
    id,
    courtId: entry.courtId,
    riskId: entry.riskId,
    event: entry.event,
    at: entry.at,
    actorId: entry.actorId,
    actorName: entry.actorName,
    actorCourtId: entry.actorCourtId,
    fromStatus: entry.fromStatus ?? null,
    toStatus: entry.toStatus ?? null,
    levelChange: entry.levelChange ? JSON.stringify(entry.levelChange) : null,
    upwardReport: entry.upwardReport ?? null,
    summary: entry.summary,
    details: JSON.stringify(entry.details ?? {}),
    mentionIds: JSON.stringify(entry.mentionIds ?? []),
  };
  await db.insertInto('riskEvent').values(row).execute();
  return id;
}

/** The lifecycle record core works on (`applyRiskAction`, `computeClocks`, `escalationFor`), from a stored row. */
export function toRiskState(row: RiskTable): RiskState {
  return {
    id: row.id,
    status: row.status as RiskStatus,
    statusSince: row.statusSince,
    score: JSON.parse(row.score) as RiskScore,
    initialLevel: row.initialLevel as RiskLevel,
    levelHistory: JSON.parse(row.levelHistory) as LevelPeriod[],
    createdAt: row.createdAt,
    firstAssessedAt: row.firstAssessedAt,
    planSubmittedAt: row.planSubmittedAt,
    lastReviewedAt: row.lastReviewedAt,
    nextReviewOn: row.nextReviewOn as RiskState['nextReviewOn'],
    reportedToLeaderAt: row.reportedToLeaderAt,
    reportedUpward: row.reportedUpwardAt === null ? null : { at: row.reportedUpwardAt, automatic: row.reportedUpwardAutomatic === 1 },
    resolution: row.resolution === null ? null : (JSON.parse(row.resolution) as RiskState['resolution']),
    approvals: JSON.parse(row.approvals) as RiskState['approvals'],
    closure: row.closure === null ? null : (JSON.parse(row.closure) as RiskState['closure']),
  };
}

/** The columns that hold a lifecycle record (everything `toRiskState` reads, except id and createdAt). */
export function riskStateColumns(state: RiskState) {
  return {
    status: state.status,
    statusSince: state.statusSince,
    level: state.score.level,
    levelRank: levelRank(state.score.level),
    score: JSON.stringify(state.score),
    initialLevel: state.initialLevel,
    levelHistory: JSON.stringify(state.levelHistory),
    firstAssessedAt: state.firstAssessedAt,
    planSubmittedAt: state.planSubmittedAt,
    lastReviewedAt: state.lastReviewedAt,
    nextReviewOn: state.nextReviewOn,
    reportedToLeaderAt: state.reportedToLeaderAt,
    reportedUpwardAt: state.reportedUpward?.at ?? null,
    reportedUpwardAutomatic: state.reportedUpward === null ? null : state.reportedUpward.automatic ? 1 : 0,
    resolution: state.resolution === null ? null : JSON.stringify(state.resolution),
    approvals: JSON.stringify(state.approvals),
    closure: state.closure === null ? null : JSON.stringify(state.closure),
  } satisfies Updateable<RiskTable>;
}

/** Scopes that reach the whole court: instructions go to accounts that handle every risk of the court. */
const COURT_WIDE_SCOPES: readonly DataScope[] = ['all', 'court_and_below', 'court'];

export function createRiskRepository(db: Db, dialect: Dialect) {
  const withNames = () =>
    db
      .selectFrom('risk')
      .innerJoin('court', 'court.id', 'risk.courtId')
      .leftJoin('account as owner', (j) => j.onRef('owner.id', '=', 'risk.ownerId').onRef('owner.courtId', '=', 'risk.courtId'))
      .leftJoin('department', (j) => j.onRef('department.id', '=', 'risk.departmentId').onRef('department.courtId', '=', 'risk.courtId'))
      .selectAll('risk')
      .select(['court.name as courtName', 'owner.displayName as ownerName', 'department.name as departmentName']);

  const filtered = (viewer: RiskViewer, filter: RiskFilter) => {
    let query = withNames().where(riskVisibility(viewer));
    const lowerOnly = filter.lowerCourtsOnly === 'true';
    if (filter.courtId) query = query.where('risk.courtId', '=', filter.courtId);
    else if (filter.includeLowerCourts !== 'true' && !lowerOnly) query = query.where('risk.courtId', '=', viewer.courtId);
    if (lowerOnly) query = query.where('risk.courtId', '!=', viewer.courtId);
    if (filter.domain) query = query.where('risk.domain', '=', filter.domain);
    if (filter.level) query = query.where('risk.level', '=', filter.level);
    if (filter.status === 'open') query = query.where('risk.status', 'in', [...OPEN_RISK_STATUSES]);
    else if (filter.status) query = query.where('risk.status', '=', filter.status);
    if (filter.departmentId) query = query.where('risk.departmentId', '=', filter.departmentId);
    if (filter.ownerId) query = query.where('risk.ownerId', '=', filter.ownerId);
    if (filter.reportedUpward === 'true') query = query.where('risk.reportedUpwardAt', 'is not', null);
    if (filter.reportedUpward === 'false') query = query.where('risk.reportedUpwardAt', 'is', null);
    // from/to bound the registration date in Beijing time: compare against the UTC instants of its edges.
    if (filter.from) query = query.where('risk.createdAt', '>=', new Date(`${filter.from}T00:00:00+08:00`).toISOString());
    if (filter.to) query = query.where('risk.createdAt', '<=', new Date(`${filter.to}T23:59:59.999+08:00`).toISOString());
    if (filter.keyword) {
      const keyword = filter.keyword;
      query = query.where((eb) =>
        eb.or([containsText(dialect, eb.ref('risk.title'), keyword), containsText(dialect, eb.ref('risk.description'), keyword), containsText(dialect, eb.ref('risk.subtype'), keyword)]),
      );
    }
    return query;
  };

  type Sorting = Pick<RiskListQuery, 'sort' | 'order'>;
  const sorted = <Q extends ReturnType<typeof filtered>>(query: Q, { sort, order }: Sorting) =>
    // Level "desc" means most severe first, i.e. the lowest rank.
    query.orderBy(SORT[sort], sort === 'level' ? (order === 'desc' ? 'asc' : 'desc') : order).orderBy('risk.id', order);

  return {
    async list(viewer: RiskViewer, query: RiskListQuery) {
      const base = filtered(viewer, query);
      const [rows, count] = await Promise.all([
        sorted(base, query)
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize)
          .execute(),
        filtered(viewer, query)
          .clearSelect()
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    /** Every matching risk (capped), for exports and for filters computed from the clocks. */
    listAll(viewer: RiskViewer, filter: RiskFilter & Sorting, limit: number) {
      return sorted(filtered(viewer, filter), filter).limit(limit).execute();
    },
    getVisible(viewer: RiskViewer, id: string) {
      return withNames().where(riskVisibility(viewer)).where('risk.id', '=', id).executeTakeFirst();
    },
    /** Without scope: for writes that have checked access already, and for the scheduler. */
    getById(id: string) {
      return withNames().where('risk.id', '=', id).executeTakeFirst();
    },
    async insert(row: Insertable<RiskTable>) {
      await db.insertInto('risk').values(row).execute();
    },
    /** Optimistic update: false when the version moved on. */
    async updateVersioned(courtId: string, id: string, version: number, patch: Updateable<RiskTable>) {
      const result = await db
        .updateTable('risk')
        .set({ ...patch, version: version + 1 })
        .where('courtId', '=', courtId)
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    /** Bumps the version and touch time (a warning joined, a case linked): concurrent editors reload. */
    async touch(courtId: string, id: string, at: string) {
      await db
        .updateTable('risk')
        .set((eb) => ({ updatedAt: at, version: eb('version', '+', 1) }))
        .where('courtId', '=', courtId)
        .where('id', '=', id)
        .execute();
    },

    /**
     * Every risk not yet 已销号, as the lifecycle record `computeClocks` / `escalationFor` take, with the
     * people escalation reaches (owner, department) — for the escalation scheduler. 已化解 risks are
     * included: a clock missed before the resolution stays missed (docs/risk-lifecycle.md).
     */
    async listOpenLifecycles() {
      const rows = await db.selectFrom('risk').selectAll().where('status', '!=', 'closed').orderBy('courtId').orderBy('id').execute();
      return rows.map((row) => ({ courtId: row.courtId, title: row.title, ownerId: row.ownerId, departmentId: row.departmentId, state: toRiskState(row) }));
    },
    appendTimeline: (entry: NewTimelineEntry) => appendTimeline(db, entry),
    listTimeline(courtId: string, riskId: string) {
      return db
        .selectFrom('riskEvent')
        .leftJoin('court', 'court.id', 'riskEvent.actorCourtId')
        .selectAll('riskEvent')
        .select('court.name as actorCourtName')
        .where('riskEvent.courtId', '=', courtId)
        .where('riskEvent.riskId', '=', riskId)
        .orderBy('riskEvent.at')
        .orderBy('riskEvent.id')
        .execute();
    },

    async linkCases(courtId: string, riskId: string, caseIds: readonly string[], at: string) {
      if (caseIds.length === 0) return;
      const linked = new Set(
        (await db.selectFrom('riskCase').select('caseId').where('courtId', '=', courtId).where('riskId', '=', riskId).execute()).map((r) => r.caseId),
      );
      const rows = [...new Set(caseIds)].filter((id) => !linked.has(id)).map((caseId) => ({ id: newId(), courtId, riskId, caseId, createdAt: at }));
      if (rows.length > 0) await db.insertInto('riskCase').values(rows).execute();
    },
    listLinkedCases(courtId: string, riskIds: readonly string[]) {
      if (riskIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('riskCase')
        .innerJoin('courtCase', (j) => j.onRef('courtCase.id', '=', 'riskCase.caseId').onRef('courtCase.courtId', '=', 'riskCase.courtId'))
        .select(['riskCase.riskId', 'courtCase.id', 'courtCase.caseNumber'])
        .where('riskCase.courtId', '=', courtId)
        .where('riskCase.riskId', 'in', [...riskIds])
        .orderBy('riskCase.createdAt')
        .orderBy('riskCase.id')
        .execute();
    },
    async linkWarning(courtId: string, riskId: string, warningId: string, at: string) {
      await db.insertInto('riskWarning').values({ id: newId(), courtId, riskId, warningId, createdAt: at }).execute();
    },
    listWarningLinks(courtId: string, riskIds: readonly string[]) {
      if (riskIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('riskWarning')
        .select(['riskId', 'warningId'])
        .where('courtId', '=', courtId)
        .where('riskId', 'in', [...riskIds])
        .orderBy('createdAt')
        .orderBy('id')
        .execute();
    },
    /** 关联预警 from cases (`risk_warning` links) that the reader's scope covers, as GET /warnings would show them. */
    listLinkedCaseWarnings(scope: ResolvedScope, courtId: string, riskId: string) {
      return db
        .selectFrom('riskWarning')
        .innerJoin('warning', (j) => j.onRef('warning.id', '=', 'riskWarning.warningId').onRef('warning.courtId', '=', 'riskWarning.courtId'))
        .innerJoin('courtCase', (j) => j.onRef('courtCase.id', '=', 'warning.caseId').onRef('courtCase.courtId', '=', 'warning.courtId'))
        .selectAll('warning')
        .select('courtCase.caseNumber')
        .where('riskWarning.courtId', '=', courtId)
        .where('riskWarning.riskId', '=', riskId)
        .where(scopeCondition(scope, WARNING_SCOPE))
        .orderBy('warning.createdAt', 'desc')
        .orderBy('warning.id')
        .execute();
    },
    /** 关联预警 from petitions (their `risk_id`) of the courts in scope, as GET /petition-warnings would show them. */
    listLinkedPetitionWarnings(courtIds: ReadonlySet<string>, courtId: string, riskId: string) {
      if (!courtIds.has(courtId)) return Promise.resolve([]);
      return db.selectFrom('petitionWarning').selectAll().where('courtId', '=', courtId).where('riskId', '=', riskId).orderBy('createdAt', 'desc').orderBy('id').execute();
    },
    /** 关联预警 from opinion items (their `risk_id`) the reader's scope covers, as GET /opinion-warnings would show them. */
    listLinkedOpinionWarnings(scope: ResolvedScope, courtId: string, riskId: string) {
      return db
        .selectFrom('opinionWarning')
        .innerJoin('opinionItem', (j) => j.onRef('opinionItem.id', '=', 'opinionWarning.itemId').onRef('opinionItem.courtId', '=', 'opinionWarning.courtId'))
        .selectAll('opinionWarning')
        .select('opinionItem.title as itemTitle')
        .where('opinionWarning.courtId', '=', courtId)
        .where('opinionWarning.riskId', '=', riskId)
        .where(scopeCondition(scope, OPINION_ITEM_SCOPE))
        .orderBy('opinionWarning.createdAt', 'desc')
        .orderBy('opinionWarning.id')
        .execute();
    },

    async insertAssessment(row: Insertable<RiskAssessmentTable>) {
      await db.insertInto('riskAssessment').values(row).execute();
    },
    listAssessments(courtId: string, riskId: string) {
      return db
        .selectFrom('riskAssessment')
        .innerJoin('risk', (j) => j.onRef('risk.id', '=', 'riskAssessment.riskId').onRef('risk.courtId', '=', 'riskAssessment.courtId'))
        .selectAll('riskAssessment')
        .select('risk.title as riskTitle')
        .where('riskAssessment.courtId', '=', courtId)
        .where('riskAssessment.riskId', '=', riskId)
        .orderBy('riskAssessment.createdAt')
        .orderBy('riskAssessment.id')
        .execute();
    },
    /** Assessments an agency attended, among the risks the viewer sees. */
    listAssessmentsWithAgency(viewer: RiskViewer, courtId: string, agencyId: string) {
      return (
        db
          .selectFrom('riskAssessment')
          .innerJoin('risk', (j) => j.onRef('risk.id', '=', 'riskAssessment.riskId').onRef('risk.courtId', '=', 'riskAssessment.courtId'))
          .selectAll('riskAssessment')
          .select('risk.title as riskTitle')
          .where('riskAssessment.courtId', '=', courtId)
          .where(riskVisibility(viewer))
          // Participants are JSON text; an agency id is a UUID, so a quoted substring match is exact.
          .where((eb) => containsText(dialect, eb.ref('riskAssessment.participants'), `"agencyId":"${agencyId}"`))
          .orderBy('riskAssessment.heldOn', 'desc')
          .orderBy('riskAssessment.id')
          .execute()
      );
    },

    /** Per risk of a page: its 批示 and how many are 签收, in one grouped query (court ids lead the index). */
    async listInstructionCounts(risks: readonly { id: string; courtId: string }[]) {
      if (risks.length === 0) return [];
      const rows = await db
        .selectFrom('riskInstruction')
        .select((eb) => ['riskId', eb.fn.countAll().as('total'), eb.fn.count('acknowledgedAt').as('acknowledged')])
        .where('courtId', 'in', [...new Set(risks.map((r) => r.courtId))])
        .where('riskId', 'in', risks.map((r) => r.id))
        .groupBy('riskId')
        .execute();
      // PostgreSQL returns counts as bigint text.
      return rows.map((row) => ({ riskId: row.riskId, total: Number(row.total), acknowledged: Number(row.acknowledged) }));
    },
    async insertInstruction(row: Insertable<RiskInstructionTable>) {
      await db.insertInto('riskInstruction').values(row).execute();
    },
    listInstructions(courtId: string, riskId: string) {
      return db
        .selectFrom('riskInstruction')
        .innerJoin('court', 'court.id', 'riskInstruction.fromCourtId')
        .innerJoin('risk', (j) => j.onRef('risk.id', '=', 'riskInstruction.riskId').onRef('risk.courtId', '=', 'riskInstruction.courtId'))
        .selectAll('riskInstruction')
        .select(['court.name as fromCourtName', 'risk.title as riskTitle'])
        .where('riskInstruction.courtId', '=', courtId)
        .where('riskInstruction.riskId', '=', riskId)
        .orderBy('riskInstruction.createdAt')
        .orderBy('riskInstruction.id')
        .execute();
    },
    getInstruction(id: string) {
      return db
        .selectFrom('riskInstruction')
        .innerJoin('court', 'court.id', 'riskInstruction.fromCourtId')
        .innerJoin('risk', (j) => j.onRef('risk.id', '=', 'riskInstruction.riskId').onRef('risk.courtId', '=', 'riskInstruction.courtId'))
        .selectAll('riskInstruction')
        .select(['court.name as fromCourtName', 'risk.title as riskTitle'])
        .where('riskInstruction.id', '=', id)
        .executeTakeFirst();
    },
    /** 签收 once: false when someone acknowledged it first. */
    async acknowledgeInstruction(courtId: string, id: string, patch: { acknowledgedAt: string; acknowledgedBy: string; acknowledgedByName: string; acknowledgeNote: string | null }) {
      const result = await db
        .updateTable('riskInstruction')
        .set((eb) => ({ ...patch, updatedAt: patch.acknowledgedAt, version: eb('version', '+', 1) }))
        .where('courtId', '=', courtId)
        .where('id', '=', id)
        .where('acknowledgedAt', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Names (and court, status) of accounts, for @mentions. */
    listAccountNames(ids: readonly string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('account').select(['id', 'courtId', 'displayName', 'status']).where('id', 'in', [...ids]).execute();
    },
    /**
     * Active accounts of `courtId` holding `permission` through one of their roles — notification
     * recipients. `departmentId` keeps those of one department; `courtWide` those whose role reaches
     * the whole court (全部 / 本院及下级 / 本院).
     */
    async listAccountsHolding(courtId: string, permission: Permission, options: { departmentId?: string; courtWide?: boolean } = {}) {
      let query = db
        .selectFrom('account')
        .innerJoin('accountRole', (j) => j.onRef('accountRole.accountId', '=', 'account.id').onRef('accountRole.courtId', '=', 'account.courtId'))
        .innerJoin('role', (j) => j.onRef('role.id', '=', 'accountRole.roleId').onRef('role.courtId', '=', 'accountRole.courtId'))
        .select(['account.id', 'account.displayName'])
        .distinct()
        .where('account.courtId', '=', courtId)
        .where('account.status', '=', 'active')
        // Permissions are a JSON array of codes; a code is matched with its quotes, so risk.read never matches risk.readX.
        .where((eb) => containsText(dialect, eb.ref('role.permissions'), `"${permission}"`));
      if (options.departmentId) query = query.where('account.departmentId', '=', options.departmentId);
      if (options.courtWide) query = query.where('role.scope', 'in', [...COURT_WIDE_SCOPES]);
      return query.orderBy('account.id').execute();
    },
  };
}
export type RiskRepository = ReturnType<typeof createRiskRepository>;
