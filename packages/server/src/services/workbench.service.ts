import {
  chinaDateOf,
  collectDescendantIds,
  compareWarningRefs,
  computeClocks,
  endOfChinaDay,
  OPEN_RISK_STATUSES,
  RISK_DOMAINS,
  RISK_LEVELS,
  SourceWarningListQuery,
  toEpochMs,
  WarningListQuery,
  type PerCourtRow,
  type RiskClock,
  type RiskLevel,
  type RiskStatus,
  type TaskStatus,
  type TrendPoint,
  type WarningRef,
  type WorkbenchClock,
  type WorkbenchNewWarnings,
  type WorkbenchQuery,
  type WorkbenchTask,
  type WorkbenchView,
} from '@courtrisk/core';
import { chinaToday, type Clock } from '../clock.js';
import type { RiskTable } from '../db/schema.js';
import { NotFoundError } from '../errors.js';
import { toRiskState } from '../repositories/risk.repository.js';
import type { Actor } from './actor.js';
import { forCourt, type CourtRiskSettings } from './risk-settings.service.js';
import type { Store } from './store.js';
import { caseWarningRef, opinionWarningRef, petitionWarningRefs } from './warning-refs.js';

const LIST_SIZE = 10;
const TREND_DAYS = 30;
const DAY_MS = 86_400_000;

type OpenRisk = RiskTable & { courtName: string; ownerName: string | null };
type TaskRow = { id: string; riskId: string; riskTitle: string; riskLevel: string; description: string; dueOn: string; status: string };

const presentTask = (today: string) => (row: TaskRow): WorkbenchTask => ({
  id: row.id,
  riskId: row.riskId,
  riskTitle: row.riskTitle,
  riskLevel: row.riskLevel as RiskLevel,
  description: row.description,
  dueOn: row.dueOn,
  status: row.status as TaskStatus,
  overdue: row.dueOn < today,
});

const firstOf = <T>(items: readonly T[]) => ({ total: items.length, items: items.slice(0, LIST_SIZE) });
const byDue = (a: WorkbenchClock, b: WorkbenchClock) => toEpochMs(a.clock.dueAt) - toEpochMs(b.clock.dueAt);

/** The last {@link TREND_DAYS} Beijing dates ending today, each with its first instant. */
function trendDays(nowMs: number) {
  const todayStartMs = endOfChinaDay(chinaDateOf(nowMs)) + 1 - DAY_MS;
  return Array.from({ length: TREND_DAYS }, (_, index) => {
    const startMs = todayStartMs - (TREND_DAYS - 1 - index) * DAY_MS;
    return { date: chinaDateOf(startMs), startMs };
  });
}

/**
 * 工作台 (issue 4): each section computed inside the caller's data scope with the register's own
 * visibility rule; sections need risk.read (risks, tasks, clocks) or warning.read (new warnings, with
 * petition and opinion warnings for petition.read / opinion.read).
 */
export function createWorkbenchService({ store, clock }: { store: Store; clock: Clock }) {
  const { repos } = store;

  /**
   * 新预警 of one court: pending case warnings (warning.read), and pending petition / opinion warnings
   * for those who also hold petition.read / opinion.read — each through the same query and scope as its
   * 预警列表 tab (GET /warnings, /petition-warnings, /opinion-warnings), so counts match those lists.
   */
  async function newWarnings(actor: Actor, courtId: string): Promise<WorkbenchNewWarnings> {
    const pending = { courtId, status: 'pending', pageSize: LIST_SIZE, order: 'desc' } as const;
    const [cases, petitions, opinions] = await Promise.all([
      repos.warnings.list(actor.scope, WarningListQuery.parse(pending)),
      actor.permissions.has('petition.read') ? repos.petitions.listWarnings(actor.scope.courtIds, SourceWarningListQuery.parse(pending)) : null,
      actor.permissions.has('opinion.read') ? repos.opinion.listWarningsInScope(actor.scope, SourceWarningListQuery.parse(pending)) : null,
    ]);
    const items: WarningRef[] = [
      ...cases.rows.map(caseWarningRef),
      ...(petitions ? await petitionWarningRefs(repos, actor.scope.courtIds, petitions.rows) : []),
      ...(opinions ? opinions.rows.map(opinionWarningRef) : []),
    ];
    return {
      total: cases.total + (petitions?.total ?? 0) + (opinions?.total ?? 0),
      items: items.sort(compareWarningRefs).slice(0, LIST_SIZE),
      bySource: { case: cases.total, petition: petitions?.total ?? null, opinion: opinions?.total ?? null },
    };
  }

  return {
    async get(actor: Actor, query: WorkbenchQuery): Promise<WorkbenchView> {
      // Signed in is enough to open the page; a court outside the scope does not exist for the caller.
      const courtId = query.courtId ?? actor.courtId;
      const court = actor.scope.courtIds.has(courtId) ? await repos.courts.getById(courtId) : undefined;
      if (!court) throw new NotFoundError('court', courtId);
      const now = clock.now();
      const at = now.toISOString();
      const today = chinaToday(clock);
      const canRisks = actor.permissions.has('risk.read');
      const canWarnings = actor.permissions.has('warning.read');
      const viewer = { courtId: actor.courtId, scope: actor.scope };

      const base: WorkbenchView = {
        courtId,
        courtName: court.name,
        generatedAt: at,
        myTasks: null,
        myClocks: null,
        newWarnings: null,
        overdue: null,
        heat: null,
        trend: null,
        perCourt: null,
        lowerReports: null,
      };

      if (canWarnings) base.newWarnings = await newWarnings(actor, courtId);
      // Tasks handed to me or my department are mine to see without 查看风险 (docs/risk-api.md "Assignees without 查看风险").
      base.myTasks = courtId === actor.courtId ? firstOf((await repos.workbench.listMyOpenTasks(actor.courtId, actor.accountId, actor.departmentId)).map(presentTask(today))) : { total: 0, items: [] };
      if (!canRisks) return base;

      const lowerCourtIds = [...collectDescendantIds(await repos.courts.listAll(), courtId)].filter((id) => id !== courtId && actor.scope.courtIds.has(id));
      const risks = (await repos.workbench.listOpenRisks(viewer, [courtId, ...lowerCourtIds])) as OpenRisk[];
      const settings = new Map<string, CourtRiskSettings>();
      const clocksOf = new Map<string, RiskClock[]>();
      for (const risk of risks) {
        if (!settings.has(risk.courtId)) settings.set(risk.courtId, await forCourt(repos, risk.courtId));
        clocksOf.set(risk.id, computeClocks(toRiskState(risk), settings.get(risk.courtId)!.clocks, at));
      }
      const attention = (risk: OpenRisk, keep: (clock: RiskClock) => boolean): WorkbenchClock[] =>
        clocksOf
          .get(risk.id)!
          .filter(keep)
          .map((riskClock) => ({ riskId: risk.id, riskTitle: risk.title, courtName: risk.courtName, ownerName: risk.ownerName, clock: riskClock }));
      const missed = (c: RiskClock) => c.status === 'missed';
      const here = risks.filter((risk) => risk.courtId === courtId);
      const working = here.filter((risk) => OPEN_RISK_STATUSES.includes(risk.status as RiskStatus));

      base.myClocks = here
        .filter((risk) => risk.ownerId === actor.accountId)
        .flatMap((risk) => attention(risk, (c) => c.running && (c.status === 'due_soon' || c.status === 'missed')))
        .sort(byDue);
      const overdueTasks = (await repos.workbench.listOverdueTasks(viewer, courtId, today)).map(presentTask(today));
      base.overdue = { clocks: firstOf(here.flatMap((risk) => attention(risk, missed)).sort(byDue)), tasks: firstOf(overdueTasks) };

      base.heat = RISK_DOMAINS.flatMap((domain) => RISK_LEVELS.map((level) => ({ domain, level, count: working.filter((r) => r.domain === domain && r.level === level).length })));

      const days = trendDays(now.getTime());
      const events = await repos.workbench.listTrendEvents(viewer, courtId, new Date(days[0]!.startMs).toISOString());
      const count = (instants: string[]) => {
        const perDay = new Map<string, number>();
        for (const instant of instants) {
          const date = chinaDateOf(toEpochMs(instant));
          perDay.set(date, (perDay.get(date) ?? 0) + 1);
        }
        return perDay;
      };
      const created = count(events.map((e) => e.createdAt));
      const closed = count(events.filter((e) => e.status === 'closed').map((e) => e.statusSince));
      base.trend = days.map(({ date }): TrendPoint => ({ date, new: created.get(date) ?? 0, closed: closed.get(date) ?? 0 }));

      if (lowerCourtIds.length > 0) {
        const names = new Map((await repos.courts.listByIds(lowerCourtIds)).map((c) => [c.id, c.name]));
        base.perCourt = lowerCourtIds.map((id): PerCourtRow => {
          const theirs = risks.filter((risk) => risk.courtId === id);
          const open = theirs.filter((risk) => OPEN_RISK_STATUSES.includes(risk.status as RiskStatus));
          return {
            courtId: id,
            courtName: names.get(id) ?? id,
            open: open.length,
            red: open.filter((risk) => risk.level === 'red').length,
            orange: open.filter((risk) => risk.level === 'orange').length,
            overdue: theirs.filter((risk) => clocksOf.get(risk.id)!.some(missed)).length,
            reportedUp: theirs.filter((risk) => risk.reportedUpwardAt !== null).length,
          };
        });
        const reports = risks
          .filter((risk) => risk.courtId !== courtId && risk.reportedUpwardAt !== null && OPEN_RISK_STATUSES.includes(risk.status as RiskStatus))
          .sort((a, b) => (a.reportedUpwardAt! < b.reportedUpwardAt! ? 1 : -1))
          .map((risk) => ({
            riskId: risk.id,
            courtId: risk.courtId,
            courtName: risk.courtName,
            title: risk.title,
            level: risk.level as RiskLevel,
            status: risk.status as RiskStatus,
            reportedAt: risk.reportedUpwardAt!,
            automatic: risk.reportedUpwardAutomatic === 1,
          }));
        base.lowerReports = firstOf(reports);
      }
      return base;
    },
  };
}
export type WorkbenchService = ReturnType<typeof createWorkbenchService>;
