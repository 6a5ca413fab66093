import type { ResolvedScope } from '@courtrisk/core';
import type { Db, Dialect } from '../db/database.js';
import { containsText } from '../db/dialect.js';
import { CASE_SCOPE } from './court-case.repository.js';
import { scopeCondition } from './scope-filter.js';

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
        .selectAll('courtCase')
        .select('court.name as courtName')
        .orderBy('courtCase.caseNumber')
        .execute();
    },
    /** The recorded 审限事项 of those same cases (one query, not one per case). */
    listOpenEvents(scope: ResolvedScope, filter: OpenCaseFilter) {
      return db
        .selectFrom('caseProcessEvent')
        .selectAll('caseProcessEvent')
        .where('caseProcessEvent.caseId', 'in', openCases(scope, filter).select('courtCase.id'))
        .orderBy('caseProcessEvent.createdAt')
        .orderBy('caseProcessEvent.id')
        .execute();
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
