import {
  PROCEDURE_RULES,
  TRIAL_LIMIT_TIERS,
  type TrialCalendarQuery,
  type TrialCalendarView,
  type TrialLimitCourtSettings,
  type TrialLimitView,
  type TrialLobbyQuery,
  type TrialLobbyView,
  type TrialMonitorFilter,
  type TrialMonitorList,
  type TrialMonitorQuery,
  type TrialMonitorRow,
  type TrialProcedureOverrideInput,
  type TrialTierCounts,
} from '@courtrisk/core';
import { chinaToday, type Clock } from '../clock.js';
import { NotFoundError } from '../errors.js';
import { buildXlsx, EXPORT_ROW_LIMIT } from '../export/xlsx.js';
import { groupBy } from '../group-by.js';
import type { Repositories } from '../repositories/index.js';
import { asScopedCourt, type AccessChecker } from './access.js';
import { auditActorOf, type Actor } from './actor.js';
import { writeAudit } from './audit-writer.js';
import type { Store } from './store.js';
import { loadTrialLimitSettings } from './trial-limit-settings.service.js';
import { loadCourtRecipients, procedureOfCase, type TrialLimitEngine } from './trial-limit.service.js';

type TierKey = keyof TrialTierCounts;
const CALENDAR_ITEM_LIMIT = 2_000;
const LOBBY_ITEM_LIMIT = 300;

const describeProcedureChoice = (p: ReturnType<typeof procedureOfCase>) => (p.code ? `${PROCEDURE_RULES[p.code].label}${p.overridden ? '（人工指定）' : '（自动判断）'}` : '无法确定');

const emptyCounts = (): TrialTierCounts => Object.fromEntries([...TRIAL_LIMIT_TIERS, 'unknown'].map((tier) => [tier, 0])) as TrialTierCounts;
const tierKey = (row: TrialMonitorRow): TierKey => row.tier ?? 'unknown';

function countTiers(rows: readonly TrialMonitorRow[]): TrialTierCounts {
  const counts = emptyCounts();
  for (const row of rows) counts[tierKey(row)]++;
  return counts;
}

/**
 * `a.localeCompare(b)` with one collator: the same order (the default locale and options), without
 * building a collator per comparison — sorting 50,000 rows makes about a million of them.
 */
const compareText = new Intl.Collator().compare;

/** Fewest days left first (overdue on top); limits that cannot be computed go last, by 案号. */
function byDaysLeft(a: TrialMonitorRow, b: TrialMonitorRow) {
  if (a.daysLeft === null || b.daysLeft === null) return (a.daysLeft === null ? 1 : 0) - (b.daysLeft === null ? 1 : 0) || compareText(a.caseNumber, b.caseNumber);
  return a.daysLeft - b.daysLeft || compareText(a.caseNumber, b.caseNumber);
}

/**
 * 审限监控 (issue 5): 我的审限, department and court views, the deadline calendar and the lobby
 * screen. Limits are computed now for today's Beijing date under each court's settings — the same
 * engine as the case page and the daily sweep — so a view never disagrees with the case page.
 */
export function createTrialMonitoringService({ store, access, clock, engine }: { store: Store; access: AccessChecker; clock: Clock; engine: TrialLimitEngine }) {
  const { repos } = store;

  /** Every open case the filter selects (scope applied in the query), with its computed 审限. */
  async function evaluate(actor: Actor, filter: Pick<TrialMonitorFilter, 'courtId' | 'departmentId' | 'judgeAccountId' | 'mine'>) {
    const today = chinaToday(clock);
    const caseFilter = { courtId: filter.courtId, departmentId: filter.departmentId, judgeAccountId: filter.mine === 'true' ? actor.accountId : filter.judgeAccountId };
    const cases = await repos.trialCases.listOpen(actor.scope, caseFilter);
    const eventsByCase = groupBy(await repos.trialCases.listEventsOfCases(cases), (e) => e.caseId);
    const settingsByCourt = new Map<string, TrialLimitCourtSettings>();
    for (const courtId of new Set(cases.map((c) => c.courtId))) settingsByCourt.set(courtId, await loadTrialLimitSettings(repos, courtId));
    const rows = cases.map((c): TrialMonitorRow => {
      const { view } = engine.compute(c, eventsByCase.get(c.id) ?? [], settingsByCourt.get(c.courtId)!, today);
      return {
        caseId: c.id,
        courtId: c.courtId,
        courtName: c.courtName,
        caseNumber: c.caseNumber,
        departmentId: c.departmentId,
        departmentName: c.departmentName,
        judgeAccountId: c.judgeAccountId,
        judgeName: c.judgeName,
        filedOn: c.filedOn,
        procedure: view.procedure,
        procedureLabel: view.procedureLabel,
        procedureOverridden: view.procedureOverridden,
        deadline: view.deadline,
        limitDays: view.limitDays,
        daysUsed: view.daysUsed,
        daysLeft: view.daysLeft,
        tier: view.tier,
        tierLabel: view.tierLabel,
        warningLevel: view.warningLevel,
        provisional: view.provisional,
      };
    });
    return { rows, today, settingsByCourt };
  }

  /** The filtered list (all pages), its tier counts before the tier filter and the judge facet. */
  async function filtered(actor: Actor, query: TrialMonitorFilter & { sort?: TrialMonitorQuery['sort']; order?: TrialMonitorQuery['order'] }) {
    const { rows, today } = await evaluate(actor, { ...query, judgeAccountId: undefined });
    const judges = new Map<string, string>();
    for (const row of rows) if (row.judgeAccountId) judges.set(row.judgeAccountId, row.judgeName ?? row.judgeAccountId);
    const selected = rows.filter(
      (row) =>
        (!query.judgeAccountId || row.judgeAccountId === query.judgeAccountId) &&
        (!query.procedure || row.procedure === query.procedure) &&
        (!query.deadlineFrom || (row.deadline !== null && row.deadline >= query.deadlineFrom)) &&
        (!query.deadlineTo || (row.deadline !== null && row.deadline <= query.deadlineTo)),
    );
    const tierCounts = countTiers(selected);
    const items = query.tier ? selected.filter((row) => tierKey(row) === query.tier) : selected;
    const sort = query.sort ?? 'daysLeft';
    items.sort(sort === 'daysLeft' ? byDaysLeft : sort === 'filedOn' ? (a, b) => compareText(a.filedOn, b.filedOn) || compareText(a.caseNumber, b.caseNumber) : (a, b) => compareText(a.caseNumber, b.caseNumber));
    if (query.order === 'desc') items.reverse();
    const judgeOptions = [...judges].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    return { items, tierCounts, judgeOptions, today };
  }

  return {
    async list(actor: Actor, query: TrialMonitorQuery): Promise<TrialMonitorList> {
      await access.require(actor, 'case.read');
      const { items, tierCounts, judgeOptions, today } = await filtered(actor, query);
      const start = (query.page - 1) * query.pageSize;
      return { items: items.slice(start, start + query.pageSize), total: items.length, page: query.page, pageSize: query.pageSize, asOf: today, tierCounts, judgeOptions };
    },

    async exportXlsx(actor: Actor, query: TrialMonitorFilter & Pick<TrialMonitorQuery, 'sort' | 'order'>): Promise<Buffer> {
      await access.require(actor, 'case.read');
      const { items, today } = await filtered(actor, query);
      const rows = items.slice(0, EXPORT_ROW_LIMIT);
      await store.transaction((trx) => writeAudit(trx, clock, auditActorOf(actor), { courtId: actor.courtId, action: 'trial_limit.export', summary: `导出审限监控 ${rows.length} 件（${today}）` }));
      return buildXlsx('审限监控', [
        { header: '案号', width: 26, value: (r) => r.caseNumber },
        { header: '法院', width: 24, value: (r) => r.courtName },
        { header: '部门', width: 16, value: (r) => r.departmentName },
        { header: '承办法官', value: (r) => r.judgeName },
        { header: '立案日期', width: 12, value: (r) => r.filedOn },
        { header: '适用程序', width: 22, value: (r) => `${r.procedureLabel}${r.procedureOverridden ? '（人工指定）' : ''}` },
        { header: '审限届满日', width: 12, value: (r) => r.deadline },
        { header: '已用天数', width: 10, value: (r) => r.daysUsed },
        { header: '剩余天数', width: 10, value: (r) => r.daysLeft },
        { header: '预警档次', width: 10, value: (r) => r.tierLabel },
        { header: '备注', width: 30, value: (r) => (r.provisional ? '有尚未结束的扣除期间，届满日会后移' : '') },
      ], rows);
    },

    async calendar(actor: Actor, query: TrialCalendarQuery): Promise<TrialCalendarView> {
      await access.require(actor, 'case.read');
      const { items, today } = await filtered(actor, { ...query, deadlineFrom: query.from, deadlineTo: query.to, sort: 'daysLeft' });
      items.sort((a, b) => compareText(a.deadline!, b.deadline!) || compareText(a.caseNumber, b.caseNumber));
      const days = [...groupBy(items, (r) => r.deadline!)].map(([date, rows]) => ({ date, total: rows.length, tierCounts: countTiers(rows) }));
      return { from: query.from, to: query.to, asOf: today, days, items: items.slice(0, CALENDAR_ITEM_LIMIT), truncated: items.length > CALENDAR_ITEM_LIMIT };
    },

    /**
     * 大屏: one court's open cases that have used at least the court's 提示 share of their limit
     * (default two thirds), overdue ones included — the list some courts show in the lobby.
     */
    async lobby(actor: Actor, query: TrialLobbyQuery): Promise<TrialLobbyView> {
      await access.require(actor, 'case.read');
      const courtId = query.courtId ?? actor.courtId;
      const court = access.inScope(actor, asScopedCourt(await repos.courts.getById(courtId)), 'court', courtId);
      const { rows, today, settingsByCourt } = await evaluate(actor, { courtId });
      const share = (settingsByCourt.get(courtId) ?? (await loadTrialLimitSettings(repos, courtId))).thresholds.noticeUsedShare;
      const past = rows
        .filter((r) => r.daysUsed !== null && r.daysLeft !== null && (r.daysLeft < 0 || r.daysUsed * share.denominator >= (r.daysUsed + r.daysLeft) * share.numerator))
        .sort(byDaysLeft);
      return {
        courtId,
        courtName: court.name,
        asOf: today,
        generatedAt: clock.now().toISOString(),
        tierCounts: countTiers(past),
        total: past.length,
        items: past.slice(0, LOBBY_ITEM_LIMIT).map(({ caseId, caseNumber, departmentName, judgeName, procedureLabel, deadline, daysLeft, daysUsed, limitDays, tier, tierLabel, warningLevel }) => ({
          caseId, caseNumber, departmentName, judgeName, procedureLabel, deadline, daysLeft, daysUsed, limitDays, tier, tierLabel, warningLevel,
        })),
      };
    },

    /**
     * Sets (or clears) the procedure the engine uses for a case whose record cannot tell procedures
     * apart; the case's warning is re-synced at once and the change audited with the reason.
     */
    async setProcedure(actor: Actor, caseId: string, input: TrialProcedureOverrideInput): Promise<TrialLimitView> {
      await access.require(actor, 'case.process');
      const c = await repos.cases.getSummary(actor.scope, caseId);
      if (!c) throw new NotFoundError('courtCase', caseId);
      const nowIso = clock.now().toISOString();
      const before = procedureOfCase(c);
      return store.transaction(async (trx: Repositories) => {
        await trx.trialCases.setProcedureOverride(c.courtId, c.id, input.procedure, input.procedure ? input.reason : null, nowIso);
        const updated = { ...c, procedureOverride: input.procedure, procedureOverrideNote: input.procedure ? input.reason : null };
        const computed = engine.compute(updated, await trx.processEvents.listForCase(c.courtId, c.id), await loadTrialLimitSettings(trx, c.courtId), chinaToday(clock));
        const outcome = await engine.syncWarning(trx, updated, computed, nowIso);
        if (outcome === 'raised' || outcome === 'escalated') await engine.announce(trx, updated, computed, await loadCourtRecipients(trx, c.courtId), nowIso);
        const { view } = computed;
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: c.courtId,
          action: 'case.procedure',
          targetType: 'court_case',
          targetId: c.id,
          summary: `审限适用程序（${c.caseNumber}）：${describeProcedureChoice(before)} → ${input.procedure ? `${PROCEDURE_RULES[input.procedure].label}（人工指定）` : '按案件信息自动判断'}；理由：${input.reason}；${view.deadline ? `审限届满日${view.deadline}，剩余${view.daysLeft}日（${view.tierLabel}）` : view.tierLabel}`,
        });
        return view;
      });
    },
  };
}
export type TrialMonitoringService = ReturnType<typeof createTrialMonitoringService>;
