import {
  calculateTrialLimit,
  classifyTrialLimit,
  clockRestartReasonLabel,
  ClosingEvent,
  EXCLUDED_PERIOD_RULES,
  extensionApproverLabel,
  formatChineseDate,
  formatPeriodLength,
  PROCEDURE_RULES,
  ProcessEvent,
  processEventKey,
  processEventKindLabel,
  processEventKindOfType,
  reconcileProcessEvent,
  trialLimitNoticeKey,
  trialLimitRecipients,
  trialLimitTierLabel,
  type Citation,
  type LocalDate,
  type ProcedureCode,
  type ProcessEventKind,
  type RecordedProcessEvent,
  type RiskLevel,
  type ScheduledHolidayCalendar,
  type TrialLimitCourtSettings,
  type TrialLimitEventInput,
  type TrialLimitEventView,
  type TrialLimitInput,
  type TrialLimitRecipientGroup,
  type TrialLimitResult,
  type TrialLimitTier,
  type TrialLimitView,
} from '@courtrisk/core';
import { chinaToday, type Clock } from '../clock.js';
import type { CaseProcessEventTable, CourtCaseTable, WarningTable } from '../db/schema.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { newId } from '../ids.js';
import { TRIAL_LIMIT_PACK } from '../screening/case-screening.js';
import type { Repositories } from '../repositories/index.js';
import type { TrialCaseRow } from '../repositories/trial-cases.repository.js';
import type { AccessChecker } from './access.js';
import { auditActorOf, type Actor } from './actor.js';
import { writeAudit } from './audit-writer.js';
import { notify, type NewNotification } from './notifier.js';
import type { Store } from './store.js';
import { loadTrialLimitSettings } from './trial-limit-settings.service.js';

/** One warning per case under this rule id (unique key court + case + rule in `warning`). */
export const TRIAL_LIMIT_RULE_ID = 'IM-TRIAL-LIMIT';

export const TRIAL_LIMIT_LEVEL: Record<Exclude<TrialLimitTier, 'none'>, RiskLevel> = {
  overdue: 'red',
  urgent: 'orange',
  warning: 'yellow',
  notice: 'blue',
};
const LEVEL_RANK: Record<RiskLevel, number> = { red: 4, orange: 3, yellow: 2, blue: 1 };

type CaseFields = Pick<CourtCaseTable, 'caseType' | 'instance' | 'procedure' | 'typeCode'>;

// Module-level, not closures made per call: the mapping runs for every open case of a list.
const unmapped = (note: string) => ({ code: null, note });
const mappedTo = (code: ProcedureCode, note: string | null = null) => ({ code, note });

/**
 * Stored case (案件类型 / 审级 / 审理程序 / 类型代字) → engine procedure code. Only combinations that
 * fix the base period are mapped; everything else returns `null` with the reason, and the view says
 * the limit cannot be computed rather than guessing:
 *
 * | case_type | instance | procedure / 代字 | engine code | note |
 * |---|---|---|---|---|
 * | civil | first | ordinary | civilFirstInstanceOrdinary | |
 * | civil | first | simple | civilSimple | |
 * | civil | first | small_claims | civilSmallClaims | |
 * | civil | any | special, or 代字 民特 | civilSpecial | 选民资格案件不得延长 (not distinguishable) |
 * | civil | retrial_review | — | civilRetrialReview | 立案日期视为收到再审申请书之日 |
 * | criminal | first | simple | criminalSimple | >3年 variant has the same 20日 base; its extension shows as beyond authority |
 * | criminal | first | summary (速裁) | criminalExpedited | same for >1年 |
 * | criminal | second | — | criminalSecondInstance | |
 * | criminal | retrial | — | criminalRetrial | |
 * | administrative | first | ordinary | administrativeFirstInstance | |
 * | administrative | first | simple | administrativeSimple | |
 * | administrative | second | — | administrativeSecondInstance | |
 *
 * Not mapped (base periods differ and the record does not say which applies): civil 二审 (判决 3个月
 * vs 裁定 30日), civil 再审 (follows the original instance's procedure), criminal 一审普通 (公诉 2个月
 * vs 自诉未羁押 6个月), enforcement (执行 6个月 vs 非诉执行 3个月 share the 执 代字), state
 * compensation and other types.
 */
export function mapCaseToProcedure(c: CaseFields): { code: ProcedureCode | null; note: string | null } {
  switch (c.caseType) {
    case 'civil':
      if (c.procedure === 'special' || c.typeCode === '民特') return mappedTo('civilSpecial', '按特别程序计算；选民资格案件不得延长审限，系统无法从案件信息区分。');
      if (c.instance === 'first') {
        if (c.procedure === 'ordinary') return mappedTo('civilFirstInstanceOrdinary');
        if (c.procedure === 'simple') return mappedTo('civilSimple');
        if (c.procedure === 'small_claims') return mappedTo('civilSmallClaims');
        return unmapped('民事一审案件的审理程序不是普通、简易或小额诉讼程序，无法确定审限。');
      }
      if (c.instance === 'retrial_review') return mappedTo('civilRetrialReview', '再审审查自收到再审申请书之日起计算，此处以立案日期代替。');
      if (c.instance === 'second') return unmapped('民事二审审限取决于上诉针对判决（三个月）还是裁定（三十日），案件信息无法区分，未计算审限。');
      if (c.instance === 'retrial') return unmapped('民事再审依原审程序确定审限（一审或二审），案件信息无法区分，未计算审限。');
      return unmapped('该民事案件的审级没有对应的审限规定，未计算审限。');
    case 'criminal':
      if (c.instance === 'first') {
        if (c.procedure === 'simple') return mappedTo('criminalSimple', '按可能判处三年以下刑罚的简易程序计算（二十日）；超过三年的可延长至一个半月，如有延长请核对。');
        if (c.procedure === 'summary') return mappedTo('criminalExpedited', '按可能判处一年以下刑罚的速裁程序计算（十日）；超过一年的可延长至十五日，如有延长请核对。');
        return unmapped('刑事一审普通程序的审限取决于公诉（二个月）还是自诉、被告人是否羁押（六个月），案件信息无法区分，未计算审限。');
      }
      if (c.instance === 'second') return mappedTo('criminalSecondInstance');
      if (c.instance === 'retrial') return mappedTo('criminalRetrial');
      return unmapped('该刑事案件的审级没有对应的审限规定，未计算审限。');
    case 'administrative':
      if (c.instance === 'first') {
        if (c.procedure === 'ordinary') return mappedTo('administrativeFirstInstance');
        if (c.procedure === 'simple') return mappedTo('administrativeSimple');
        return unmapped('行政一审案件的审理程序不是普通或简易程序，无法确定审限。');
      }
      if (c.instance === 'second') return mappedTo('administrativeSecondInstance');
      return unmapped('该行政案件的审级没有对应的审限规定，未计算审限。');
    case 'enforcement':
      return unmapped('执行案件（六个月）与非诉执行案件（三个月）使用相同的类型代字，案件信息无法区分，未计算执行期限。');
    default:
      return unmapped('该类型案件没有审限规定，未计算审限。');
  }
}

/**
 * The case's procedure for the engine: one set by hand on the case (审限 panel, issue 5) wins over
 * {@link mapCaseToProcedure}; an unknown stored code (a later release renamed it) falls back to it.
 */
export function procedureOfCase(c: CaseFields & Pick<CourtCaseTable, 'procedureOverride' | 'procedureOverrideNote'>): { code: ProcedureCode | null; note: string | null; overridden: boolean } {
  const override = c.procedureOverride;
  if (override && override in PROCEDURE_RULES) {
    return { code: override as ProcedureCode, note: `适用程序由人工指定${c.procedureOverrideNote ? `（${c.procedureOverrideNote}）` : ''}。`, overridden: true };
  }
  const mapped = mapCaseToProcedure(c);
  return { code: mapped.code, note: mapped.note, overridden: false };
}

type StoredEvent = ProcessEvent | (ClosingEvent & { id: string });

/** A stored row back into an engine event (id = row id), or a closing event. */
function parseStored(row: CaseProcessEventTable): StoredEvent | null {
  const payload = JSON.parse(row.payload) as Record<string, unknown>;
  if (row.kind === 'closing') {
    const parsed = ClosingEvent.safeParse(payload);
    return parsed.success ? { ...parsed.data, id: row.id } : null;
  }
  const parsed = ProcessEvent.safeParse({ ...payload, id: row.id });
  return parsed.success ? parsed.data : null;
}

const cn = (date: string) => formatChineseDate(date as LocalDate);

export function describeEvent(event: TrialLimitEventInput | StoredEvent): string {
  switch (event.type) {
    case 'extension':
      return `${cn(event.approvedOn)}${extensionApproverLabel[event.approver]}批准延长审限${formatPeriodLength(event.length)}`;
    case 'excludedPeriod':
      return `扣除${EXCLUDED_PERIOD_RULES[event.kind].label}：${cn(event.start)}至${event.end ? cn(event.end) : '今（尚未结束）'}`;
    case 'suspension':
      return `${cn(event.on)}中止审理`;
    case 'resumption':
      return `${cn(event.on)}恢复审理`;
    case 'clockRestart':
      return `${cn(event.on)}因${clockRestartReasonLabel[event.reason]}重新计算审限`;
    case 'closing':
      return `${cn(event.on)}结案`;
  }
}

interface Computed {
  view: TrialLimitView;
  result: TrialLimitResult | null;
  tier: TrialLimitTier | null;
}

/** What syncing a case's IM-TRIAL-LIMIT warning did (counted by the daily sweep). */
export type WarningOutcome = 'raised' | 'escalated' | 'updated' | 'retired' | 'unchanged';

/** Accounts of one court by recipient group, for the escalation notifications. */
export interface CourtRecipients {
  forCase(c: Pick<CourtCaseTable, 'judgeAccountId' | 'departmentId'>, group: TrialLimitRecipientGroup): string[];
}

/** The built-in role whose holders form each group beyond the judge (PRODUCT.md §1). */
const GROUP_ROLE: Record<Exclude<TrialLimitRecipientGroup, 'judge'>, string> = {
  departmentHead: 'division_chief',
  riskOffice: 'risk_office',
  leader: 'leader',
};

/** 庭长 of the case's department, the court's 风险防控办 and 院领导, by built-in role code. */
export async function loadCourtRecipients(repos: Pick<Repositories, 'trialMonitoring'>, courtId: string): Promise<CourtRecipients> {
  const accounts = await repos.trialMonitoring.listAccountsByRoleCode(courtId, Object.values(GROUP_ROLE));
  return {
    forCase(c, group) {
      if (group === 'judge') return c.judgeAccountId ? [c.judgeAccountId] : [];
      const holders = accounts.filter((a) => a.roleCode === GROUP_ROLE[group]);
      // A department head only hears about cases of the department they head.
      return [...new Set((group === 'departmentHead' ? holders.filter((a) => c.departmentId !== null && a.departmentId === c.departmentId) : holders).map((a) => a.id))];
    },
  };
}

/**
 * The shared 审限 evaluation: compute a case's view under its court's settings, keep its single
 * warning in step with the tier, and tell the escalation ladder about a rise. Used by the case page
 * (one case, after an event) and the daily sweep (every open case).
 */
export function createTrialLimitEngine({ calendar }: { calendar: ScheduledHolidayCalendar }) {
  function compute(c: TrialCaseRow, rows: readonly CaseProcessEventTable[], settings: TrialLimitCourtSettings, today: string): Computed {
    const stored = rows.map((row) => ({ row, event: parseStored(row) }));
    const events: TrialLimitEventView[] = stored.map(({ row, event }) => ({
      id: row.id,
      kind: row.kind as ProcessEventKind,
      kindLabel: processEventKindLabel[row.kind as ProcessEventKind] ?? row.kind,
      description: event ? describeEvent(event) : '（记录无法解析）',
      payload: JSON.parse(row.payload) as Record<string, unknown>,
      createdBy: row.createdBy,
      createdAt: row.createdAt,
    }));
    const recordNotes: TrialLimitView['inconsistencies'] = [];
    const engineEvents = stored.flatMap(({ event }) => (event && event.type !== 'closing' ? [event] : []));
    const closings = stored.flatMap(({ event }) => (event?.type === 'closing' ? [event] : []));
    // The case record's 结案日期 wins; a recorded 结案 event is used only while the record has none.
    let closedOn = c.closedOn ?? closings.map((e) => e.on).sort().at(-1) ?? undefined;
    if (c.closedOn && closings.some((e) => e.on !== c.closedOn)) {
      recordNotes.push({ code: 'caseRecord', message: `登记的结案日期与案件信息中的结案日期${cn(c.closedOn)}不一致，以案件信息为准。`, eventIds: closings.map((e) => e.id) });
    }
    if (c.status === 'suspended' && !engineEvents.some((e) => e.type === 'suspension')) {
      recordNotes.push({ code: 'caseRecord', message: '案件状态为中止，但未登记中止日期，中止期间未扣除。', eventIds: [] });
    }
    if (closedOn && closedOn > today) closedOn = undefined;

    const mapped = procedureOfCase(c);
    const procedureLabel = mapped.code ? PROCEDURE_RULES[mapped.code].label : '无法确定';
    // Both views are written out field by field: spreading a shared `base` object into these
    // literals cost about 60 µs per case on Node 20 (V8 11.3), three seconds of a 50,000-case
    // monitoring list (bench/trial-monitoring.bench.ts, docs/benchmarks.md).
    if (!mapped.code) {
      return {
        result: null,
        tier: null,
        view: {
          caseId: c.id,
          caseNumber: c.caseNumber,
          procedure: null,
          procedureOverridden: mapped.overridden,
          procedureLabel,
          procedureNote: mapped.note,
          holidayRule: settings.holidayRule,
          events,
          holidayCalendarIncomplete: false,
          asOf: closedOn ?? today,
          countingStartedOn: null,
          deadline: null,
          limitDays: null,
          excludedDays: null,
          daysUsed: null,
          daysLeft: null,
          overdue: null,
          closed: closedOn !== undefined,
          provisional: false,
          tier: null,
          tierLabel: '无法计算',
          warningLevel: null,
          basis: [],
          inconsistencies: recordNotes,
        },
      };
    }
    const input: TrialLimitInput = { procedure: mapped.code, filedOn: c.filedOn as LocalDate, events: engineEvents, today: today as LocalDate };
    if (closedOn) input.closedOn = closedOn as LocalDate;
    const result = calculateTrialLimit(input, { holidayRule: settings.holidayRule }, calendar);
    const tier = classifyTrialLimit(result, settings.thresholds);
    const basis = [...result.basis];
    basis.push(settings.holidayRule === 'extend' ? '节假日顺延：本院设置为审限届满日遇法定休假日顺延至次日工作日（可在审限设置中修改）。' : '节假日顺延：本院设置为不顺延（可在审限设置中修改）。');
    return {
      result,
      tier,
      view: {
        caseId: c.id,
        caseNumber: c.caseNumber,
        procedure: mapped.code,
        procedureOverridden: mapped.overridden,
        procedureLabel,
        procedureNote: mapped.note,
        holidayRule: settings.holidayRule,
        events,
        holidayCalendarIncomplete: !calendar.coversDate(result.deadline),
        asOf: result.asOf,
        countingStartedOn: result.countingStartedOn,
        deadline: result.deadline,
        limitDays: result.limitDays,
        excludedDays: result.excludedDays,
        daysUsed: result.daysUsed,
        daysLeft: result.daysLeft,
        overdue: result.overdue,
        closed: result.closed,
        provisional: result.provisional,
        tier,
        tierLabel: trialLimitTierLabel[tier],
        warningLevel: tier === 'none' ? null : TRIAL_LIMIT_LEVEL[tier],
        basis,
        inconsistencies: [...result.inconsistencies, ...recordNotes],
      },
    };
  }

  /**
   * Raises, updates or retires the case's single IM-TRIAL-LIMIT warning. A warning that escalates
   * goes back to 待研判 (a dismissed 提示 must not hide 超审限); otherwise its triage status stays.
   * Tier 正常 (or no computable limit) marks it inactive, keeping its history.
   */
  async function syncWarning(trx: Repositories, c: TrialCaseRow, computed: Computed, nowIso: string, current?: WarningRow | null): Promise<WarningOutcome> {
    if (current === undefined) [current] = (await trx.warnings.listForCases(c.courtId, [c.id])).filter((w) => w.ruleId === TRIAL_LIMIT_RULE_ID);
    const { tier, result, view } = computed;
    if (!tier || tier === 'none' || !result) {
      if (!current || current.active !== 1) return 'unchanged';
      await trx.warnings.update(current.id, { active: 0, updatedAt: nowIso, version: current.version + 1 });
      return 'retired';
    }
    const level = TRIAL_LIMIT_LEVEL[tier];
    const rule = PROCEDURE_RULES[result.procedure];
    const title =
      tier === 'overdue'
        ? `超审限：审限已于${cn(result.deadline)}届满${result.closed ? '（超审限结案）' : ''}`
        : `审限${trialLimitTierLabel[tier]}：${cn(result.deadline)}届满，剩余${result.daysLeft}日`;
    const fields = {
      ruleVersion: 1,
      pack: TRIAL_LIMIT_PACK,
      domain: 'internal_management',
      subtype: '审限',
      level,
      score: null,
      title,
      evidence: JSON.stringify([
        {
          kind: 'trialLimit',
          procedure: view.procedureLabel,
          deadline: result.deadline,
          daysUsed: result.daysUsed,
          daysLeft: result.daysLeft,
          tier,
          tierLabel: trialLimitTierLabel[tier],
        },
      ]),
      suggestedAction: tier === 'overdue' ? '核查超审限原因，督促尽快结案并说明情况' : '督促承办法官按期结案；确需延长的，及时报请批准延长审限',
      source: JSON.stringify([{ document: rule.citation.law, edition: rule.citation.edition, article: rule.citation.article }] satisfies Citation[]),
      departmentId: c.departmentId,
      judgeAccountId: c.judgeAccountId,
    };
    if (!current) {
      await trx.warnings.insertMany([{ id: newId(), courtId: c.courtId, caseId: c.id, ruleId: TRIAL_LIMIT_RULE_ID, ...fields, status: 'pending', active: 1, createdAt: nowIso, updatedAt: nowIso, version: 1 }]);
      return 'raised';
    }
    if (current.level === level && current.title === title && current.evidence === fields.evidence && current.active === 1) return 'unchanged';
    const escalated = current.active !== 1 || LEVEL_RANK[level] > (LEVEL_RANK[current.level as RiskLevel] ?? 0);
    await trx.warnings.update(current.id, {
      ...fields,
      active: 1,
      ...(escalated && current.status !== 'pending' ? { status: 'pending', dismissReason: null, triageNote: null, triagedBy: null, triagedAt: null, mergedInto: null } : {}),
      updatedAt: nowIso,
      version: current.version + 1,
    });
    return escalated ? 'escalated' : 'updated';
  }

  /**
   * The notifications a rise to the case's tier sends (承办法官 from 提示, 庭长 from 预警, 风险防控办
   * from 紧急, 院领导 at 超审限), each once per case, tier and person (notifier dedupe key).
   */
  function announcements(c: TrialCaseRow, computed: Computed, recipients: CourtRecipients): NewNotification[] {
    const { tier, result } = computed;
    if (!tier || tier === 'none' || !result) return [];
    const title = `${tier === 'overdue' ? '超审限' : `审限${trialLimitTierLabel[tier]}`}：${c.caseNumber}`;
    const state = tier === 'overdue' ? `审限已于${cn(result.deadline)}届满，已超期${-result.daysLeft}日` : `审限将于${cn(result.deadline)}届满，剩余${result.daysLeft}日`;
    const items: NewNotification[] = [];
    for (const group of trialLimitRecipients(tier)) {
      const body = group === 'judge' ? `${state}。请按期结案；确需延长的，及时报请批准延长审限。` : `${state}（承办法官：${c.judgeName ?? '未登记'}）。请督促按期结案。`;
      for (const recipientId of recipients.forCase(c, group)) {
        items.push({
          courtId: c.courtId,
          recipientId,
          kind: tier === 'overdue' ? 'clock_missed' : 'clock_due_soon',
          title,
          body,
          link: `/cases/${c.id}`,
          dedupeKey: trialLimitNoticeKey(c.id, tier, recipientId),
        });
      }
    }
    return items;
  }

  /** Sends the case's {@link announcements} now; returns how many notifications were asked for. */
  async function announce(trx: Repositories, c: TrialCaseRow, computed: Computed, recipients: CourtRecipients, nowIso: string): Promise<number> {
    const items = announcements(c, computed, recipients);
    await notify(trx, items, nowIso);
    return items.length;
  }

  return { compute, syncWarning, announcements, announce };
}
export type TrialLimitEngine = ReturnType<typeof createTrialLimitEngine>;
/** What syncing compares and updates of a case's current warning. */
type WarningRow = Pick<WarningTable, 'id' | 'level' | 'title' | 'evidence' | 'status' | 'active' | 'version'>;

/** Outcome of recording one event against what the case already has (API entry and import). */
export type RecordOutcome = { action: 'created' | 'completed' | 'unchanged'; row: CaseProcessEventTable } | { action: 'conflict'; message: string };

/**
 * Records `input` on the case unless an event with the same identity (core processEventKey) is
 * already there: identical → unchanged; an open excluded period gets its end; anything else is a
 * conflict for a person to check. `rows` are the case's recorded events.
 */
export async function recordProcessEvent(
  trx: Repositories,
  c: Pick<CourtCaseTable, 'id' | 'courtId'>,
  input: TrialLimitEventInput,
  rows: readonly CaseProcessEventTable[],
  recordedBy: string | null,
  nowIso: string,
): Promise<RecordOutcome> {
  const key = processEventKey(input);
  for (const row of rows) {
    const recorded = parseStored(row);
    if (!recorded || processEventKey(recorded) !== key) continue;
    const reconciled = reconcileProcessEvent(recorded as RecordedProcessEvent, input);
    if (reconciled.action === 'conflict') return reconciled;
    if (reconciled.action === 'unchanged') return { action: 'unchanged', row };
    const payload = JSON.stringify({ ...JSON.parse(row.payload), end: reconciled.end });
    await trx.processEvents.updatePayload(c.courtId, row.id, payload);
    return { action: 'completed', row: { ...row, payload } };
  }
  const { type: _type, ...rest } = input;
  const row: CaseProcessEventTable = {
    id: newId(),
    courtId: c.courtId,
    caseId: c.id,
    kind: processEventKindOfType[input.type],
    payload: JSON.stringify({ type: input.type, ...rest }),
    eventKey: key,
    createdBy: recordedBy,
    createdAt: nowIso,
  };
  await trx.processEvents.insert(row);
  return { action: 'created', row };
}

export function createTrialLimitService({
  store,
  access,
  clock,
  engine,
}: {
  store: Store;
  access: AccessChecker;
  clock: Clock;
  engine: TrialLimitEngine;
}) {
  const { repos } = store;

  async function loadCase(actor: Actor, caseId: string) {
    const row = await repos.cases.getSummary(actor.scope, caseId);
    if (!row) throw new NotFoundError('courtCase', caseId);
    return row;
  }

  return {
    async get(actor: Actor, caseId: string): Promise<TrialLimitView> {
      await access.require(actor, 'case.read');
      const c = await loadCase(actor, caseId);
      const settings = await loadTrialLimitSettings(repos, c.courtId);
      return engine.compute(c, await repos.processEvents.listForCase(c.courtId, c.id), settings, chinaToday(clock)).view;
    },
    /**
     * 登记审限事项: validated by the core schema (route), audited, then the tier warning is synced
     * and a rise announced. The same event twice is refused (409), and so is a different one with the
     * same identity; a repeated open excluded period that now has an end completes the recorded one.
     */
    async addEvent(actor: Actor, caseId: string, input: TrialLimitEventInput): Promise<TrialLimitView> {
      await access.require(actor, 'case.process');
      const c = await loadCase(actor, caseId);
      const nowIso = clock.now().toISOString();
      return store.transaction(async (trx) => {
        const recorded = await recordProcessEvent(trx, c, input, await trx.processEvents.listForCase(c.courtId, c.id), actor.accountId, nowIso);
        if (recorded.action === 'conflict') throw new ConflictError(`${describeEvent(input)}：${recorded.message}`);
        if (recorded.action === 'unchanged') throw new ConflictError(`该审限事项已登记：${describeEvent(input)}`);
        const settings = await loadTrialLimitSettings(trx, c.courtId);
        const computed = engine.compute(c, await trx.processEvents.listForCase(c.courtId, c.id), settings, chinaToday(clock));
        const outcome = await engine.syncWarning(trx, c, computed, nowIso);
        if (outcome === 'raised' || outcome === 'escalated') await engine.announce(trx, c, computed, await loadCourtRecipients(trx, c.courtId), nowIso);
        const { view } = computed;
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: c.courtId,
          action: 'case.event',
          targetType: 'court_case',
          targetId: c.id,
          summary: `${recorded.action === 'completed' ? '补登结束日期' : '登记审限事项'}（${c.caseNumber}）：${describeEvent(input)}；${view.deadline ? `审限届满日${cn(view.deadline)}，剩余${view.daysLeft}日（${view.tierLabel}）` : view.tierLabel}`,
        });
        return view;
      });
    },
  };
}
export type TrialLimitService = ReturnType<typeof createTrialLimitService>;
