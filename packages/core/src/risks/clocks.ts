import { z } from 'zod';
import { riskLevelLabel } from '../contracts/court-case.js';
import { formatChineseDate } from '../deadlines/local-date.js';
import { RISK_LEVELS, type RiskLevel } from '../screening/rule-schema.js';
import type { LevelPeriod, RiskState } from './lifecycle.js';
import { isMoreSevere } from './scoring.js';
import { ClockDuration, clockDurationMs, endOfChinaDay, formatClockDuration, toEpochMs, toIsoInstant } from './time.js';

/**
 * Service-level clocks and escalation (PRODUCT.md §5, 早发现、早报告、早处置; issue 4). All clocks run
 * on elapsed time from an instant the risk records; `now` is passed in. Missed clocks escalate
 * owner → department head → risk office → court leader, each step with a de-duplication key so the
 * scheduler notifies exactly once.
 */

/** The four clocks of PRODUCT.md §5 (the fifth column, reporting to the upper court, is automatic). */
export const CLOCK_KINDS = ['reportToLeader', 'firstAssessment', 'disposalPlan', 'review'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];
/** Chinese names of the clocks, as on screen. */
export const clockKindLabel: Record<ClockKind, string> = {
  reportToLeader: '报告院领导',
  firstAssessment: '首次研判',
  disposalPlan: '制定处置方案',
  review: '定期复查',
};
const satisfiedByLabel: Record<ClockKind, string> = {
  reportToLeader: '“报告院领导”记录（等级上调后须重新报告）',
  firstAssessment: '记录首次研判',
  disposalPlan: '提交处置方案',
  review: '记录复查或研判（每次复查开始新的周期）',
};

/** Clock status: 未到期, 即将到期 (last `dueSoonShare` of the run), 已超时 (after the due instant), 已完成. */
export const CLOCK_STATUSES = ['pending', 'due_soon', 'missed', 'met'] as const;
export type ClockStatus = (typeof CLOCK_STATUSES)[number];
/** Chinese names of the clock statuses. */
export const clockStatusLabel: Record<ClockStatus, string> = { pending: '未到期', due_soon: '即将到期', missed: '已超时', met: '已完成' };

/** Escalation ladder for a missed clock (PRODUCT.md §5). */
export const ESCALATION_STEPS = ['owner', 'department_head', 'risk_office', 'court_leader'] as const;
export type EscalationStep = (typeof ESCALATION_STEPS)[number];
/** Who each escalation step notifies (the server resolves the people). */
export const escalationStepLabel: Record<EscalationStep, string> = {
  owner: '责任人',
  department_head: '部门负责人',
  risk_office: '风险防控办',
  court_leader: '院领导',
};

/** One clock of one risk, as computed by {@link computeClocks} and shown on screen. */
export const RiskClock = z.object({
  /** `riskId:kind:startedAt(epoch ms)` — identifies this run of the clock; escalation keys extend it. */
  key: z.string(),
  riskId: z.string(),
  kind: z.enum(CLOCK_KINDS),
  label: z.string(),
  /** The risk's current level; it sets the escalation pace. */
  level: z.enum(RISK_LEVELS),
  startedAt: z.string(),
  dueAt: z.string(),
  status: z.enum(CLOCK_STATUSES),
  satisfiedAt: z.string().nullable(),
  /** Met, but after `dueAt`. */
  late: z.boolean(),
  /** Still counting: not met and the risk not yet resolved. Only running clocks escalate. */
  running: z.boolean(),
  /** What stops the clock, in Chinese. */
  satisfiedBy: z.string(),
  /** Why `dueAt` is what it is, in Chinese (level and limit, or the chosen review date). */
  basis: z.string(),
});
export type RiskClock = z.infer<typeof RiskClock>;

const hours = (amount: number): ClockDuration => ({ amount, unit: 'hour' });
const days = (amount: number): ClockDuration => ({ amount, unit: 'day' });

/** Limits of one level; each counts from the instant in PRODUCT.md §5's table (see computeClocks). */
const LevelClockLimits = z.strictObject({
  reportToLeader: ClockDuration.describe('报告院领导'),
  firstAssessment: ClockDuration.describe('首次研判'),
  disposalPlan: ClockDuration.describe('制定处置方案'),
  review: ClockDuration.describe('复查周期'),
});

/** How long each escalation step waits after the previous one (the owner is told when the clock is missed). */
const EscalationIntervals = z.strictObject({
  departmentHead: ClockDuration.describe('责任人 → 部门负责人'),
  riskOffice: ClockDuration.describe('部门负责人 → 风险防控办'),
  courtLeader: ClockDuration.describe('风险防控办 → 院领导'),
});

/** PRODUCT.md §5 defaults. */
const DEFAULT_LIMITS = {
  red: { reportToLeader: hours(2), firstAssessment: hours(24), disposalPlan: hours(48), review: days(7) },
  orange: { reportToLeader: hours(24), firstAssessment: days(3), disposalPlan: days(5), review: days(15) },
  yellow: { reportToLeader: days(3), firstAssessment: days(7), disposalPlan: days(10), review: days(30) },
  blue: { reportToLeader: days(7), firstAssessment: days(15), disposalPlan: days(20), review: days(90) },
} satisfies Record<RiskLevel, z.input<typeof LevelClockLimits>>;

/**
 * Default escalation pace (our choice; PRODUCT.md §5 names the ladder, not the intervals). The first
 * interval is about half of the level's shortest clock (report to leader), so a missed 红 clock reaches
 * the court leader within 4 hours and a missed 蓝 clock within 10 days.
 */
const DEFAULT_ESCALATION = {
  red: { departmentHead: hours(1), riskOffice: hours(1), courtLeader: hours(2) },
  orange: { departmentHead: hours(4), riskOffice: hours(8), courtLeader: hours(12) },
  yellow: { departmentHead: days(1), riskOffice: days(1), courtLeader: days(1) },
  blue: { departmentHead: days(2), riskOffice: days(3), courtLeader: days(5) },
} satisfies Record<RiskLevel, z.input<typeof EscalationIntervals>>;

const perLevel = <T extends z.ZodType>(schema: T) => z.strictObject({ red: schema, orange: schema, yellow: schema, blue: schema });

/**
 * A court's clock settings (PRODUCT.md §5: "configurable per court"). Omitted sections take the
 * defaults. Validation: for each clock a more severe level may not have a longer limit than a less
 * severe one (红 ≤ 橙 ≤ 黄 ≤ 蓝), and a level's disposal-plan limit may not be shorter than its
 * first-assessment limit (the plan follows the assessment). Reporting to the upper court is not
 * here: see {@link requiresUpwardReport}.
 */
export const RiskClockSettings = z
  .strictObject({
    limits: perLevel(LevelClockLimits).default(DEFAULT_LIMITS).describe('各等级时限'),
    escalation: perLevel(EscalationIntervals).default(DEFAULT_ESCALATION).describe('逐级督办间隔'),
    /** 即将到期 once no more than this share of the clock's length is left (default a quarter). */
    dueSoonShare: z
      .strictObject({ numerator: z.number().int().min(1), denominator: z.number().int().min(1) })
      .refine((share) => share.numerator <= share.denominator, { error: '比例不能大于 1' })
      .default({ numerator: 1, denominator: 4 })
      .describe('即将到期提醒比例'),
  })
  .superRefine(({ limits }, ctx) => {
    for (const kind of CLOCK_KINDS) {
      for (let index = 1; index < RISK_LEVELS.length; index += 1) {
        const more = RISK_LEVELS[index - 1]!;
        const less = RISK_LEVELS[index]!;
        if (clockDurationMs(limits[more][kind]) > clockDurationMs(limits[less][kind])) {
          ctx.addIssue({
            code: 'custom',
            path: ['limits', more, kind],
            message: `${riskLevelLabel[more]}的${clockKindLabel[kind]}时限（${formatClockDuration(limits[more][kind])}）不能长于${riskLevelLabel[less]}（${formatClockDuration(limits[less][kind])}）`,
          });
        }
      }
    }
    for (const level of RISK_LEVELS) {
      if (clockDurationMs(limits[level].disposalPlan) < clockDurationMs(limits[level].firstAssessment)) {
        ctx.addIssue({ code: 'custom', path: ['limits', level, 'disposalPlan'], message: `${riskLevelLabel[level]}的处置方案时限不能短于首次研判时限` });
      }
    }
  });
export type RiskClockSettings = z.infer<typeof RiskClockSettings>;

/** PRODUCT.md §5 limits, the escalation pace above, and 即将到期 in the last quarter. */
export const DEFAULT_RISK_CLOCK_SETTINGS: RiskClockSettings = RiskClockSettings.parse({});

/**
 * Whether a risk of `level` is reported to the upper court automatically: 红 and 橙 yes (PRODUCT.md
 * §5, issue 4), 黄 and 蓝 only by hand. Deliberately not a per-court setting: a lower court cannot
 * switch off reporting to its upper court.
 */
export function requiresUpwardReport(level: RiskLevel): boolean {
  return level === 'red' || level === 'orange';
}

/** The fields of a risk the clocks read. */
export type ClockSubject = Pick<
  RiskState,
  'id' | 'status' | 'score' | 'levelHistory' | 'createdAt' | 'firstAssessedAt' | 'planSubmittedAt' | 'lastReviewedAt' | 'nextReviewOn' | 'reportedToLeaderAt' | 'resolution'
>;

/**
 * The earliest due instant any level in force while the clock ran imposes: for each level period that
 * overlaps [start, end], `max(start, period start) + that level's limit`. So a level change does not
 * restart a clock — an upgrade brings the due instant forward (to the change + the new limit, if that
 * is earlier), a downgrade never pushes it back.
 */
function earliestDue(history: readonly LevelPeriod[], startMs: number, endMs: number, limitOf: (level: RiskLevel) => ClockDuration) {
  let best: { dueMs: number; level: RiskLevel } | undefined;
  history.forEach((period, index) => {
    const fromMs = toEpochMs(period.from);
    const next = history[index + 1];
    const untilMs = next === undefined ? Number.POSITIVE_INFINITY : toEpochMs(next.from);
    if (untilMs <= startMs || fromMs > endMs) return;
    const dueMs = Math.max(startMs, fromMs) + clockDurationMs(limitOf(period.level));
    if (best === undefined || dueMs < best.dueMs) best = { dueMs, level: period.level };
  });
  if (best === undefined) throw new RangeError('A risk needs a level history that starts no later than its clocks');
  return best;
}

/** When the current level was last raised (or set at registration): the report-to-leader clock restarts there. */
function lastRaisedAt(history: readonly LevelPeriod[]): string {
  let raisedAt = history[0]?.from;
  history.forEach((period, index) => {
    const previous = history[index - 1];
    if (previous !== undefined && isMoreSevere(period.level, previous.level)) raisedAt = period.from;
  });
  if (raisedAt === undefined) throw new RangeError('A risk needs a level history');
  return raisedAt;
}

interface ClockRun {
  kind: ClockKind;
  startedAt: string;
  satisfiedAt: string | null;
}

/** Which clocks apply to `risk` now, where each run started, and whether it was met. */
function clockRuns(risk: ClockSubject): ClockRun[] {
  const raisedAt = lastRaisedAt(risk.levelHistory);
  const reported = risk.reportedToLeaderAt !== null && toEpochMs(risk.reportedToLeaderAt) >= toEpochMs(raisedAt);
  const runs: ClockRun[] = [
    { kind: 'reportToLeader', startedAt: raisedAt, satisfiedAt: reported ? risk.reportedToLeaderAt : null },
    { kind: 'firstAssessment', startedAt: risk.createdAt, satisfiedAt: risk.firstAssessedAt },
  ];
  // An accepted risk (持续监测) needs no disposal plan, so the plan clock is not shown while monitoring.
  if (risk.status !== 'monitoring' || risk.planSubmittedAt !== null) {
    runs.push({ kind: 'disposalPlan', startedAt: risk.createdAt, satisfiedAt: risk.planSubmittedAt });
  }
  if ((risk.status === 'disposing' || risk.status === 'monitoring') && risk.lastReviewedAt !== null) {
    runs.push({ kind: 'review', startedAt: risk.lastReviewedAt, satisfiedAt: null });
  }
  return runs;
}

/**
 * The service-level clocks of a risk at `now` (PRODUCT.md §5; limits from `settings`).
 *
 * | clock | starts | met by |
 * |---|---|---|
 * | 报告院领导 | registration, or the last time the level was raised | a 报告院领导 record at or after the start |
 * | 首次研判 | registration | the first assessment |
 * | 制定处置方案 | registration (not shown while 持续监测 unless already met) | the first disposal plan |
 * | 定期复查 | the last review, assessment or move into 处置中/持续监测; only in those states | the next review (which starts a new run) |
 *
 * Due instant: see `earliestDue` — a level change never restarts a clock; an upgrade can only bring
 * the due instant forward, a downgrade never pushes it back. A chosen 下次复查日期 also caps the review
 * clock at 23:59:59.999 Beijing time of that day (a stale date before the run's start is ignored).
 *
 * Status: `met` once satisfied (`late` if after the due instant); otherwise `missed` when `now` is
 * later than the due instant — exactly at the due instant is not missed, 1 ms after is;
 * `due_soon` when no more than `dueSoonShare` of the clock's length is left; else `pending`.
 * Once a risk is resolved (已化解/已销号) its unmet clocks stop: one whose due instant had passed stays
 * `missed` (not running), one that had not is no longer listed.
 */
export function computeClocks(risk: ClockSubject, settings: RiskClockSettings, now: string): RiskClock[] {
  const nowMs = toEpochMs(now);
  const finishedMs = risk.resolution === null ? undefined : toEpochMs(risk.resolution.at);
  const clocks: RiskClock[] = [];
  for (const run of clockRuns(risk)) {
    const startMs = toEpochMs(run.startedAt);
    const satisfiedMs = run.satisfiedAt === null ? undefined : toEpochMs(run.satisfiedAt);
    const stopMs = satisfiedMs ?? finishedMs;
    const limitOf = (level: RiskLevel) => settings.limits[level][run.kind];
    const byLevel = earliestDue(risk.levelHistory, startMs, stopMs ?? nowMs, limitOf);
    let dueMs = byLevel.dueMs;
    let basis = `${riskLevelLabel[byLevel.level]}风险${clockKindLabel[run.kind]}时限 ${formatClockDuration(limitOf(byLevel.level))}`;
    if (run.kind === 'review' && risk.nextReviewOn !== null) {
      const chosenMs = endOfChinaDay(risk.nextReviewOn);
      if (chosenMs >= startMs && chosenMs < dueMs) {
        dueMs = chosenMs;
        basis = `下次复查日期 ${formatChineseDate(risk.nextReviewOn)}`;
      }
    }
    if (satisfiedMs === undefined && finishedMs !== undefined && finishedMs <= dueMs) continue;
    const { numerator, denominator } = settings.dueSoonShare;
    const status: ClockStatus =
      satisfiedMs !== undefined
        ? 'met'
        : (stopMs ?? nowMs) > dueMs
          ? 'missed'
          : (dueMs - nowMs) * denominator <= (dueMs - startMs) * numerator
            ? 'due_soon'
            : 'pending';
    clocks.push({
      key: `${risk.id}:${run.kind}:${startMs}`,
      riskId: risk.id,
      kind: run.kind,
      label: clockKindLabel[run.kind],
      level: risk.score.level,
      startedAt: toIsoInstant(startMs),
      dueAt: toIsoInstant(dueMs),
      status,
      satisfiedAt: satisfiedMs === undefined ? null : toIsoInstant(satisfiedMs),
      late: satisfiedMs !== undefined && satisfiedMs > dueMs,
      running: stopMs === undefined,
      satisfiedBy: satisfiedByLabel[run.kind],
      basis,
    });
  }
  return clocks;
}

/** One escalation step reached by a missed clock: who is told, from when, and the notification key. */
export interface EscalationNotice {
  readonly riskId: string;
  readonly clock: ClockKind;
  readonly step: EscalationStep;
  readonly label: string;
  /** The step is reached once `now` is later than this instant (the due instant for the owner). */
  readonly since: string;
  /** `riskId:clock:startedAt:step` — stable for as long as the clock run exists; notify once per key. */
  readonly key: string;
}

/**
 * The escalation steps a running, missed clock has reached at `now` (PRODUCT.md §5: owner →
 * department head → risk office → court leader), earliest first; the last is the current step.
 * The owner step is reached as soon as the clock is missed (1 ms after the due instant); each later
 * step once the interval for the risk's current level in `settings.escalation` has also passed.
 * Returns every reached step, not only the last, so a scheduler that was down still tells everyone
 * once: it records each key it has notified and skips keys it has seen. A met or stopped clock
 * (`running: false`) returns nothing. The same clock run and step always give the same key.
 */
export function escalationFor(clock: RiskClock, now: string, settings: RiskClockSettings): EscalationNotice[] {
  if (!clock.running) return [];
  const nowMs = toEpochMs(now);
  const intervals = settings.escalation[clock.level];
  let sinceMs = toEpochMs(clock.dueAt);
  const waits: Record<EscalationStep, ClockDuration | undefined> = {
    owner: undefined,
    department_head: intervals.departmentHead,
    risk_office: intervals.riskOffice,
    court_leader: intervals.courtLeader,
  };
  const reached: EscalationNotice[] = [];
  for (const step of ESCALATION_STEPS) {
    const wait = waits[step];
    if (wait !== undefined) sinceMs += clockDurationMs(wait);
    if (nowMs <= sinceMs) break;
    reached.push({
      riskId: clock.riskId,
      clock: clock.kind,
      step,
      label: escalationStepLabel[step],
      since: toIsoInstant(sinceMs),
      key: `${clock.key}:${step}`,
    });
  }
  return reached;
}
