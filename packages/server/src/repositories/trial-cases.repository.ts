import type { ResolvedScope } from '@courtrisk/core';
import type { Db, Dialect } from '../db/database.js';
import { containsText } from '../db/dialect.js';
import type { CaseProcessEventTable, CourtCaseTable } from '../db/schema.js';
import { CASE_SCOPE } from './court-case.repository.js';
import { scopeCondition } from './scope-filter.js';

/** Case ids per statement when reading events by case (well under both databases' parameter limits). */
const EVENT_LOOKUP_CHUNK = 1_000;

/** Which open cases a monitoring view covers; the caller's data scope always applies on top. */
export interface OpenCaseFilter {
  courtId?: string | undefined;
  departmentId?: string | undefined;
  judgeAccountId?: string | undefined;
  /** Filed on or before this day (长期未结: at least the smallest bucket old). */
  filedOnOrBefore?: string | undefined;
  /** Part of the 案号 or the judge's name. */
  keyword?: string | undefined;
}

/**
 * The case fields the 审限 engine, the monitoring views, the 长期未结 ledger and the daily sweep
 * read. Only these are selected: reading whole rows (案情, 诉讼请求 …) was about half the time of a
 * 50,000-case monitoring list (bench/trial-monitoring.bench.ts).
 */
export const TRIAL_CASE_COLUMNS = [
  'courtCase.id',
  'courtCase.courtId',
  'courtCase.caseNumber',
  'courtCase.typeCode',
  'courtCase.caseType',
  'courtCase.instance',
  'courtCase.procedure',
  'courtCase.filedOn',
  'courtCase.closedOn',
  'courtCase.status',
  'courtCase.judgeName',
  'courtCase.judgeAccountId',
  'courtCase.departmentName',
  'courtCase.departmentId',
  'courtCase.procedureOverride',
  'courtCase.procedureOverrideNote',
] as const;
type Unqualified<C> = C extends `courtCase.${infer Column extends keyof CourtCaseTable}` ? Column : never;
/** A case as {@link TRIAL_CASE_COLUMNS} reads it. */
export type TrialCaseRow = Pick<CourtCaseTable, Unqualified<(typeof TRIAL_CASE_COLUMNS)[number]>>;

/**
 * Open cases (no 结案日期) for the 审限 monitoring views and the 长期未结 ledger, with their events;
 * and the per-case procedure override. Every query carries the court, through the scope or by key.
 */
export function createTrialCasesRepository(db: Db, dialect: Dialect) {
  const openCases = (scope: ResolvedScope, filter: OpenCaseFilter) => {
    let query = db.selectFrom('courtCase').where(scopeCondition(scope, CASE_SCOPE)).where('courtCase.closedOn', 'is', null);
    if (filter.courtId) query = query.where('courtCase.courtId', '=', filter.courtId);
    if (filter.departmentId) query = query.where('courtCase.departmentId', '=', filter.departmentId);
    if (filter.judgeAccountId) query = query.where('courtCase.judgeAccountId', '=', filter.judgeAccountId);
    if (filter.filedOnOrBefore) query = query.where('courtCase.filedOn', '<=', filter.filedOnOrBefore);
    if (filter.keyword) {
      const keyword = filter.keyword;
      query = query.where((eb) => eb.or([containsText(dialect, eb.ref('courtCase.caseNumber'), keyword), containsText(dialect, eb.ref('courtCase.judgeName'), keyword)]));
    }
    return query;
  };

  return {
    /** The open cases in scope with their court's name, in case-number order (callers sort by computed values). */
    listOpen(scope: ResolvedScope, filter: OpenCaseFilter) {
      return openCases(scope, filter)
        .innerJoin('court', 'court.id', 'courtCase.courtId')
        .select(TRIAL_CASE_COLUMNS)
        .select('court.name as courtName')
        .orderBy('courtCase.caseNumber')
        .execute();
    },
    /**
     * The recorded 审限事项 of these cases, per court in statements of up to 1,000 ids (not one per
     * case); each case's events in recording order. Asking by id, rather than repeating the open-case
     * filter as a subquery, spares SQLite a second pass over every case row.
     */
    async listEventsOfCases(cases: readonly Pick<CourtCaseTable, 'courtId' | 'id'>[]) {
      const idsByCourt = new Map<string, string[]>();
      for (const c of cases) {
        const ids = idsByCourt.get(c.courtId);
        if (ids) ids.push(c.id);
        else idsByCourt.set(c.courtId, [c.id]);
      }
      const events: CaseProcessEventTable[] = [];
      for (const [courtId, ids] of idsByCourt) {
        for (let i = 0; i < ids.length; i += EVENT_LOOKUP_CHUNK) {
          const rows = await db
            .selectFrom('caseProcessEvent')
            .selectAll()
            .where('courtId', '=', courtId)
            .where('caseId', 'in', ids.slice(i, i + EVENT_LOOKUP_CHUNK))
            .orderBy('createdAt')
            .orderBy('id')
            .execute();
          for (const row of rows) events.push(row);
        }
      }
      return events;
    },
    /** Filing days of one court's open cases (the weekly 长期未结 snapshot counts from these). */
    listOpenFiledOn(courtId: string) {
      return db
        .selectFrom('courtCase')
        .select('filedOn')
        .where('courtId', '=', courtId)
        .where('closedOn', 'is', null)
        .execute()
        .then((rows) => rows.map((r) => r.filedOn));
    },
    async setProcedureOverride(courtId: string, caseId: string, procedure: string | null, note: string | null, nowIso: string) {
      await db
        .updateTable('courtCase')
        .set((eb) => ({ procedureOverride: procedure, procedureOverrideNote: note, updatedAt: nowIso, version: eb('version', '+', 1) }))
        .where('courtId', '=', courtId)
        .where('id', '=', caseId)
        .execute();
    },
  };
}
export type TrialCasesRepository = ReturnType<typeof createTrialCasesRepository>;
