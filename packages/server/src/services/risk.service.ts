import {
  abilitiesFrom,
  applyRiskAction,
  availableActions,
  collectDescendantIds,
  compareWarningRefs,
  computeClocks,
  createRisk,
  isInScope,
  riskDomainLabel,
  riskLevelLabel,
  riskStatusLabel,
  RISK_TRANSITIONS,
  scoreRisk,
  type AssessmentView,
  type InstructionAcknowledgeInput,
  type InstructionInput,
  type InstructionView,
  type Paged,
  type RiskActionInput,
  type RiskActionPayload,
  type RiskActionResult,
  type RiskAssignDownInput,
  type RiskAssignmentInput,
  type RiskClock,
  type RiskCommentInput,
  type RiskCreateInput,
  type RiskDomain,
  type RiskLevel,
  type RiskLinkedWarning,
  type RiskListQuery,
  type RiskState,
  type RiskTimelineEntry,
  type RiskTimelineEntryView,
  type RiskView,
} from '@courtrisk/core';
import type { Clock } from '../clock.js';
import type { RiskInstructionTable, RiskTable } from '../db/schema.js';
import { AppError, ConflictError, ForbiddenError, NotFoundError, StaleVersionError, ValidationError } from '../errors.js';
import { buildXlsx, EXPORT_ROW_LIMIT, formatChinaTime } from '../export/xlsx.js';
import { groupBy } from '../group-by.js';
import { newId } from '../ids.js';
import type { Repositories } from '../repositories/index.js';
import { riskStateColumns, toRiskState, type NewTimelineEntry, type RiskViewer } from '../repositories/risk.repository.js';
import { asScopedCourt, type AccessChecker } from './access.js';
import { auditActorOf, type Actor } from './actor.js';
import { writeAudit } from './audit-writer.js';
import { notify, type NewNotification } from './notifier.js';
import { forCourt } from './risk-settings.service.js';
import type { Store } from './store.js';
import { caseWarningRef, opinionWarningRef, petitionWarningRefs, SOURCE_WARNING_LABEL, SOURCE_WARNING_READ_PERMISSION, type SourceWarningKind } from './warning-refs.js';

type RiskRow = RiskTable & { courtName: string; ownerName: string | null; departmentName: string | null };
type InstructionRow = RiskInstructionTable & { fromCourtName: string; riskTitle: string };

/** Web route of a risk's page, for notification links. */
export const riskLink = (riskId: string) => `/risks/${riskId}`;

export const viewerOf = (actor: Actor): RiskViewer => ({ courtId: actor.courtId, scope: actor.scope });

/** A timeline row for an entry written by `actor`. */
function timelineRow(courtId: string, riskId: string, actor: Actor, entry: Omit<NewTimelineEntry, 'courtId' | 'riskId' | 'actorId' | 'actorName' | 'actorCourtId'>): NewTimelineEntry {
  return { courtId, riskId, actorId: actor.accountId, actorName: actor.displayName, actorCourtId: actor.courtId, ...entry };
}

/** Core's lifecycle timeline entry as a stored row. */
function lifecycleRow(courtId: string, riskId: string, actor: Actor, entry: RiskTimelineEntry): NewTimelineEntry {
  return timelineRow(courtId, riskId, actor, {
    event: entry.event,
    at: entry.at,
    fromStatus: entry.fromStatus,
    toStatus: entry.toStatus,
    levelChange: entry.levelChange,
    upwardReport: entry.upwardReport,
    summary: entry.summary,
    details: entry.details,
  });
}

/** A refusal of the state machine as an HTTP error: 403 forbidden, 409 for the state, 400 for the input. */
function refusalError(result: Extract<RiskActionResult, { ok: false }>): AppError {
  switch (result.code) {
    case 'forbidden':
      return new ForbiddenError(result.reason);
    case 'invalid_state':
      return new ConflictError(result.reason, 'invalid_state');
    case 'invalid_input':
      return new ValidationError(result.reason);
    case 'precondition_failed':
      return new AppError('precondition_failed', 400, result.reason);
  }
}

const invalidField = (path: string, message: string) => new ValidationError(message, [{ path, message }]);

/** The fields a new register entry needs once validated; scoring happens on the court's matrix at registration. */
export interface NewRisk {
  courtId: string;
  domain: RiskDomain;
  subtype: string;
  title: string;
  description: string;
  tags: readonly string[];
  likelihood: number;
  impact: number;
  caseIds: readonly string[];
  ownerId: string | null;
  departmentId: string | null;
  /** 上级交办: the upper court that assigns it. */
  assignedByCourtId: string | null;
  /** The confirmed warning it comes from. */
  warningId?: string;
  /** A petition or opinion warning it comes from (they are not in `warning`/`risk_warning`). */
  sourceWarning?: { kind: 'petition' | 'opinion'; id: string };
}

/**
 * Registering and linking risks, shared by 上报风险, 上级交办 and confirming a warning (warning.service):
 * validation against the court's directory before the transaction, the writes inside it.
 */
export function createRiskRegistrar({ store }: { store: Store }) {
  const { repos } = store;
  return {
    /**
     * The owner and department of a risk in `courtId`: both must belong to that court (an active owner);
     * the department defaults to the owner's. `prefix` names the fields in errors (`risk.` for a triage body).
     */
    async resolveOwnership(courtId: string, ownerId: string | undefined, departmentId: string | undefined, prefix = '') {
      let ownerDepartmentId: string | null = null;
      if (ownerId !== undefined) {
        const owner = await repos.accounts.getById(ownerId);
        if (!owner || owner.courtId !== courtId || owner.status !== 'active') throw invalidField(`${prefix}ownerId`, '责任人不存在、已停用或不属于该法院');
        ownerDepartmentId = owner.departmentId;
      }
      if (departmentId !== undefined) {
        const department = await repos.departments.getById(departmentId);
        if (!department || department.courtId !== courtId || department.enabled !== 1) throw invalidField(`${prefix}departmentId`, '部门不存在、已停用或不属于该法院');
      }
      return { ownerId: ownerId ?? null, departmentId: departmentId ?? ownerDepartmentId };
    },
    /** Linked cases must be cases of the risk's court within the actor's data scope. */
    async checkCases(actor: Actor, courtId: string, caseIds: readonly string[]) {
      for (const [index, caseId] of caseIds.entries()) {
        const found = await repos.cases.getById(caseId);
        if (!found || found.courtId !== courtId || !isInScope(actor.scope, { courtId: found.courtId, departmentId: found.departmentId, ownerId: found.judgeAccountId })) {
          throw invalidField(`caseIds.${index}`, `第 ${index + 1} 件关联案件不存在或不属于该法院`);
        }
      }
    },
    /** Writes a new risk in 待研判 with its first timeline entry, links and notifications; returns it. */
    async register(trx: Repositories, actor: Actor, input: NewRisk, at: string): Promise<{ id: string; state: RiskState }> {
      const { matrix } = await forCourt(trx, input.courtId);
      const id = newId();
      const { risk, timelineEntry } = createRisk({ id, score: scoreRisk(input.likelihood, input.impact, matrix), at, actorId: actor.accountId });
      await trx.risks.insert({
        id,
        courtId: input.courtId,
        domain: input.domain,
        subtype: input.subtype,
        title: input.title,
        description: input.description,
        ...riskStateColumns(risk),
        ownerId: input.ownerId,
        departmentId: input.departmentId,
        tags: JSON.stringify(input.tags),
        assignedByCourtId: input.assignedByCourtId,
        createdBy: actor.accountId,
        createdAt: risk.createdAt,
        updatedAt: risk.createdAt,
        version: 1,
      });
      await trx.risks.linkCases(input.courtId, id, input.caseIds, risk.createdAt);
      if (input.warningId !== undefined) await trx.risks.linkWarning(input.courtId, id, input.warningId, risk.createdAt);
      await trx.risks.appendTimeline(lifecycleRow(input.courtId, id, actor, { ...timelineEntry, details: { ...timelineEntry.details, caseIds: input.caseIds, warningId: input.warningId ?? null, ...(input.sourceWarning ? { sourceWarning: input.sourceWarning } : {}) } }));
      const notices: NewNotification[] = [];
      if (input.ownerId !== null && input.ownerId !== actor.accountId) {
        notices.push({
          courtId: input.courtId,
          recipientId: input.ownerId,
          kind: 'assignment',
          title: `由你负责风险事项「${input.title}」`,
          body: `${riskLevelLabel[risk.score.level]} · ${riskDomainLabel[input.domain]} · ${input.subtype}，登记人：${actor.displayName}`,
          link: riskLink(id),
          riskId: id,
        });
      }
      await notify(trx, notices, at);
      if (risk.reportedUpward !== null) await notifyUpwardReport(trx, { id, courtId: input.courtId, title: input.title, level: risk.score.level, assignedByCourtId: input.assignedByCourtId }, at);
      return { id, state: risk };
    },
    /** Joins a confirmed petition or opinion warning (and its cases) to an open risk, with a timeline entry. */
    async joinSourceWarning(trx: Repositories, actor: Actor, risk: Pick<RiskTable, 'id' | 'courtId'>, source: { kind: 'petition' | 'opinion'; id: string; summary: string; caseIds: readonly string[] }, at: string) {
      await trx.risks.linkCases(risk.courtId, risk.id, source.caseIds, at);
      await trx.risks.touch(risk.courtId, risk.id, at);
      await trx.risks.appendTimeline(
        timelineRow(risk.courtId, risk.id, actor, { event: 'warning_joined', at, summary: source.summary, details: { sourceWarning: { kind: source.kind, id: source.id }, caseIds: source.caseIds } }),
      );
    },
    /** Links a confirmed warning (and its case) to an open risk, with a timeline entry; bumps the risk's version. */
    async joinWarning(trx: Repositories, actor: Actor, risk: Pick<RiskTable, 'id' | 'courtId'>, warning: { id: string; caseId: string; title: string; caseNumber: string }, at: string) {
      await trx.risks.linkWarning(risk.courtId, risk.id, warning.id, at);
      await trx.risks.linkCases(risk.courtId, risk.id, [warning.caseId], at);
      await trx.risks.touch(risk.courtId, risk.id, at);
      await trx.risks.appendTimeline(
        timelineRow(risk.courtId, risk.id, actor, {
          event: 'warning_joined',
          at,
          summary: `并入预警「${warning.title}」（${warning.caseNumber}）`,
          details: { warningId: warning.id, caseId: warning.caseId },
        }),
      );
    },
  };
}
export type RiskRegistrar = ReturnType<typeof createRiskRegistrar>;

/**
 * 下级上报 (issue 4): tells the parent court's accounts holding 批示、交办 that a risk was reported up —
 * unless that parent assigned the risk down itself (it knows already).
 */
async function notifyUpwardReport(trx: Repositories, risk: { id: string; courtId: string; title: string; level: RiskLevel; assignedByCourtId: string | null }, at: string) {
  const court = await trx.courts.getById(risk.courtId);
  if (!court?.parentId || court.parentId === risk.assignedByCourtId) return;
  const parentId = court.parentId;
  const recipients = await trx.risks.listAccountsHolding(parentId, 'risk.instruct');
  await notify(
    trx,
    recipients.map((account) => ({
      courtId: parentId,
      recipientId: account.id,
      kind: 'upward_report' as const,
      title: `${court.name}上报风险：${risk.title}`,
      body: `${riskLevelLabel[risk.level]}，请阅示`,
      link: riskLink(risk.id),
      riskId: risk.id,
      dedupeKey: `upward_report:${risk.id}`,
    })),
    at,
  );
}

/** 批示 / 交办 arrive at the risk's court: its accounts that handle risks court-wide. */
async function notifyInstruction(trx: Repositories, risk: { id: string; courtId: string; title: string }, fromCourtName: string, kind: 'instruction' | 'assignment', content: string, at: string) {
  const recipients = await trx.risks.listAccountsHolding(risk.courtId, 'risk.dispose', { courtWide: true });
  await notify(
    trx,
    recipients.map((account) => ({
      courtId: risk.courtId,
      recipientId: account.id,
      kind: 'instruction' as const,
      title: `${fromCourtName}${kind === 'assignment' ? '交办' : '批示'}：${risk.title}`,
      body: content.length > 200 ? `${content.slice(0, 200)}…` : content,
      link: riskLink(risk.id),
      riskId: risk.id,
    })),
    at,
  );
}

export function createRiskService({ store, access, clock, registrar }: { store: Store; access: AccessChecker; clock: Clock; registrar: RiskRegistrar }) {
  const { repos } = store;

  /** The risk if the actor sees it (own court by scope; lower courts once reported or assigned down); else 404. */
  async function visibleRisk(actor: Actor, id: string): Promise<RiskRow> {
    const row = await repos.risks.getVisible(viewerOf(actor), id);
    if (!row) throw new NotFoundError('risk', id);
    return row;
  }

  /** Lifecycle work belongs to the risk's own court; an upper court reads, comments and instructs. */
  function requireOwnCourt(actor: Actor, row: RiskRow) {
    if (row.courtId !== actor.courtId) throw new ForbiddenError(`该风险由${row.courtName}处置，上级法院可以评论或作出批示，不能代为办理`);
  }

  async function present(actor: Actor, rows: readonly RiskRow[]): Promise<RiskView[]> {
    const now = clock.now().toISOString();
    const links = new Map<string, { cases: { id: string; caseNumber: string }[]; warningIds: string[] }>();
    const settings = new Map<string, Awaited<ReturnType<typeof forCourt>>>();
    for (const [courtId, courtRows] of groupBy(rows, (r) => r.courtId)) {
      const ids = courtRows.map((r) => r.id);
      const cases = groupBy(await repos.risks.listLinkedCases(courtId, ids), (c) => c.riskId);
      const warnings = groupBy(await repos.risks.listWarningLinks(courtId, ids), (w) => w.riskId);
      for (const id of ids) {
        links.set(id, {
          cases: (cases.get(id) ?? []).map((c) => ({ id: c.id, caseNumber: c.caseNumber })),
          warningIds: (warnings.get(id) ?? []).map((w) => w.warningId),
        });
      }
      settings.set(courtId, await forCourt(repos, courtId));
    }
    const instructionCounts = new Map((await repos.risks.listInstructionCounts(rows)).map((c) => [c.riskId, c]));
    const ownAbilities = abilitiesFrom(actor.permissions);
    const mayDispose = actor.permissions.has('risk.dispose');
    return rows.map((row) => {
      const state = toRiskState(row);
      const link = links.get(row.id)!;
      const instructions = instructionCounts.get(row.id);
      return {
        id: row.id,
        courtId: row.courtId,
        courtName: row.courtName,
        domain: row.domain as RiskDomain,
        subtype: row.subtype,
        title: row.title,
        description: row.description,
        status: state.status,
        statusSince: state.statusSince,
        score: state.score,
        initialLevel: state.initialLevel,
        level: state.score.level,
        residualLevel: state.resolution?.residualLevel ?? null,
        ownerId: row.ownerId,
        ownerName: row.ownerName,
        departmentId: row.departmentId,
        departmentName: row.departmentName,
        linkedCases: link.cases,
        warningIds: link.warningIds,
        tags: JSON.parse(row.tags) as string[],
        firstAssessedAt: state.firstAssessedAt,
        planSubmittedAt: state.planSubmittedAt,
        lastReviewedAt: state.lastReviewedAt,
        nextReviewOn: state.nextReviewOn,
        reportedToLeaderAt: state.reportedToLeaderAt,
        reportedUpward: state.reportedUpward,
        resolution: state.resolution,
        approvals: [...state.approvals],
        closure: state.closure,
        clocks: computeClocks(state, settings.get(row.courtId)!.clocks, now),
        // Another court's risk offers no lifecycle actions: the upper court instructs instead.
        availableActions: availableActions(state, row.courtId === actor.courtId ? ownAbilities : {}),
        instructions: { total: instructions?.total ?? 0, unacknowledged: instructions ? instructions.total - instructions.acknowledged : 0 },
        // The rule `reassign` enforces: 处置风险, the risk's own court, not 已销号.
        canReassign: mayDispose && row.courtId === actor.courtId && state.status !== 'closed',
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        version: row.version,
      };
    });
  }

  /** The view of a risk already checked for permission. */
  async function viewOf(actor: Actor, id: string): Promise<RiskView> {
    const [view] = await present(actor, [await visibleRisk(actor, id)]);
    return view!;
  }

  async function timelineOf(actor: Actor, row: RiskRow): Promise<RiskTimelineEntryView[]> {
    const rows = await repos.risks.listTimeline(row.courtId, row.id);
    const mentioned = [...new Set(rows.flatMap((r) => JSON.parse(r.mentionIds) as string[]))];
    const names = new Map((await repos.risks.listAccountNames(mentioned)).map((a) => [a.id, a.displayName]));
    return presentTimeline(rows, names).map((entry) => withoutUnreadableSource(actor, entry));
  }

  /**
   * A joined petition or opinion warning's title names people (重复访：张三…); a reader of the risk
   * without that source's read permission sees only that such a warning was joined, as 关联预警 shows them none.
   */
  function withoutUnreadableSource(actor: Actor, entry: RiskTimelineEntryView): RiskTimelineEntryView {
    const source = entry.details.sourceWarning as { kind: SourceWarningKind } | undefined;
    if (entry.event !== 'warning_joined' || !source || actor.permissions.has(SOURCE_WARNING_READ_PERMISSION[source.kind])) return entry;
    return { ...entry, summary: `并入${SOURCE_WARNING_LABEL[source.kind]}（内容需${source.kind === 'petition' ? '信访' : '舆情'}查看权限）` };
  }

  const isOverdue = (view: RiskView) => view.clocks.some((c: RiskClock) => c.status === 'missed' && c.running);

  /** The filtered list; `overdue` depends on the clocks, so it is applied to the computed views (capped). */
  async function listViews(actor: Actor, query: RiskListQuery): Promise<{ items: RiskView[]; total: number }> {
    if (query.overdue === undefined) {
      const { rows, total } = await repos.risks.list(viewerOf(actor), query);
      return { items: await present(actor, rows), total };
    }
    const views = await present(actor, await repos.risks.listAll(viewerOf(actor), query, EXPORT_ROW_LIMIT));
    const wanted = views.filter((view) => isOverdue(view) === (query.overdue === 'true'));
    return { items: wanted.slice((query.page - 1) * query.pageSize, query.page * query.pageSize), total: wanted.length };
  }

  function presentTimeline(rows: Awaited<ReturnType<Repositories['risks']['listTimeline']>>, names: ReadonlyMap<string, string>): RiskTimelineEntryView[] {
    return rows.map((row) => ({
      id: row.id,
      riskId: row.riskId,
      event: row.event as RiskTimelineEntryView['event'],
      at: row.at,
      actorId: row.actorId,
      actorName: row.actorName,
      actorCourtName: row.actorCourtName,
      fromStatus: row.fromStatus as RiskTimelineEntryView['fromStatus'],
      toStatus: row.toStatus as RiskTimelineEntryView['toStatus'],
      levelChange: row.levelChange === null ? null : (JSON.parse(row.levelChange) as RiskTimelineEntryView['levelChange']),
      upwardReport: row.upwardReport as RiskTimelineEntryView['upwardReport'],
      summary: row.summary,
      details: JSON.parse(row.details) as Record<string, unknown>,
      mentions: (JSON.parse(row.mentionIds) as string[]).map((id) => ({ id, name: names.get(id) ?? '（已删除的账号）' })),
    }));
  }

  function presentInstruction(actor: Actor, row: InstructionRow): InstructionView {
    return {
      id: row.id,
      riskId: row.riskId,
      riskTitle: row.riskTitle,
      courtId: row.courtId,
      kind: row.kind,
      fromCourtId: row.fromCourtId,
      fromCourtName: row.fromCourtName,
      authorId: row.authorId,
      authorName: row.authorName,
      content: row.content,
      replyBy: row.replyBy,
      createdAt: row.createdAt,
      acknowledgedAt: row.acknowledgedAt,
      acknowledgedById: row.acknowledgedBy,
      acknowledgedByName: row.acknowledgedByName,
      acknowledgeNote: row.acknowledgeNote,
      canAcknowledge: row.acknowledgedAt === null && row.courtId === actor.courtId && actor.permissions.has('risk.dispose'),
    };
  }

  /** Agencies, departments and people an action names must exist in the risk's court (400 naming the field). */
  async function checkActionReferences(courtId: string, payload: RiskActionPayload) {
    if (payload.action === 'recordAssessment') {
      const participants = payload.assessment.participants;
      const agencyIds = participants.flatMap((p) => (p.kind === 'agency' ? [p.agencyId] : []));
      const live = new Set((await repos.agencies.listByIds(courtId, agencyIds)).map((a) => a.id));
      for (const [index, participant] of participants.entries()) {
        if (participant.kind === 'agency' && !live.has(participant.agencyId)) throw invalidField(`assessment.participants.${index}.agencyId`, `第 ${index + 1} 位参加人的协同单位不存在或已删除`);
        if (participant.kind === 'staff' && participant.accountId !== undefined) {
          const account = await repos.accounts.getById(participant.accountId);
          if (!account || account.courtId !== courtId) throw invalidField(`assessment.participants.${index}.accountId`, `第 ${index + 1} 位参加人不是本院人员`);
        }
      }
    }
    if (payload.action === 'submitPlan') {
      for (const [index, { assignee }] of payload.tasks.entries()) {
        const path = `tasks.${index}.assignee`;
        if (assignee.kind === 'department') {
          const department = await repos.departments.getById(assignee.departmentId);
          if (!department || department.courtId !== courtId || department.enabled !== 1) throw invalidField(`${path}.departmentId`, `第 ${index + 1} 项任务的承办部门不存在或已停用`);
        } else if (assignee.kind === 'person') {
          const account = await repos.accounts.getById(assignee.accountId);
          if (!account || account.courtId !== courtId || account.status !== 'active') throw invalidField(`${path}.accountId`, `第 ${index + 1} 项任务的承办人不存在、已停用或不是本院人员`);
        } else if ((await repos.agencies.listByIds(courtId, [assignee.agencyId])).length === 0) {
          throw invalidField(`${path}.agencyId`, `第 ${index + 1} 项任务的协同单位不存在或已删除`);
        }
      }
    }
  }

  /** What an accepted action writes besides the risk row and its timeline entry (assessment record, plan tasks). */
  async function recordActionEffects(trx: Repositories, actor: Actor, row: RiskRow, payload: RiskActionPayload, result: Extract<RiskActionResult, { ok: true }>) {
    const at = result.timelineEntry.at;
    if (payload.action === 'recordAssessment') {
      const { assessment } = payload;
      const agencyNames = new Map((await trx.agencies.listNames(row.courtId, assessment.participants.flatMap((p) => (p.kind === 'agency' ? [p.agencyId] : [])))).map((a) => [a.id, a.name]));
      await trx.risks.insertAssessment({
        id: newId(),
        courtId: row.courtId,
        riskId: row.id,
        heldOn: assessment.heldOn,
        form: assessment.form,
        participants: JSON.stringify(assessment.participants.map((p) => (p.kind === 'agency' ? { ...p, agencyName: agencyNames.get(p.agencyId) } : p))),
        conclusion: assessment.conclusion,
        levelChange:
          assessment.levelChange === undefined
            ? null
            : JSON.stringify({ ...assessment.levelChange, from: toRiskState(row).score.level, to: result.next.score.level }),
        recordedBy: actor.accountId,
        recordedByName: actor.displayName,
        createdAt: at,
      });
    }
    if (payload.action === 'submitPlan') {
      const tasks = payload.tasks.map((task) => ({
        id: newId(),
        courtId: row.courtId,
        riskId: row.id,
        assigneeKind: task.assignee.kind,
        assigneeDepartmentId: task.assignee.kind === 'department' ? task.assignee.departmentId : null,
        assigneeAccountId: task.assignee.kind === 'person' ? task.assignee.accountId : null,
        agencyId: task.assignee.kind === 'agency' ? task.assignee.agencyId : null,
        description: task.description,
        dueOn: task.dueOn,
        status: 'pending_acceptance',
        feedback: null,
        returnReason: null,
        acceptedAt: null,
        fedBackAt: null,
        completedAt: null,
        returnedAt: null,
        createdBy: actor.accountId,
        createdAt: at,
        updatedAt: at,
        version: 1,
      }));
      await trx.tasks.insertMany(tasks);
      const notices: NewNotification[] = [];
      for (const task of tasks) {
        // Agencies have no accounts: the risk office records their work, so nobody is notified.
        const recipients =
          task.assigneeAccountId !== null
            ? [task.assigneeAccountId]
            : task.assigneeDepartmentId !== null
              ? (await trx.risks.listAccountsHolding(row.courtId, 'risk.dispose', { departmentId: task.assigneeDepartmentId })).map((a) => a.id)
              : [];
        for (const recipientId of recipients) {
          notices.push({
            courtId: row.courtId,
            recipientId,
            kind: 'assignment',
            title: `新的处置任务：${row.title}`,
            body: `${task.description}（办理期限 ${task.dueOn}）`,
            link: riskLink(row.id),
            riskId: row.id,
            dedupeKey: `task:${task.id}`,
          });
        }
      }
      await notify(trx, notices, at);
    }
  }

  return {
    async list(actor: Actor, query: RiskListQuery): Promise<Paged<RiskView>> {
      await access.require(actor, 'risk.read');
      return { ...(await listViews(actor, query)), page: query.page, pageSize: query.pageSize };
    },

    async get(actor: Actor, id: string): Promise<RiskView> {
      await access.require(actor, 'risk.read');
      return viewOf(actor, id);
    },

    /** 上报风险 (issue 4) in the reporter's own court; owner defaults to the reporter, department to the owner's. */
    async create(actor: Actor, input: RiskCreateInput): Promise<RiskView> {
      await access.require(actor, 'risk.report');
      const courtId = input.courtId ?? actor.courtId;
      const court = access.inScope(actor, asScopedCourt(await repos.courts.getById(courtId)), 'court', courtId);
      if (court.id !== actor.courtId) throw invalidField('courtId', '上报风险只能登记在本院；向下级法院布置请使用“上级交办”');
      const ownership = await registrar.resolveOwnership(court.id, input.ownerId ?? actor.accountId, input.departmentId);
      await registrar.checkCases(actor, court.id, input.caseIds);
      const at = clock.now().toISOString();
      const id = await store.transaction(async (trx) => {
        const created = await registrar.register(trx, actor, { ...input, courtId: court.id, ...ownership, assignedByCourtId: null }, at);
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: court.id,
          action: 'risk.report',
          targetType: 'risk',
          targetId: created.id,
          summary: `上报风险「${input.title}」（${riskLevelLabel[created.state.score.level]}，${riskDomainLabel[input.domain]}）${input.caseIds.length > 0 ? `，关联案件 ${input.caseIds.length} 件` : ''}`,
        });
        return created.id;
      });
      return viewOf(actor, id);
    },

    /** 上级交办 (issue 4): a risk registered in a lower court, with the instruction the lower court must 签收. */
    async assignDown(actor: Actor, input: RiskAssignDownInput): Promise<RiskView> {
      await access.require(actor, 'risk.instruct');
      const court = access.inScope(actor, asScopedCourt(await repos.courts.getById(input.courtId)), 'court', input.courtId);
      const below = collectDescendantIds(await repos.courts.listAll(), actor.courtId);
      if (court.id === actor.courtId || !below.has(court.id)) throw invalidField('courtId', '交办对象应为本院的下级法院');
      const ownership = await registrar.resolveOwnership(court.id, input.ownerId, input.departmentId);
      await registrar.checkCases(actor, court.id, input.caseIds);
      const from = (await repos.courts.getById(actor.courtId))!;
      const at = clock.now().toISOString();
      const id = await store.transaction(async (trx) => {
        const { instruction, replyBy, ...fields } = input;
        const created = await registrar.register(trx, actor, { ...fields, courtId: court.id, ...ownership, assignedByCourtId: actor.courtId }, at);
        await trx.risks.insertInstruction({
          id: newId(),
          courtId: court.id,
          riskId: created.id,
          kind: 'assignment',
          fromCourtId: actor.courtId,
          authorId: actor.accountId,
          authorName: actor.displayName,
          content: instruction,
          replyBy: replyBy ?? null,
          acknowledgedAt: null,
          acknowledgedBy: null,
          acknowledgedByName: null,
          acknowledgeNote: null,
          createdAt: at,
          updatedAt: at,
          version: 1,
        });
        await trx.risks.appendTimeline(timelineRow(court.id, created.id, actor, { event: 'instruction', at, summary: `${from.name}交办：${instruction}`, details: { kind: 'assignment', content: instruction, replyBy: replyBy ?? null } }));
        await notifyInstruction(trx, { id: created.id, courtId: court.id, title: input.title }, from.name, 'assignment', instruction, at);
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: court.id,
          action: 'risk.assign_down',
          targetType: 'risk',
          targetId: created.id,
          summary: `${from.name}向${court.name}交办风险「${input.title}」（${riskLevelLabel[created.state.score.level]}）`,
        });
        return created.id;
      });
      return viewOf(actor, id);
    },

    /**
     * One lifecycle action (docs/risk-lifecycle.md): permission of the action's row first (403, audited),
     * then scope (404), own court (403), version (409), the state machine (403/409/400), the references
     * the payload names (400). Writes the risk, its timeline entry, assessment or plan tasks,
     * notifications and the audit entry in one transaction.
     */
    async act(actor: Actor, id: string, input: RiskActionInput): Promise<RiskView> {
      await access.require(actor, RISK_TRANSITIONS[input.action].permission);
      const row = await visibleRisk(actor, id);
      requireOwnCourt(actor, row);
      const { version, ...payload } = input;
      if (row.version !== version) throw new StaleVersionError('risk');
      const { matrix } = await forCourt(repos, row.courtId);
      const result = applyRiskAction(toRiskState(row), payload, { id: actor.accountId, abilities: abilitiesFrom(actor.permissions) }, { at: clock.now().toISOString(), matrix });
      if (!result.ok) throw refusalError(result);
      await checkActionReferences(row.courtId, payload);
      const entry = result.timelineEntry;
      await store.transaction(async (trx) => {
        if (!(await trx.risks.updateVersioned(row.courtId, id, version, { ...riskStateColumns(result.next), updatedAt: entry.at }))) throw new StaleVersionError('risk');
        await trx.risks.appendTimeline(lifecycleRow(row.courtId, id, actor, entry));
        await recordActionEffects(trx, actor, row, payload, result);
        if (entry.upwardReport !== null) await notifyUpwardReport(trx, { id, courtId: row.courtId, title: row.title, level: result.next.score.level, assignedByCourtId: row.assignedByCourtId }, entry.at);
        await writeAudit(trx, clock, auditActorOf(actor), { courtId: row.courtId, action: `risk.${input.action}`, targetType: 'risk', targetId: id, summary: `风险「${row.title}」${entry.summary}` });
      });
      return viewOf(actor, id);
    },

    /**
     * 调整责任人 (docs/risk-api.md): owner, department and/or tags of a risk of the actor's own court, with
     * the version last read. The owner must be an active account and the department an enabled one of
     * the risk's court; one timeline row says what changed, the new owner is notified.
     */
    async reassign(actor: Actor, id: string, input: RiskAssignmentInput): Promise<RiskView> {
      await access.require(actor, 'risk.dispose');
      const row = await visibleRisk(actor, id);
      requireOwnCourt(actor, row);
      if (row.version !== input.version) throw new StaleVersionError('risk');
      if (row.status === 'closed') throw new ConflictError('已销号的风险不能调整责任人，如需继续处理请先重新启动', 'invalid_state');
      // Validation only: a new owner does not move the risk to the owner's department unless asked.
      await registrar.resolveOwnership(row.courtId, input.ownerId, input.departmentId);
      const next = { ownerId: input.ownerId ?? row.ownerId, departmentId: input.departmentId ?? row.departmentId, tags: input.tags ?? (JSON.parse(row.tags) as string[]) };
      const changes: string[] = [];
      const nameOf = async (accountId: string | null) => (accountId === null ? '（无）' : ((await repos.accounts.getById(accountId))?.displayName ?? '（已删除的账号）'));
      const departmentOf = async (departmentId: string | null) => (departmentId === null ? '（无）' : ((await repos.departments.getById(departmentId))?.name ?? '（已删除的部门）'));
      if (next.ownerId !== row.ownerId) changes.push(`责任人由 ${row.ownerName ?? '（无）'} 调整为 ${await nameOf(next.ownerId)}`);
      if (next.departmentId !== row.departmentId) changes.push(`部门由 ${row.departmentName ?? '（无）'} 调整为 ${await departmentOf(next.departmentId)}`);
      if (JSON.stringify(next.tags) !== row.tags) changes.push(`标签调整为 ${next.tags.length > 0 ? next.tags.join('、') : '（无）'}`);
      if (changes.length === 0) return viewOf(actor, id);
      const summary = changes.join('；');
      const at = clock.now().toISOString();
      await store.transaction(async (trx) => {
        if (!(await trx.risks.updateVersioned(row.courtId, id, input.version, { ...next, tags: JSON.stringify(next.tags), updatedAt: at }))) throw new StaleVersionError('risk');
        await trx.risks.appendTimeline(
          timelineRow(row.courtId, id, actor, {
            event: 'assignment',
            at,
            summary,
            details: { from: { ownerId: row.ownerId, departmentId: row.departmentId, tags: JSON.parse(row.tags) as string[] }, to: next },
          }),
        );
        if (next.ownerId !== row.ownerId && next.ownerId !== null && next.ownerId !== actor.accountId) {
          await notify(
            trx,
            [
              {
                courtId: row.courtId,
                recipientId: next.ownerId,
                kind: 'assignment',
                title: `由你负责风险事项「${row.title}」`,
                body: `${riskLevelLabel[row.level as RiskLevel]} · ${riskStatusLabel[row.status as RiskView['status']]}，${actor.displayName}调整了责任人`,
                link: riskLink(id),
                riskId: id,
              },
            ],
            at,
          );
        }
        await writeAudit(trx, clock, auditActorOf(actor), { courtId: row.courtId, action: 'risk.reassign', targetType: 'risk', targetId: id, summary: `风险「${row.title}」${summary}` });
      });
      return viewOf(actor, id);
    },

    async timeline(actor: Actor, id: string): Promise<{ items: RiskTimelineEntryView[] }> {
      await access.require(actor, 'risk.read');
      return { items: await timelineOf(actor, await visibleRisk(actor, id)) };
    },

    /**
     * 关联预警 (docs/risk-lifecycle.md "Linked warnings"): the case warnings linked to the risk and the
     * petition and opinion warnings turned into or joined to it (their `risk_id`), newest first. Each
     * source only with the permissions and scope of its 预警列表 tab — warning.read, plus petition.read /
     * opinion.read — so a reader of the risk who may not read a source sees none of its warnings.
     */
    async linkedWarnings(actor: Actor, id: string): Promise<{ items: RiskLinkedWarning[] }> {
      await access.require(actor, 'risk.read');
      const row = await visibleRisk(actor, id);
      if (!actor.permissions.has('warning.read')) return { items: [] };
      const [cases, petitions, opinions] = await Promise.all([
        repos.risks.listLinkedCaseWarnings(actor.scope, row.courtId, row.id),
        actor.permissions.has('petition.read') ? repos.risks.listLinkedPetitionWarnings(actor.scope.courtIds, row.courtId, row.id) : [],
        actor.permissions.has('opinion.read') ? repos.risks.listLinkedOpinionWarnings(actor.scope, row.courtId, row.id) : [],
      ]);
      const petitionRefs = await petitionWarningRefs(repos, actor.scope.courtIds, petitions);
      const items: RiskLinkedWarning[] = [
        ...cases.map((w) => ({ ...caseWarningRef(w), subtype: w.subtype, summary: null })),
        ...petitionRefs.map((ref, index) => ({ ...ref, subtype: petitions[index]!.subtype, summary: petitions[index]!.explanation })),
        ...opinions.map((w) => ({ ...opinionWarningRef(w), subtype: w.subtype, summary: w.explanation })),
      ];
      return { items: items.sort(compareWarningRefs) };
    },

    async assessments(actor: Actor, id: string): Promise<{ items: AssessmentView[] }> {
      await access.require(actor, 'risk.read');
      const row = await visibleRisk(actor, id);
      return { items: (await repos.risks.listAssessments(row.courtId, row.id)).map(presentAssessment) };
    },

    /** A comment on the timeline (the upper court may comment on reported risks too); @mentions are notified. */
    async comment(actor: Actor, id: string, input: RiskCommentInput): Promise<RiskTimelineEntryView> {
      await access.require(actor, 'risk.read');
      const row = await visibleRisk(actor, id);
      const mentioned = await repos.risks.listAccountNames(input.mentionIds);
      for (const [index, accountId] of input.mentionIds.entries()) {
        const account = mentioned.find((a) => a.id === accountId);
        // People of the risk's court or of the commenter's court: both can open the risk.
        if (!account || account.status !== 'active' || (account.courtId !== row.courtId && account.courtId !== actor.courtId)) {
          throw invalidField(`mentionIds.${index}`, `第 ${index + 1} 位提及的人员不存在、已停用或看不到该风险`);
        }
      }
      const at = clock.now().toISOString();
      const eventId = await store.transaction(async (trx) => {
        const entryId = await trx.risks.appendTimeline(timelineRow(row.courtId, row.id, actor, { event: 'comment', at, summary: input.body, details: { body: input.body }, mentionIds: input.mentionIds }));
        await notify(
          trx,
          mentioned
            .filter((account) => account.id !== actor.accountId)
            .map((account) => ({
              courtId: account.courtId,
              recipientId: account.id,
              kind: 'mention' as const,
              title: `${actor.displayName}在「${row.title}」中提到了你`,
              body: input.body.length > 200 ? `${input.body.slice(0, 200)}…` : input.body,
              link: riskLink(row.id),
              riskId: row.id,
            })),
          at,
        );
        await writeAudit(trx, clock, auditActorOf(actor), {
          courtId: row.courtId,
          action: 'risk.comment',
          targetType: 'risk',
          targetId: row.id,
          summary: `评论风险「${row.title}」${mentioned.length > 0 ? `，提及 ${mentioned.map((a) => a.displayName).join('、')}` : ''}`,
        });
        return entryId;
      });
      return (await timelineOf(actor, row)).find((item) => item.id === eventId)!;
    },

    async instructions(actor: Actor, id: string): Promise<{ items: InstructionView[] }> {
      await access.require(actor, 'risk.read');
      const row = await visibleRisk(actor, id);
      return { items: (await repos.risks.listInstructions(row.courtId, row.id)).map((r) => presentInstruction(actor, r)) };
    },

    /**
     * 批示 (issue 4) by a leader of the risk's court or of an upper court that sees it (reported up or
     * assigned down); the risk's court is notified and must 签收.
     */
    async instruct(actor: Actor, id: string, input: InstructionInput): Promise<InstructionView> {
      await access.require(actor, 'risk.instruct');
      const row = await visibleRisk(actor, id);
      if (row.status === 'closed') throw new ConflictError('已销号的风险不能再作批示，如需继续处理请先重新启动', 'invalid_state');
      const from = (await repos.courts.getById(actor.courtId))!;
      const at = clock.now().toISOString();
      const instructionId = newId();
      await store.transaction(async (trx) => {
        await trx.risks.insertInstruction({
          id: instructionId,
          courtId: row.courtId,
          riskId: row.id,
          kind: 'instruction',
          fromCourtId: actor.courtId,
          authorId: actor.accountId,
          authorName: actor.displayName,
          content: input.content,
          replyBy: input.replyBy ?? null,
          acknowledgedAt: null,
          acknowledgedBy: null,
          acknowledgedByName: null,
          acknowledgeNote: null,
          createdAt: at,
          updatedAt: at,
          version: 1,
        });
        await trx.risks.appendTimeline(
          timelineRow(row.courtId, row.id, actor, {
            event: 'instruction',
            at,
            summary: `${from.name} ${actor.displayName}批示：${input.content}`,
            details: { instructionId, kind: 'instruction', content: input.content, replyBy: input.replyBy ?? null },
          }),
        );
        await notifyInstruction(trx, row, from.name, 'instruction', input.content, at);
        await writeAudit(trx, clock, auditActorOf(actor), { courtId: row.courtId, action: 'risk.instruct', targetType: 'risk', targetId: row.id, summary: `${from.name}对风险「${row.title}」作出批示` });
      });
      return presentInstruction(actor, (await repos.risks.getInstruction(instructionId))!);
    },

    /** 签收批示 by the risk's own court (risk.dispose); the author is told. Only once. */
    async acknowledge(actor: Actor, instructionId: string, input: InstructionAcknowledgeInput): Promise<InstructionView> {
      await access.require(actor, 'risk.dispose');
      const instruction = await repos.risks.getInstruction(instructionId);
      if (!instruction) throw new NotFoundError('instruction', instructionId);
      const row = await repos.risks.getVisible(viewerOf(actor), instruction.riskId);
      if (!row) throw new NotFoundError('instruction', instructionId);
      if (row.courtId !== actor.courtId) throw new ForbiddenError(`批示应由${row.courtName}签收`);
      if (instruction.acknowledgedAt !== null) throw new ConflictError(`该批示已由${instruction.acknowledgedByName}签收`);
      const at = clock.now().toISOString();
      await store.transaction(async (trx) => {
        const done = await trx.risks.acknowledgeInstruction(row.courtId, instructionId, { acknowledgedAt: at, acknowledgedBy: actor.accountId, acknowledgedByName: actor.displayName, acknowledgeNote: input.note ?? null });
        if (!done) throw new ConflictError('该批示已被他人签收，请刷新');
        await trx.risks.appendTimeline(
          timelineRow(row.courtId, row.id, actor, {
            event: 'instruction_ack',
            at,
            summary: `签收${instruction.fromCourtName}${instruction.kind === 'assignment' ? '交办' : '批示'}${input.note ? `：${input.note}` : ''}`,
            details: { instructionId, note: input.note ?? null },
          }),
        );
        await notify(
          trx,
          [
            {
              courtId: instruction.fromCourtId,
              recipientId: instruction.authorId,
              kind: 'instruction_ack',
              title: `${row.courtName}已签收批示：${row.title}`,
              body: input.note ?? `${actor.displayName}已签收`,
              link: riskLink(row.id),
              riskId: row.id,
            },
          ],
          at,
        );
        await writeAudit(trx, clock, auditActorOf(actor), { courtId: row.courtId, action: 'risk.acknowledge', targetType: 'instruction', targetId: instructionId, summary: `签收${instruction.fromCourtName}对风险「${row.title}」的批示` });
      });
      return presentInstruction(actor, (await repos.risks.getInstruction(instructionId))!);
    },

    /** The filtered register as XLSX (formula-safe cells); audited as an export. */
    async exportXlsx(actor: Actor, query: RiskListQuery): Promise<Buffer> {
      await access.require(actor, 'risk.read');
      await access.require(actor, 'report.export');
      const { items } = await listViews(actor, { ...query, page: 1, pageSize: EXPORT_ROW_LIMIT });
      await store.transaction((trx) => writeAudit(trx, clock, auditActorOf(actor), { courtId: actor.courtId, action: 'risk.export', summary: `导出风险台账 ${items.length} 项` }));
      return buildXlsx('风险台账', [
        { header: '法院', width: 24, value: (r: RiskView) => r.courtName },
        { header: '风险标题', width: 30, value: (r) => r.title },
        { header: '风险领域', width: 10, value: (r) => riskDomainLabel[r.domain] },
        { header: '子类', width: 14, value: (r) => r.subtype },
        { header: '当前等级', width: 12, value: (r) => riskLevelLabel[r.level] },
        { header: '得分', width: 8, value: (r) => r.score.score },
        { header: '初始等级', width: 12, value: (r) => riskLevelLabel[r.initialLevel] },
        { header: '状态', width: 10, value: (r) => riskStatusLabel[r.status] },
        { header: '责任人', value: (r) => r.ownerName },
        { header: '部门', value: (r) => r.departmentName },
        { header: '关联案件', width: 30, value: (r) => r.linkedCases.map((c) => c.caseNumber).join('；') },
        { header: '已上报上级法院', width: 14, value: (r) => (r.reportedUpward === null ? '否' : r.reportedUpward.automatic ? '是（自动）' : '是') },
        { header: '超时时限', width: 24, value: (r) => r.clocks.filter((c) => c.status === 'missed' && c.running).map((c) => c.label).join('、') },
        { header: '下次复查日期', width: 12, value: (r) => r.nextReviewOn },
        { header: '登记时间', width: 20, value: (r) => formatChinaTime(r.createdAt) },
        { header: '更新时间', width: 20, value: (r) => formatChinaTime(r.updatedAt) },
      ], items);
    },
  };
}
export type RiskService = ReturnType<typeof createRiskService>;

type AssessmentRow = Awaited<ReturnType<Repositories['risks']['listAssessments']>>[number];

export function presentAssessment(row: AssessmentRow): AssessmentView {
  return {
    id: row.id,
    riskId: row.riskId,
    riskTitle: row.riskTitle,
    courtId: row.courtId,
    heldOn: row.heldOn,
    form: row.form as AssessmentView['form'],
    participants: JSON.parse(row.participants) as AssessmentView['participants'],
    conclusion: row.conclusion,
    levelChange: row.levelChange === null ? null : (JSON.parse(row.levelChange) as AssessmentView['levelChange']),
    recordedById: row.recordedBy,
    recordedByName: row.recordedByName,
    createdAt: row.createdAt,
  };
}
