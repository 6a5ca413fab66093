import {
  caseStatusLabel,
  caseTypeLabel,
  procedureLabel,
  type CaseBatchInput,
  type CaseBatchResult,
  type CaseDetailView,
  type CaseListQuery,
  type CaseSummaryView,
  type Paged,
  type WarningView,
} from '@courtrisk/core';
import { chinaToday, type Clock } from '../clock.js';
import { buildXlsx, EXPORT_ROW_LIMIT } from '../export/xlsx.js';
import type { CaseFilter } from '../repositories/court-case.repository.js';
import { LEVEL_BY_RANK } from '../repositories/court-case.repository.js';
import type { CasePartyTable, CourtCaseTable } from '../db/schema.js';
import { groupBy } from '../group-by.js';
import { asScopedCourt, type AccessChecker } from './access.js';
import { auditActorOf, type Actor } from './actor.js';
import { writeAudit } from './audit-writer.js';
import { intakeCases, loadCourtDirectory } from './case-intake.js';
import type { RuleRuntime } from './screening.service.js';
import type { Store } from './store.js';
import { presentWarning } from './warning.service.js';
import { NotFoundError } from '../errors.js';

type CaseRow = CourtCaseTable & { courtName: string; warningCount: unknown; topLevelRank: unknown };

export function createCaseService({ store, access, clock, rules }: { store: Store; access: AccessChecker; clock: Clock; rules: RuleRuntime }) {
  const { repos } = store;

  async function summaries(rows: CaseRow[]): Promise<CaseSummaryView[]> {
    const parties: CasePartyTable[] = [];
    for (const [courtId, courtRows] of groupBy(rows, (r) => r.courtId)) {
      parties.push(...(await repos.cases.listParties(courtId, courtRows.map((r) => r.id))));
    }
    const partiesByCase = groupBy(parties, (p) => p.caseId);
    return rows.map((r) => {
      const parties = partiesByCase.get(r.id) ?? [];
      const rank = r.topLevelRank === null || r.topLevelRank === undefined ? null : Number(r.topLevelRank);
      return {
        id: r.id,
        courtId: r.courtId,
        courtName: r.courtName,
        caseNumber: r.caseNumber,
        caseType: r.caseType,
        instance: r.instance,
        procedure: r.procedure,
        causes: JSON.parse(r.causes) as string[],
        filedOn: r.filedOn,
        closedOn: r.closedOn,
        status: r.status,
        judgeName: r.judgeName,
        departmentName: r.departmentName,
        amountYuan: r.amountYuan,
        partySummary: parties.slice(0, 4).map((p) => `${p.role}：${p.name}`).join('；') + (parties.length > 4 ? ` 等 ${parties.length} 人` : ''),
        warningCount: Number(r.warningCount ?? 0),
        topLevel: rank ? (LEVEL_BY_RANK[rank - 1] ?? null) : null,
        version: r.version,
      };
    });
  }

  return {
    async list(actor: Actor, query: CaseListQuery): Promise<Paged<CaseSummaryView>> {
      await access.require(actor, 'case.read');
      const { rows, total } = await repos.cases.list(actor.scope, query);
      return { items: await summaries(rows), total, page: query.page, pageSize: query.pageSize };
    },
    async get(actor: Actor, id: string): Promise<CaseDetailView> {
      await access.require(actor, 'case.read');
      const row = await repos.cases.getSummary(actor.scope, id);
      if (!row) throw new NotFoundError('courtCase', id);
      const [summary] = await summaries([row]);
      const parties = await repos.cases.listParties(row.courtId, [row.id]);
      const warnings = await repos.warnings.listForCases(row.courtId, [row.id]);
      return {
        ...summary!,
        facts: row.facts,
        claims: row.claims,
        parties: parties.map((p) => ({ role: p.role, name: p.name, kind: p.kind, flags: JSON.parse(p.flags) as string[] })),
        lawyers: JSON.parse(row.lawyers) as CaseDetailView['lawyers'],
        warnings: warnings.map(presentWarning) satisfies WarningView[],
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
      };
    },
    async exportXlsx(actor: Actor, filter: CaseFilter): Promise<Buffer> {
      await access.require(actor, 'case.read');
      const rows = await summaries(await repos.cases.listAll(actor.scope, filter, EXPORT_ROW_LIMIT));
      await store.transaction((trx) => writeAudit(trx, clock, auditActorOf(actor), { courtId: actor.courtId, action: 'case.export', summary: `导出案件 ${rows.length} 件` }));
      return buildXlsx('案件', [
        { header: '案号', width: 26, value: (c) => c.caseNumber },
        { header: '法院', width: 24, value: (c) => c.courtName },
        { header: '案件类型', value: (c) => caseTypeLabel[c.caseType as keyof typeof caseTypeLabel] ?? c.caseType },
        { header: '审理程序', value: (c) => procedureLabel[c.procedure as keyof typeof procedureLabel] ?? c.procedure },
        { header: '案由', width: 24, value: (c) => c.causes.join('；') },
        { header: '立案日期', width: 12, value: (c) => c.filedOn },
        { header: '状态', width: 8, value: (c) => caseStatusLabel[c.status as keyof typeof caseStatusLabel] ?? c.status },
        { header: '承办法官', value: (c) => c.judgeName },
        { header: '标的额（元）', value: (c) => c.amountYuan },
        { header: '当事人', width: 40, value: (c) => c.partySummary },
        { header: '预警数', width: 8, value: (c) => c.warningCount },
        { header: '最高预警等级', value: (c) => c.topLevel },
      ], rows);
    },
    /** Batch upsert keyed by court + 案号: idempotent, good rows commit, bad rows come back by index. */
    async upsertBatch(actor: Actor, input: CaseBatchInput): Promise<CaseBatchResult> {
      await access.require(actor, 'case.import');
      const courtId = input.courtId ?? actor.courtId;
      const court = access.inScope(actor, asScopedCourt(await repos.courts.getById(courtId)), 'court', courtId);
      const { screener } = await rules.forCourt(court.id);
      const nowIso = clock.now().toISOString();
      return store.transaction(async (trx) => {
        const result = await intakeCases(trx, input.cases.map((c, index) => ({ row: index, input: c })), {
          court: { id: court.id, code: court.code },
          jobId: null,
          today: chinaToday(clock),
          nowIso,
          ...(await loadCourtDirectory(trx, court.id)),
          screen: (c) => screener.screen(c),
          columnNames: 'field',
        });
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: court.id,
          action: 'case.upsert',
          summary: `接口提交案件 ${input.cases.length} 件：新增 ${result.created}，更新 ${result.updated}，未变 ${result.unchanged}，错误 ${new Set(result.errors.map((e) => e.row)).size} 件`,
        });
        return { created: result.created, updated: result.updated, unchanged: result.unchanged, errors: result.errors };
      });
    },
  };
}
export type CaseService = ReturnType<typeof createCaseService>;
