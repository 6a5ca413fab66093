import { z } from 'zod';
import { strictObject } from '../contracts/form-fields.js';
import { addDays, compareLocalDates, daysBetween, formatChineseDate, toEpochDay, type LocalDate } from '../deadlines/local-date.js';
import { applyHolidayRule, calculatePeriodEnd, HOLIDAY_RULES, periodOfDays, type HolidayCalendar } from '../deadlines/period.js';
import type { RiskLevel } from '../screening/rule-schema.js';
import { petitionStepKindLabel, type PetitionNature, type PetitionStepKind } from './vocabulary.js';

/**
 * Petition time limits (信访工作条例, 2022; LEGAL.md marks them *secondary*, article numbers
 * unconfirmed, so every number is a per-court setting with these defaults):
 * - decide acceptance (受理、不予受理、转送或告知) within 15 days of receipt;
 * - handle within 60 days of acceptance, extendable by the organ's head by at most 30 days;
 * - the petitioner may request 复查 within 30 days of receiving the written reply, and 复核 within
 *   30 days of receiving the 复查 opinion; each opinion is due 30 days after the request arrives;
 *   hearing time (听证) is not counted in the 复核 period.
 * 诉访分离: a petition about a case's merits (涉诉) is routed into legal procedure, so only the
 * acceptance clock runs; the procedure's own limits are the 审限 engine's business.
 *
 * Counting: days are calendar days and the day of the triggering event is not counted (the rule
 * for periods in days, 民法典(2020) 第二百零一条; the 条例 itself is silent), so 15 days from 03-01 end
 * on 03-16. Whether a last day on a rest day moves is the `holidayRule` setting: the 条例 has no
 * such clause, hence the default `none`.
 */
export const PetitionTimeLimitSettings = strictObject({
  acceptanceDays: days('受理决定期限', 15),
  handlingDays: days('办理期限', 60),
  maxExtensionDays: days('延长办理期限上限', 30),
  reviewRequestDays: days('申请复查期限', 30),
  reviewDays: days('复查期限', 30),
  recheckRequestDays: days('申请复核期限', 30),
  recheckDays: days('复核期限', 30),
  dueSoonDays: z.number({ error: '临期提醒天数必须是数字' }).int({ error: '临期提醒天数必须是整数' }).min(0, { error: '临期提醒天数不能为负' }).max(30, { error: '临期提醒天数不能超过 30' }).default(5),
  holidayRule: z.enum(HOLIDAY_RULES, { error: '节假日规则应为 extend（顺延）或 none（不顺延）' }).default('none'),
}, '信访期限设置');
export type PetitionTimeLimitSettings = z.infer<typeof PetitionTimeLimitSettings>;
export const DEFAULT_PETITION_TIME_LIMITS: PetitionTimeLimitSettings = PetitionTimeLimitSettings.parse({});

function days(what: string, fallback: number) {
  return z.number({ error: `${what}必须是数字` }).int({ error: `${what}必须是整数` }).min(1, { error: `${what}至少为 1 日` }).max(365, { error: `${what}不能超过 365 日` }).default(fallback);
}

/** A handling step as recorded on a petition. */
export interface PetitionStep {
  readonly kind: PetitionStepKind;
  readonly on: LocalDate;
  /** `extended`: the days approved. */
  readonly days?: number | undefined;
  /** `hearing`: last day (inclusive; default `on`). Replies: the day the petitioner received it (default `on`). */
  readonly until?: LocalDate | undefined;
}

export const PETITION_CLOCK_KINDS = ['acceptance', 'handling', 'reviewRequest', 'review', 'recheckRequest', 'recheck'] as const;
export type PetitionClockKind = (typeof PETITION_CLOCK_KINDS)[number];
export const petitionClockKindLabel: Record<PetitionClockKind, string> = {
  acceptance: '受理决定',
  handling: '办理答复',
  reviewRequest: '信访人申请复查',
  review: '复查答复',
  recheckRequest: '信访人申请复核',
  recheck: '复核答复',
};

/**
 * running / due_soon / overdue / met / met_late for the court's own clocks; a petitioner's window
 * ends `lapsed` (the opinion stands) or `met` (the request was made).
 */
export type PetitionClockStatus = 'running' | 'due_soon' | 'overdue' | 'met' | 'met_late' | 'lapsed';
export const petitionClockStatusLabel: Record<PetitionClockStatus, string> = {
  running: '办理中',
  due_soon: '即将到期',
  overdue: '已超期',
  met: '已按期完成',
  met_late: '超期完成',
  lapsed: '期满未申请',
};

export interface PetitionClock {
  readonly kind: PetitionClockKind;
  readonly label: string;
  /** Whose deadline: the court's (warnings) or the petitioner's (information only). */
  readonly owner: 'court' | 'petitioner';
  readonly startedOn: LocalDate;
  readonly dueOn: LocalDate;
  readonly satisfiedOn: LocalDate | null;
  readonly status: PetitionClockStatus;
  /** Calendar days from `today` to `dueOn` (negative once past); null once satisfied. */
  readonly daysLeft: number | null;
  /** Why `dueOn` is what it is, in Chinese. */
  readonly basis: string;
}

export interface PetitionTimeLimitInput {
  readonly nature: PetitionNature;
  readonly receivedOn: LocalDate;
  readonly steps: readonly PetitionStep[];
}

export interface PetitionTimeLimitResult {
  readonly clocks: readonly PetitionClock[];
  /** Records that do not fit the procedure, in Chinese (shown, never silently corrected). */
  readonly problems: readonly string[];
}

const DECISION_STEPS: readonly PetitionStepKind[] = ['accepted', 'not_accepted', 'routed_to_litigation', 'transferred'];
const NOT_UNDER_LITIGATION: readonly PetitionStepKind[] = ['accepted', 'extended', 'review_requested', 'recheck_requested'];

/**
 * The clocks of one petition as of `today`. Each clock starts with the step that triggers it (receipt,
 * acceptance, the reply reaching the petitioner, the request) and stops at the first step that meets
 * it; later clocks appear only once their trigger is recorded. Extensions count only after
 * acceptance and only up to `maxExtensionDays` in total (an excess is reported, not counted: a
 * warning platform must not hide an overdue petition behind an unlawful extension).
 */
export function calculatePetitionClocks(
  input: PetitionTimeLimitInput,
  settings: PetitionTimeLimitSettings,
  calendar: HolidayCalendar,
  today: LocalDate,
): PetitionTimeLimitResult {
  const problems: string[] = [];
  const steps = [...input.steps].sort((a, b) => compareLocalDates(a.on, b.on));
  for (const step of steps) {
    if (compareLocalDates(step.on, input.receivedOn) < 0) problems.push(`${petitionStepKindLabel[step.kind]}日期 ${formatChineseDate(step.on)} 早于收到信访的日期，未计入`);
  }
  const inTime = steps.filter((step) => compareLocalDates(step.on, input.receivedOn) >= 0);
  const first = (kinds: readonly PetitionStepKind[], after: LocalDate) =>
    inTime.find((step) => kinds.includes(step.kind) && compareLocalDates(step.on, after) >= 0);

  const clocks: PetitionClock[] = [];
  const clock = (kind: PetitionClockKind, startedOn: LocalDate, length: number, satisfied: PetitionStep | undefined, basis: string, extraDays = 0) => {
    const dueOn = applyHolidayRule(addDays(calculatePeriodEnd(startedOn, periodOfDays(length)), extraDays), settings.holidayRule, calendar);
    const owner = kind === 'reviewRequest' || kind === 'recheckRequest' ? 'petitioner' : 'court';
    clocks.push({
      kind,
      label: petitionClockKindLabel[kind],
      owner,
      startedOn,
      dueOn,
      satisfiedOn: satisfied?.on ?? null,
      status: statusOf(owner, dueOn, satisfied?.on, today, settings.dueSoonDays),
      daysLeft: satisfied ? null : daysBetween(today, dueOn),
      basis: `${basis}：自 ${formatChineseDate(startedOn)}次日起算${extraDays > 0 ? `，另加 ${extraDays} 日` : ''}，至 ${formatChineseDate(dueOn)}${settings.holidayRule === 'extend' ? '（期满日为休息日的顺延）' : ''}`,
    });
  };

  const decision = first(DECISION_STEPS, input.receivedOn);
  clock('acceptance', input.receivedOn, settings.acceptanceDays, decision, `信访工作条例（2022）：收到信访事项之日起 ${settings.acceptanceDays} 日内决定是否受理并告知`);

  if (input.nature === 'litigation') {
    for (const step of inTime.filter((s) => NOT_UNDER_LITIGATION.includes(s.kind))) {
      problems.push(`涉诉信访按诉访分离导入诉讼程序，“${petitionStepKindLabel[step.kind]}”（${formatChineseDate(step.on)}）不适用信访办理期限，未计时`);
    }
    return { clocks, problems };
  }

  const accepted = decision?.kind === 'accepted' ? decision : undefined;
  if (!accepted) return { clocks, problems };
  const extensionDays = countExtensions(inTime, accepted.on, settings.maxExtensionDays, problems);
  const reply = first(['replied', 'concluded'], accepted.on);
  clock(
    'handling',
    accepted.on,
    settings.handlingDays,
    reply,
    `信访工作条例（2022）：受理之日起 ${settings.handlingDays} 日内办结${extensionDays > 0 ? `，经批准延长 ${extensionDays} 日（上限 ${settings.maxExtensionDays} 日）` : ''}`,
    extensionDays,
  );

  const stages = [
    { request: 'reviewRequest', answer: 'review', requested: 'review_requested', replied: 'review_replied', requestDays: settings.reviewRequestDays, answerDays: settings.reviewDays, name: '复查' },
    { request: 'recheckRequest', answer: 'recheck', requested: 'recheck_requested', replied: 'recheck_replied', requestDays: settings.recheckRequestDays, answerDays: settings.recheckDays, name: '复核' },
  ] as const;
  let previousReply = reply?.kind === 'replied' ? reply : undefined;
  for (const stage of stages) {
    if (!previousReply) break;
    const receivedReplyOn = previousReply.until ?? previousReply.on;
    const request = first([stage.requested], receivedReplyOn);
    clock(stage.request, receivedReplyOn, stage.requestDays, request, `信访工作条例（2022）：收到书面答复之日起 ${stage.requestDays} 日内可请求${stage.name}`);
    if (!request) break;
    const answer = first([stage.replied], request.on);
    const hearingDays = stage.answer === 'recheck' ? countHearingDays(inTime, request.on) : 0;
    clock(
      stage.answer,
      request.on,
      stage.answerDays,
      answer,
      `信访工作条例（2022）：收到${stage.name}请求之日起 ${stage.answerDays} 日内提出${stage.name}意见${hearingDays > 0 ? `，听证 ${hearingDays} 日不计入` : ''}`,
      hearingDays,
    );
    previousReply = answer;
  }
  return { clocks, problems };
}

function statusOf(owner: 'court' | 'petitioner', dueOn: LocalDate, satisfiedOn: LocalDate | undefined, today: LocalDate, dueSoonDays: number): PetitionClockStatus {
  if (satisfiedOn !== undefined) return compareLocalDates(satisfiedOn, dueOn) <= 0 ? 'met' : owner === 'court' ? 'met_late' : 'lapsed';
  const left = daysBetween(today, dueOn);
  if (left < 0) return owner === 'court' ? 'overdue' : 'lapsed';
  return owner === 'court' && left <= dueSoonDays ? 'due_soon' : 'running';
}

/** Sum of approved extensions after acceptance, capped at `max`; the excess is reported. */
function countExtensions(steps: readonly PetitionStep[], acceptedOn: LocalDate, max: number, problems: string[]): number {
  let total = 0;
  for (const step of steps.filter((s) => s.kind === 'extended')) {
    const requested = step.days ?? 0;
    if (compareLocalDates(step.on, acceptedOn) < 0) {
      problems.push(`延长办理期限（${formatChineseDate(step.on)}）早于受理日期，未计入`);
      continue;
    }
    const counted = Math.min(requested, max - total);
    if (counted < requested) problems.push(`延长办理期限合计超过 ${max} 日上限，${formatChineseDate(step.on)}批准的 ${requested} 日只计入 ${counted} 日`);
    total += counted;
  }
  return total;
}

/** Distinct calendar days of hearings held after the 复核 request (each hearing `on`…`until`, inclusive). */
function countHearingDays(steps: readonly PetitionStep[], requestedOn: LocalDate): number {
  const days = new Set<number>();
  for (const step of steps.filter((s) => s.kind === 'hearing' && compareLocalDates(s.on, requestedOn) > 0)) {
    for (let day = toEpochDay(step.on); day <= toEpochDay(step.until ?? step.on); day++) days.add(day);
  }
  return days.size;
}

/**
 * Warnings for the court's clocks: 已超期 → yellow, 即将到期 → blue (management defaults). Domain
 * 内部管理 (流程违规, PRODUCT.md §2): a late answer is a process failure of the court, while the
 * petitioner's conduct is what the 社会稳定 flags measure.
 */
export function petitionClockWarnings(petitionId: string, clocks: readonly PetitionClock[]): { key: string; domain: 'internal_management'; subtype: string; level: RiskLevel; title: string; explanation: string }[] {
  return clocks
    .filter((clock) => clock.owner === 'court' && (clock.status === 'overdue' || clock.status === 'due_soon'))
    .map((clock) => ({
      key: `petition:${petitionId}:clock:${clock.kind}:${clock.dueOn}`,
      domain: 'internal_management' as const,
      subtype: '信访办理期限',
      level: clock.status === 'overdue' ? ('yellow' as const) : ('blue' as const),
      title: `信访${clock.label}${petitionClockStatusLabel[clock.status]}`,
      explanation: `${clock.basis}；${clock.status === 'overdue' ? `已超期 ${-clock.daysLeft!} 日` : `剩余 ${clock.daysLeft} 日`}`,
    }));
}
