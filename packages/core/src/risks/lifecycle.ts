import type { z } from 'zod';
import { riskLevelLabel } from '../contracts/court-case.js';
import {
  assessmentFormLabel,
  RISK_ACTION_PAYLOADS,
  RISK_ACTIONS,
  riskActionLabel,
  riskStatusLabel,
  type RiskActionName,
  type RiskActionPayload,
  type RiskApproval,
  type RiskClosure,
  type RiskResolution,
  type RiskStatus,
  type UpwardReport,
} from '../contracts/risk.js';
import { compareLocalDates, formatChineseDate, type LocalDate } from '../deadlines/local-date.js';
import type { Abilities } from '../permissions/abilities.js';
import { permissionLabel, type Permission } from '../permissions/catalog.js';
import type { RiskLevel } from '../screening/rule-schema.js';
import { requiresUpwardReport } from './clocks.js';
import { isMoreSevere, scoreRisk, type RiskMatrix, type RiskScore } from './scoring.js';
import { chinaDateOf, toEpochMs, toIsoInstant } from './time.js';

/**
 * The risk lifecycle of PRODUCT.md §5 as a state machine: 待研判 → 研判中 → 处置中 → 已化解 → 已销号,
 * plus 持续监测 (an accepted risk with a next review date) and the 已上报 flags. Each action has a row
 * in {@link RISK_TRANSITIONS}: the states it may start from and where it leads, the permission it
 * needs, its payload schema (contracts/risk.ts), and the checks against the risk and today.
 * docs/risk-lifecycle.md has the table in prose.
 */

/** A level in force from `from` (ISO instant) until the next entry. */
export interface LevelPeriod {
  readonly level: RiskLevel;
  readonly from: string;
}

/**
 * The lifecycle part of a register entry (PRODUCT.md §3, §4, §5). Instants are ISO UTC strings.
 * Invariants the machine keeps (and the property tests check): 已销号 has a resolution and a closure,
 * and for 红/橙 the closure cites an approval of that resolution; 持续监测 has `nextReviewOn`; the
 * 已上报 fields never go back to null; 红/橙 risks are reported upward.
 */
export interface RiskState {
  readonly id: string;
  readonly status: RiskStatus;
  /** When the risk entered `status`. */
  readonly statusSince: string;
  /** Current score, level and criteria snapshot (PRODUCT.md §4). */
  readonly score: RiskScore;
  /** Level at registration (PRODUCT.md §4: initial / current / residual). */
  readonly initialLevel: RiskLevel;
  /** Every level the risk has had, oldest first; the last is `score.level`. The clocks read it. */
  readonly levelHistory: readonly LevelPeriod[];
  readonly createdAt: string;
  readonly firstAssessedAt: string | null;
  /** The first disposal plan; later revisions do not move it. */
  readonly planSubmittedAt: string | null;
  /** Last review, assessment or move into 处置中/持续监测: the review cadence counts from here. */
  readonly lastReviewedAt: string | null;
  /** 下次复查日期; only in 处置中 and 持续监测, and always set in 持续监测. */
  readonly nextReviewOn: LocalDate | null;
  /** The latest report to the court leader (报告院领导); never cleared. */
  readonly reportedToLeaderAt: string | null;
  /** 已上报 to the upper court; never cleared. */
  readonly reportedUpward: UpwardReport | null;
  /** Set by `resolve` (summary and residual level), cleared by `reopen`. */
  readonly resolution: RiskResolution | null;
  /** Closure approvals (审批销号), kept for the record even after a reopen. */
  readonly approvals: readonly RiskApproval[];
  readonly closure: RiskClosure | null;
}

/** Who acts: the account id (for the timeline) and its abilities (permissions/abilities.ts). */
export interface RiskActor {
  readonly id: string;
  readonly abilities: Abilities;
}

/** What the caller supplies besides the action: the time and the court's current matrix. */
export interface RiskActionContext {
  /** When the action happens, ISO 8601 with offset. "Today" is its date in Beijing time. */
  readonly at: string;
  /** The court's matrix, used when an assessment re-scores the risk. */
  readonly matrix: RiskMatrix;
}

/** A lifecycle event for the risk's timeline (the server adds task events and comments). */
export interface RiskTimelineEntry {
  readonly event: 'create' | RiskActionName;
  readonly at: string;
  readonly actorId: string;
  readonly fromStatus: RiskStatus | null;
  readonly toStatus: RiskStatus;
  readonly levelChange: { readonly from: RiskLevel; readonly to: RiskLevel; readonly reason: string } | null;
  /** This event reported the risk upward: by hand, or automatically because it became 红/橙. */
  readonly upwardReport: 'automatic' | 'manual' | null;
  /** One line in Chinese. */
  readonly summary: string;
  /** The validated payload, without `action`. */
  readonly details: Readonly<Record<string, unknown>>;
}

/** Why an action was refused: `forbidden` maps to 403; the others to 400/409 with `reason`. */
export type RiskActionRefusal = 'forbidden' | 'invalid_state' | 'invalid_input' | 'precondition_failed';

/** The next state and its timeline entry, or a refusal with a stable code and a Chinese reason. */
export type RiskActionResult =
  | { readonly ok: true; readonly next: RiskState; readonly timelineEntry: RiskTimelineEntry }
  | { readonly ok: false; readonly code: RiskActionRefusal; readonly reason: string };

type Payload<Name extends RiskActionName> = z.output<(typeof RISK_ACTION_PAYLOADS)[Name]>;
type RiskChanges = Partial<Omit<RiskState, 'id' | 'status' | 'statusSince'>>;

interface ActionEvent {
  readonly at: string;
  readonly today: LocalDate;
  readonly actorId: string;
  readonly matrix: RiskMatrix;
}

/** One row of the transition table. */
export interface RiskTransition<Name extends RiskActionName> {
  /** From-state → to-state. A state not listed refuses the action. */
  readonly moves: Readonly<Partial<Record<RiskStatus, RiskStatus>>>;
  readonly permission: Permission;
  /** Refusal from the risk alone, so `availableActions` can hide the action too. */
  readonly precondition?: (risk: RiskState) => string | undefined;
  /** Refusal from the payload, checked against the risk and today. */
  readonly check?: (payload: Payload<Name>, risk: RiskState, today: LocalDate) => string | undefined;
  /** The fields the action changes besides status (the machine adds the automatic upward report). */
  readonly effect: (payload: Payload<Name>, risk: RiskState, event: ActionEvent) => RiskChanges;
}

const OPEN_STATUSES: readonly RiskStatus[] = ['pending_assessment', 'assessing', 'disposing', 'monitoring', 'resolved'];
const staysIn = (statuses: readonly RiskStatus[]) => Object.fromEntries(statuses.map((status) => [status, status]));

const notBefore = (date: LocalDate, today: LocalDate, what: string) =>
  compareLocalDates(date, today) < 0 ? `${what}（${formatChineseDate(date)}）不能早于今天（${formatChineseDate(today)}）` : undefined;

/** 红/橙 closures need a court leader's approval (PRODUCT.md §5); judged on the current level. */
const closureNeedsApproval = (risk: RiskState) => risk.score.level === 'red' || risk.score.level === 'orange';

/** An approval counts only for the resolution it approved: a reopen and a new resolution need a new one. */
const approvalFor = (risk: RiskState, approvalId: string | undefined) =>
  risk.approvals.find((approval) => approval.resolutionAt === risk.resolution?.at && (approvalId === undefined || approval.id === approvalId));

/** The resolution a resolved risk must have; its absence is a broken invariant, not user error. */
function requireResolution(risk: RiskState): RiskResolution {
  if (risk.resolution === null) throw new Error(`Risk ${risk.id} is ${risk.status} without a resolution`);
  return risk.resolution;
}

/**
 * The transition table (PRODUCT.md §5; issue 4). Permissions are those of permissions/catalog.ts:
 * 研判 decisions need `risk.assess`, handling work `risk.dispose`, and the court leader's acts
 * (closure approval, manual report to the upper court) `risk.approve`.
 */
export const RISK_TRANSITIONS: { readonly [Name in RiskActionName]: RiskTransition<Name> } = {
  startAssessment: {
    moves: { pending_assessment: 'assessing' },
    permission: 'risk.assess',
    effect: () => ({}),
  },
  recordAssessment: {
    moves: { assessing: 'disposing', disposing: 'disposing', monitoring: 'monitoring' },
    permission: 'risk.assess',
    check: ({ assessment }, risk, today) => {
      if (compareLocalDates(assessment.heldOn, today) > 0) return `研判日期（${formatChineseDate(assessment.heldOn)}）不能晚于今天`;
      const registeredOn = chinaDateOf(toEpochMs(risk.createdAt));
      if (compareLocalDates(assessment.heldOn, registeredOn) < 0) return `研判日期不能早于风险登记日期（${formatChineseDate(registeredOn)}）`;
      return undefined;
    },
    effect: ({ assessment }, risk, { at, matrix }) => {
      const change = assessment.levelChange;
      const score = change === undefined ? risk.score : scoreRisk(change.likelihood, change.impact, matrix);
      return {
        score,
        levelHistory: score.level === risk.score.level ? risk.levelHistory : [...risk.levelHistory, { level: score.level, from: at }],
        firstAssessedAt: risk.firstAssessedAt ?? at,
        lastReviewedAt: at,
      };
    },
  },
  submitPlan: {
    moves: { disposing: 'disposing' },
    permission: 'risk.dispose',
    check: ({ tasks }, _risk, today) => tasks.map((task, index) => notBefore(task.dueOn, today, `第 ${index + 1} 项任务的办理期限`)).find(Boolean),
    effect: (_payload, risk, { at }) => ({ planSubmittedAt: risk.planSubmittedAt ?? at }),
  },
  recordReview: {
    moves: { disposing: 'disposing', monitoring: 'monitoring' },
    permission: 'risk.dispose',
    check: ({ nextReviewOn }, _risk, today) => notBefore(nextReviewOn, today, '下次复查日期'),
    effect: ({ nextReviewOn }, _risk, { at }) => ({ lastReviewedAt: at, nextReviewOn }),
  },
  monitor: {
    moves: { disposing: 'monitoring' },
    permission: 'risk.assess',
    check: ({ nextReviewOn }, _risk, today) => notBefore(nextReviewOn, today, '下次复查日期'),
    effect: ({ nextReviewOn }, _risk, { at }) => ({ lastReviewedAt: at, nextReviewOn }),
  },
  resumeFromMonitoring: {
    moves: { monitoring: 'disposing' },
    permission: 'risk.dispose',
    effect: (_payload, _risk, { at }) => ({ lastReviewedAt: at, nextReviewOn: null }),
  },
  resolve: {
    moves: { disposing: 'resolved', monitoring: 'resolved' },
    permission: 'risk.dispose',
    check: ({ residualLevel }, risk) =>
      isMoreSevere(residualLevel, risk.score.level)
        ? `剩余风险等级（${riskLevelLabel[residualLevel]}）不能高于当前等级（${riskLevelLabel[risk.score.level]}），如风险加重请重新研判`
        : undefined,
    effect: ({ resolutionSummary, residualLevel }, _risk, { at, actorId }) => ({
      resolution: { summary: resolutionSummary, residualLevel, at, by: actorId },
      nextReviewOn: null,
    }),
  },
  approveClosure: {
    moves: { resolved: 'resolved' },
    permission: 'risk.approve',
    precondition: (risk) => {
      if (!closureNeedsApproval(risk)) return `${riskLevelLabel[risk.score.level]}风险销号无需院领导审批`;
      return approvalFor(risk, undefined) === undefined ? undefined : '本次化解已经审批，可直接销号';
    },
    effect: ({ opinion }, risk, { at, actorId }) => ({
      approvals: [
        ...risk.approvals,
        { id: `${risk.id}:approval:${risk.approvals.length + 1}`, by: actorId, at, opinion, resolutionAt: requireResolution(risk).at },
      ],
    }),
  },
  close: {
    moves: { resolved: 'closed' },
    permission: 'risk.dispose',
    precondition: (risk) =>
      closureNeedsApproval(risk) && approvalFor(risk, undefined) === undefined
        ? `${riskLevelLabel[risk.score.level]}风险销号须经院领导审批，请先提交审批`
        : undefined,
    check: ({ approvalId }, risk) => {
      if (approvalId === undefined) return closureNeedsApproval(risk) ? '请注明院领导的销号审批' : undefined;
      return approvalFor(risk, approvalId) === undefined ? `审批 ${approvalId} 不存在，或不是对本次化解的审批` : undefined;
    },
    effect: ({ approvalId }, _risk, { at, actorId }) => ({ closure: { at, by: actorId, approvalId: approvalId ?? null } }),
  },
  reopen: {
    moves: { resolved: 'disposing', closed: 'assessing' },
    permission: 'risk.assess',
    effect: (_payload, _risk, { at }) => ({ resolution: null, closure: null, nextReviewOn: null, lastReviewedAt: at }),
  },
  reportToLeader: {
    moves: staysIn(OPEN_STATUSES),
    permission: 'risk.dispose',
    effect: (_payload, _risk, { at }) => ({ reportedToLeaderAt: at }),
  },
  reportUpward: {
    moves: staysIn(OPEN_STATUSES),
    permission: 'risk.approve',
    precondition: (risk) => (risk.reportedUpward === null ? undefined : '已上报上级法院'),
    effect: (_payload, _risk, { at }) => ({ reportedUpward: { at, automatic: false } }),
  },
};

/** `at` rewritten in the stored form (ISO UTC with milliseconds). */
const canonicalInstant = (at: string) => toIsoInstant(toEpochMs(at));

/**
 * Registers a risk in 待研判 (PRODUCT.md §5) with its score as initial and current level. A 红/橙 risk
 * is reported to the upper court at once and automatically (PRODUCT.md §5; {@link requiresUpwardReport}).
 * The caller has checked `risk.report` (or `warning.triage` when confirming a warning) and scored the
 * risk with `scoreRisk` on the court's matrix.
 */
export function createRisk(input: { id: string; score: RiskScore; at: string; actorId: string }): { risk: RiskState; timelineEntry: RiskTimelineEntry } {
  const at = canonicalInstant(input.at);
  const level = input.score.level;
  const automatic = requiresUpwardReport(level);
  const risk: RiskState = {
    id: input.id,
    status: 'pending_assessment',
    statusSince: at,
    score: input.score,
    initialLevel: level,
    levelHistory: [{ level, from: at }],
    createdAt: at,
    firstAssessedAt: null,
    planSubmittedAt: null,
    lastReviewedAt: null,
    nextReviewOn: null,
    reportedToLeaderAt: null,
    reportedUpward: automatic ? { at, automatic: true } : null,
    resolution: null,
    approvals: [],
    closure: null,
  };
  const summary = `登记风险（${riskLevelLabel[level]}，${input.score.likelihood}×${input.score.impact}=${input.score.score} 分）${automatic ? '；已自动上报上级法院' : ''}`;
  return {
    risk,
    timelineEntry: {
      event: 'create',
      at,
      actorId: input.actorId,
      fromStatus: null,
      toStatus: 'pending_assessment',
      levelChange: null,
      upwardReport: automatic ? 'automatic' : null,
      summary,
      details: { score: input.score },
    },
  };
}

/** At most `max` characters of free text, so a timeline line stays a line; its closing punctuation goes (the line adds its own). */
function excerpt(text: string, max = 60): string {
  const bare = text.replace(/[。；，、.;,]+$/u, '');
  return bare.length > max ? `${bare.slice(0, max)}…` : bare;
}

/**
 * What an action said, for its timeline line: a reader of the timeline (or of the printed dossier)
 * should see the conclusion, the plan, the resolution or the opinion without opening the details.
 */
function gistOf(payload: z.output<(typeof RISK_ACTION_PAYLOADS)[RiskActionName]>): string {
  switch (payload.action) {
    case 'recordAssessment':
      return `${assessmentFormLabel[payload.assessment.form]}（${formatChineseDate(payload.assessment.heldOn)}）结论：${excerpt(payload.assessment.conclusion)}`;
    case 'submitPlan':
      return `方案：${excerpt(payload.summary)}（${payload.tasks.length} 项任务）`;
    case 'recordReview':
      return `复查情况：${excerpt(payload.finding)}；下次复查 ${formatChineseDate(payload.nextReviewOn)}`;
    case 'monitor':
      return `理由：${excerpt(payload.reason)}；下次复查 ${formatChineseDate(payload.nextReviewOn)}`;
    case 'resumeFromMonitoring':
    case 'reopen':
      return `理由：${excerpt(payload.reason)}`;
    case 'resolve':
      return `化解情况：${excerpt(payload.resolutionSummary)}；剩余风险 ${riskLevelLabel[payload.residualLevel]}`;
    case 'approveClosure':
      return `审批意见：${excerpt(payload.opinion)}`;
    case 'close':
      return [payload.approvalId ? '依院领导审批销号' : '', payload.note ? `说明：${excerpt(payload.note)}` : ''].filter(Boolean).join('；');
    case 'startAssessment':
    case 'reportToLeader':
    case 'reportUpward':
      return payload.note ? excerpt(payload.note) : '';
  }
}

function refuse(code: RiskActionRefusal, reason: string): RiskActionResult {
  return { ok: false, code, reason };
}

/** Refusal from permission, state or precondition — everything that does not depend on the payload. */
function refusalWithoutPayload<Name extends RiskActionName>(name: Name, risk: RiskState, abilities: Abilities): RiskActionResult | undefined {
  const transition: RiskTransition<Name> = RISK_TRANSITIONS[name];
  const label = riskActionLabel[name];
  if (abilities[transition.permission] !== true) return refuse('forbidden', `无权${label}（需要“${permissionLabel[transition.permission]}”权限）`);
  if (transition.moves[risk.status] === undefined) {
    const hint = risk.status === 'closed' ? '，如需继续处理请先重新启动' : '';
    return refuse('invalid_state', `${riskStatusLabel[risk.status]}的风险不能${label}${hint}`);
  }
  const blocked = transition.precondition?.(risk);
  return blocked === undefined ? undefined : refuse('precondition_failed', blocked);
}

function run<Name extends RiskActionName>(name: Name, action: RiskActionPayload, risk: RiskState, actor: RiskActor, context: RiskActionContext): RiskActionResult {
  const refused = refusalWithoutPayload(name, risk, actor.abilities);
  if (refused !== undefined) return refused;
  const transition: RiskTransition<Name> = RISK_TRANSITIONS[name];
  const parsed = RISK_ACTION_PAYLOADS[name].safeParse(action);
  if (!parsed.success) return refuse('invalid_input', [...new Set(parsed.error.issues.map((issue) => issue.message))].join('；'));
  const payload = parsed.data as Payload<Name>;
  const at = canonicalInstant(context.at);
  const today = chinaDateOf(toEpochMs(at));
  const problem = transition.check?.(payload, risk, today);
  if (problem !== undefined) return refuse('precondition_failed', problem);

  const to = transition.moves[risk.status]!;
  const changed: RiskState = { ...risk, ...transition.effect(payload, risk, { at, today, actorId: actor.id, matrix: context.matrix }), status: to };
  const automatic = changed.reportedUpward === null && requiresUpwardReport(changed.score.level);
  const next: RiskState = {
    ...changed,
    statusSince: to === risk.status ? risk.statusSince : at,
    reportedUpward: automatic ? { at, automatic: true } : changed.reportedUpward,
  };

  const levelChange =
    next.score.level === risk.score.level || payload.action !== 'recordAssessment'
      ? null
      : { from: risk.score.level, to: next.score.level, reason: payload.assessment.levelChange?.reason ?? '' };
  const upwardReport = automatic ? 'automatic' : name === 'reportUpward' ? 'manual' : null;
  const gist = gistOf(payload);
  const summary = [
    riskActionLabel[name],
    to === risk.status ? '' : `：${riskStatusLabel[risk.status]} → ${riskStatusLabel[to]}`,
    levelChange === null ? '' : `；等级 ${riskLevelLabel[levelChange.from]} → ${riskLevelLabel[levelChange.to]}`,
    automatic ? '；已自动上报上级法院' : '',
    gist ? `。${gist}` : '',
  ].join('');
  const { action: _name, ...details } = payload;
  return {
    ok: true,
    next,
    timelineEntry: { event: name, at, actorId: actor.id, fromStatus: risk.status, toStatus: to, levelChange, upwardReport, summary, details },
  };
}

/**
 * Applies one lifecycle action (PRODUCT.md §5; table {@link RISK_TRANSITIONS}). Checks, in order:
 * the actor's permission (`forbidden`), that the action is allowed in the current state
 * (`invalid_state`; 已销号 allows only 重新启动), the state-only preconditions (`precondition_failed`:
 * e.g. a 红/橙 closure without an approval), the payload's fields with the contract's zod schema
 * (`invalid_input`, every message joined by "；"), and the payload against the risk and today
 * (`precondition_failed`: dates, the approval cited, the residual level). "Today" is the Beijing date
 * of `context.at`, so a 下次复查日期 of today is accepted and yesterday is not.
 *
 * On success returns the next state and one timeline entry. The payload is the action without the
 * request's `version`. When the action leaves the risk at 红/橙 and it has not been reported to the
 * upper court yet, the report is made in the same step (`upwardReport: 'automatic'`). Never mutates
 * `risk`; a refusal leaves nothing to undo.
 */
export function applyRiskAction(risk: RiskState, action: RiskActionPayload, actor: RiskActor, context: RiskActionContext): RiskActionResult {
  const name: unknown = (action as { action?: unknown }).action;
  if (typeof name !== 'string' || !(RISK_ACTIONS as readonly string[]).includes(name)) return refuse('invalid_input', '未知的操作');
  return run(name as RiskActionName, action, risk, actor, context);
}

/**
 * The actions `abilities` may take on `risk` now — the UI's `abilities` for the risk (STYLE.md §5),
 * so buttons are shown from the same table that enforces them. An action is listed when the permission
 * is held, the current state allows it and its state-only precondition passes (so a 红 risk without
 * a closure approval does not offer 销号); payload checks still apply when it is submitted.
 */
export function availableActions(risk: RiskState, abilities: Abilities): RiskActionName[] {
  return RISK_ACTIONS.filter((name) => refusalWithoutPayload(name, risk, abilities) === undefined);
}
