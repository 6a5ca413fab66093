import { z } from 'zod';
import {
  addDays,
  compareLocalDates,
  daysBetween,
  formatChineseDate,
  fromEpochDay,
  toEpochDay,
  type LocalDate,
} from './local-date.js';
import {
  applyHolidayRule,
  calculatePeriodEnd,
  formatPeriodLength,
  HOLIDAY_RULES,
  isLongerFrom,
  periodLengthInDays,
  sumPeriodLengths,
  type HolidayCalendar,
  type HolidayRule,
  type PeriodLength,
} from './period.js';
import {
  clockRestartReasonLabel,
  EXCLUDED_PERIOD_RULES,
  extensionApproverLabel,
  formatCitation,
  PERIOD_COUNTING_CITATIONS,
  PROCEDURE_RULES,
  type ExcludedPeriodKind,
  type ExtensionStage,
  type ProcedureCode,
  type ProcedureFamily,
  type ProcedureRule,
} from './procedures.js';
import type { ExcludedPeriodEvent, ExtensionEvent, ProcessEvent, SuspensionEvent, TrialLimitInput } from './process-events.js';

/** Court-wide choices the statutes leave open (per-court configuration). */
export const TrialLimitSettings = z.object({
  /**
   * Whether a limit whose last day is a rest day ends on the next working day
   * (民事诉讼法(2023) 第八十五条第三款; 刑事诉讼法(2018) 第一百零五条第四款). Required: there is no
   * default because the sources do not settle whether the rule applies to the court's own 审限.
   */
  holidayRule: z.enum(HOLIDAY_RULES, { message: '请选择审限届满日遇节假日是否顺延' }).describe('节假日顺延'),
});
export type TrialLimitSettings = z.infer<typeof TrialLimitSettings>;

export const TRIAL_LIMIT_INCONSISTENCY_CODES = [
  'invalidCaseDates',
  'eventBeforeFiling',
  'eventAfterClosing',
  'eventInFuture',
  'excludedPeriodReversed',
  'overlappingExcludedPeriods',
  'openExcludedPeriod',
  'resumptionWithoutSuspension',
  'excludedKindNotApplicable',
  'excludedPeriodExceedsMaximum',
  'excludedPeriodAfterDeadline',
  'extensionBeyondAuthority',
  'extensionAfterExpiry',
  'extensionRequestTooLate',
  'restartNotApplicable',
] as const;
export type TrialLimitInconsistencyCode = (typeof TRIAL_LIMIT_INCONSISTENCY_CODES)[number];

/** Something in the recorded events that does not add up; `message` is Chinese, for court staff. */
export interface TrialLimitInconsistency {
  code: TrialLimitInconsistencyCode;
  message: string;
  /** Ids of the events involved (only events that were given an `id`). */
  eventIds: string[];
}

/** The state of one case's trial limit on `asOf`. */
export interface TrialLimitResult {
  procedure: ProcedureCode;
  family: ProcedureFamily;
  /** Filing date, or the date of the last applicable clock restart. Not itself counted. */
  countingStartedOn: LocalDate;
  /** Base period plus the counted extensions. */
  limitLength: PeriodLength;
  /** Calendar days `limitLength` covers from `countingStartedOn`, before exclusions and holidays. */
  limitDays: number;
  /** Excluded days that moved the deadline (overlaps counted once). */
  excludedDays: number;
  /** Days the holiday rule added after the last counted day. */
  holidayExtensionDays: number;
  /** The last day of the limit (届满日). */
  deadline: LocalDate;
  /** Closing date if closed, otherwise `today`. */
  asOf: LocalDate;
  /** Counted (non-excluded) days from the day after `countingStartedOn` through `asOf`. */
  daysUsed: number;
  /** `limitDays + holidayExtensionDays - daysUsed`; negative once overdue. */
  daysLeft: number;
  /** `asOf` is after `deadline` (for a closed case: closed late, 超审限结案). */
  overdue: boolean;
  closed: boolean;
  /** An excluded period is still open; the deadline assumes it ends on `asOf`. */
  provisional: boolean;
  /** How the result was reached, one Chinese sentence per rule or event. */
  basis: string[];
  inconsistencies: TrialLimitInconsistency[];
}

/** An excluded period as recorded (a 中止/恢复 pair becomes one), with the ids of its events. */
interface ExcludedPeriodRecord {
  kind: ExcludedPeriodKind;
  start: LocalDate;
  end: LocalDate | undefined;
  ids: string[];
}

/** An excluded stretch in epoch days, both ends inclusive. */
interface ExcludedInterval {
  first: number;
  last: number;
  ids: string[];
}

/** One recorded period after clipping, before overlaps are merged. */
interface ExcludedSource extends ExcludedInterval {
  kind: ExcludedPeriodKind;
}

const idsOf = (...events: readonly { id?: string | undefined }[]): string[] =>
  events.flatMap((event) => (event.id === undefined ? [] : [event.id]));

const cn = formatChineseDate;

/** The day an event happens, used for ordering and for the filing/closing/today checks. */
function eventDate(event: ProcessEvent): LocalDate {
  switch (event.type) {
    case 'extension':
      return event.approvedOn;
    case 'excludedPeriod':
      return event.start;
    default:
      return event.on;
  }
}

const EVENT_TYPE_ORDER: Record<ProcessEvent['type'], number> = {
  clockRestart: 0,
  suspension: 1,
  resumption: 2,
  excludedPeriod: 3,
  extension: 4,
};

/** A key that sorts events by date and then by every field, so input order never matters. */
function canonicalKey(event: ProcessEvent): string {
  const pad = (value: number) => String(value).padStart(6, '0');
  const details =
    event.type === 'extension'
      ? [event.approver, pad(event.length.months), pad(event.length.days), event.requestedOn ?? '']
      : event.type === 'excludedPeriod'
        ? [event.kind, event.end ?? '~']
        : event.type === 'clockRestart'
          ? [event.reason]
          : [];
  return [eventDate(event), EVENT_TYPE_ORDER[event.type], ...details, event.id ?? ''].join('|');
}

class InconsistencyLog {
  readonly entries: TrialLimitInconsistency[] = [];
  add(code: TrialLimitInconsistencyCode, message: string, eventIds: string[] = []): void {
    this.entries.push({ code, message, eventIds });
  }
}

/** Drops events dated before filing, after closing or after today, logging each. */
function keepEventsInsideCase(
  events: readonly ProcessEvent[],
  input: TrialLimitInput,
  log: InconsistencyLog,
): ProcessEvent[] {
  return events.filter((event) => {
    const date = eventDate(event);
    if (compareLocalDates(date, input.filedOn) < 0) {
      log.add('eventBeforeFiling', `${cn(date)}的事件早于立案日期${cn(input.filedOn)}，未计入。`, idsOf(event));
      return false;
    }
    if (input.closedOn !== undefined && compareLocalDates(date, input.closedOn) > 0) {
      log.add('eventAfterClosing', `${cn(date)}的事件晚于结案日期${cn(input.closedOn)}，未计入。`, idsOf(event));
      return false;
    }
    if (compareLocalDates(date, input.today) > 0) {
      log.add('eventInFuture', `${cn(date)}的事件晚于计算基准日${cn(input.today)}，未计入。`, idsOf(event));
      return false;
    }
    return true;
  });
}

/** Pairs each 中止 with the next 恢复 into an excluded period of kind `suspension`. */
function pairSuspensions(events: readonly ProcessEvent[], log: InconsistencyLog): ExcludedPeriodRecord[] {
  const periods: ExcludedPeriodRecord[] = [];
  let open: SuspensionEvent | undefined;
  for (const event of events) {
    if (event.type === 'suspension') {
      if (open === undefined) open = event;
      else log.add('overlappingExcludedPeriods', `${cn(event.on)}再次中止，但${cn(open.on)}的中止尚未恢复。`, idsOf(open, event));
    } else if (event.type === 'resumption') {
      if (open === undefined) {
        log.add('resumptionWithoutSuspension', `${cn(event.on)}记录了恢复，但此前没有对应的中止。`, idsOf(event));
      } else {
        periods.push({ kind: 'suspension', start: open.on, end: event.on, ids: idsOf(open, event) });
        open = undefined;
      }
    }
  }
  if (open !== undefined) periods.push({ kind: 'suspension', start: open.on, end: undefined, ids: idsOf(open) });
  return periods;
}

/** Applies the last recognised clock restart; returns the new counting start. */
function findCountingStart(
  events: readonly ProcessEvent[],
  rule: ProcedureRule,
  filedOn: LocalDate,
  log: InconsistencyLog,
  basis: string[],
): LocalDate {
  let start = filedOn;
  for (const event of events) {
    if (event.type !== 'clockRestart') continue;
    const restart = rule.clockRestarts.find((candidate) => candidate.reason === event.reason);
    if (restart === undefined) {
      log.add(
        'restartNotApplicable',
        `${rule.label}没有“${clockRestartReasonLabel[event.reason]}”后重新计算审限的规定，${cn(event.on)}的该事件未计入。`,
        idsOf(event),
      );
      continue;
    }
    start = event.on;
    basis.push(
      `${cn(event.on)}因${clockRestartReasonLabel[event.reason]}重新计算审限（${formatCitation(restart.citation)}）；此前批准的延长和此前的扣除期间不再计入。`,
    );
  }
  return start;
}

/**
 * Turns excluded-period events into inclusive epoch-day intervals after the counting start:
 * drops kinds that do not apply to the family, caps kinds with a maximum, closes open periods on
 * `asOf`, then merges overlaps so no day is excluded twice.
 */
function buildExcludedIntervals(
  periods: readonly ExcludedPeriodRecord[],
  rule: ProcedureRule,
  countingStart: LocalDate,
  asOf: LocalDate,
  closedOn: LocalDate | undefined,
  log: InconsistencyLog,
): { sources: ExcludedSource[]; merged: ExcludedInterval[]; provisional: boolean } {
  let provisional = false;
  const sources: ExcludedSource[] = [];
  for (const period of periods) {
    const kindRule = EXCLUDED_PERIOD_RULES[period.kind];
    if (!kindRule.families.includes(rule.family)) {
      log.add('excludedKindNotApplicable', `“${kindRule.label}”不适用于${rule.label}，未扣除。`, period.ids);
      continue;
    }
    let end = period.end;
    if (end === undefined) {
      provisional = true;
      end = asOf;
      log.add('openExcludedPeriod', `自${cn(period.start)}起的${kindRule.label}尚未结束，暂计至${cn(asOf)}，审限届满日会继续后移。`, period.ids);
    } else if (closedOn !== undefined && compareLocalDates(end, closedOn) > 0) {
      log.add('eventAfterClosing', `${kindRule.label}的终止日${cn(end)}晚于结案日期，按结案日截止。`, period.ids);
      end = closedOn;
    }
    if (compareLocalDates(end, period.start) < 0) {
      log.add('excludedPeriodReversed', `${kindRule.label}的终止日${cn(end)}早于起始日${cn(period.start)}，未扣除。`, period.ids);
      continue;
    }
    if (kindRule.maxLength !== null) {
      const lastAllowed = addDays(calculatePeriodEnd(period.start, kindRule.maxLength), -1);
      if (compareLocalDates(end, lastAllowed) > 0) {
        log.add(
          'excludedPeriodExceedsMaximum',
          `${kindRule.label}最长扣除${formatPeriodLength(kindRule.maxLength)}，仅扣除至${cn(lastAllowed)}（${formatCitation(kindRule.citation)}）。`,
          period.ids,
        );
        end = lastAllowed;
      }
    }
    const first = Math.max(toEpochDay(period.start), toEpochDay(countingStart) + 1);
    const last = toEpochDay(end);
    if (first <= last) sources.push({ first, last, kind: period.kind, ids: period.ids });
  }
  sources.sort((a, b) => a.first - b.first || a.last - b.last);

  const merged: ExcludedInterval[] = [];
  for (const source of sources) {
    const previous = merged.at(-1);
    if (previous !== undefined && source.first <= previous.last) {
      log.add(
        'overlappingExcludedPeriods',
        `扣除期间重叠（${cn(fromEpochDay(source.first))}至${cn(fromEpochDay(Math.min(source.last, previous.last)))}），重叠部分只扣除一次。`,
        [...previous.ids, ...source.ids],
      );
    }
    if (previous !== undefined && source.first <= previous.last + 1) {
      previous.last = Math.max(previous.last, source.last);
      previous.ids.push(...source.ids);
    } else {
      merged.push({ first: source.first, last: source.last, ids: [...source.ids] });
    }
  }
  return { sources, merged, provisional };
}

/**
 * Walks forward from the counting start and returns the day on which the `limitDays`-th counted
 * (non-excluded) day falls, plus the intervals that lay before it and therefore moved it.
 */
function locateLastCountedDay(
  countingStart: LocalDate,
  limitDays: number,
  intervals: readonly ExcludedInterval[],
): { lastDay: LocalDate; applied: ExcludedInterval[] } {
  let position = toEpochDay(countingStart);
  let remaining = limitDays;
  const applied: ExcludedInterval[] = [];
  for (const interval of intervals) {
    const countedBefore = interval.first - position - 1;
    if (remaining <= countedBefore) break;
    remaining -= countedBefore;
    position = interval.last;
    applied.push(interval);
  }
  return { lastDay: fromEpochDay(position + remaining), applied };
}

interface DeadlineComputation {
  nominalLastDay: LocalDate;
  deadline: LocalDate;
  applied: ExcludedInterval[];
  limitDays: number;
}

interface HolidayPolicy {
  rule: HolidayRule;
  calendar: HolidayCalendar;
}

function computeDeadline(
  countingStart: LocalDate,
  limitLength: PeriodLength,
  intervals: readonly ExcludedInterval[],
  holidays: HolidayPolicy,
): DeadlineComputation {
  const limitDays = periodLengthInDays(countingStart, limitLength);
  const { lastDay, applied } = locateLastCountedDay(countingStart, limitDays, intervals);
  return { nominalLastDay: lastDay, deadline: applyHolidayRule(lastDay, holidays.rule, holidays.calendar), applied, limitDays };
}

/** Where an extension lands on the procedure's ladder, and how much of it counts. */
interface ExtensionLadderState {
  stageIndex: number;
  approvalsInStage: number;
  total: PeriodLength;
}

/**
 * Matches one extension to the ladder and returns the counted total; logs approvals beyond the
 * approver's authority, which count only up to what that approver may grant (possibly nothing).
 */
function applyExtension(
  extension: ExtensionEvent,
  rule: ProcedureRule,
  countingStart: LocalDate,
  state: ExtensionLadderState,
  log: InconsistencyLog,
  basis: string[],
): ExtensionStage | undefined {
  const approverLabel = extensionApproverLabel[extension.approver];
  const asked = formatPeriodLength(extension.length);
  const prefix = `${cn(extension.approvedOn)}${approverLabel}批准延长${asked}`;
  const stages = rule.extensionStages;
  const stageIndex = stages.findIndex(
    (candidate, index) =>
      index >= state.stageIndex &&
      candidate.approvers.includes(extension.approver) &&
      (index > state.stageIndex || candidate.maxApprovals === null || state.approvalsInStage < candidate.maxApprovals),
  );
  const stage = stages[stageIndex];
  if (stage === undefined) {
    const reason =
      stages.length === 0
        ? `${rule.label}法律未规定延长审限`
        : stages.some((candidate) => candidate.approvers.includes(extension.approver))
          ? `${approverLabel}的延长权限已用尽（或已由更高一级批准），${
              state.stageIndex + 1 < stages.length ? `再延长须报${nextApproversLabel(stages, state.stageIndex + 1)}批准` : '法律未规定再次延长'
            }`
          : `${rule.label}延长审限须经${nextApproversLabel(stages, state.stageIndex)}批准`;
    log.add('extensionBeyondAuthority', `${prefix}，${reason}，未计入。`, idsOf(extension));
    basis.push(`${prefix}，超出批准权限，未计入。`);
    return undefined;
  }
  if (stageIndex > state.stageIndex) state.approvalsInStage = 0;
  state.stageIndex = stageIndex;
  state.approvalsInStage += 1;

  let counted = extension.length;
  let capNote = '';
  if (stage.maxLengthPerApproval !== null && isLongerFrom(countingStart, counted, stage.maxLengthPerApproval)) {
    counted = stage.maxLengthPerApproval;
    capNote = `每次最多延长${formatPeriodLength(stage.maxLengthPerApproval)}`;
  }
  let total = sumPeriodLengths([state.total, counted]);
  if (stage.maxTotalLimit !== null && isLongerFrom(countingStart, total, stage.maxTotalLimit)) {
    total = stage.maxTotalLimit;
    capNote = `审限总长不得超过${formatPeriodLength(stage.maxTotalLimit)}`;
  }
  state.total = total;
  const citation = formatCitation(stage.citation);
  const condition = stage.condition === null ? '' : `；须符合：${stage.condition}`;
  if (capNote === '') {
    basis.push(`${prefix}（${citation}${condition}）。`);
  } else {
    log.add('extensionBeyondAuthority', `${prefix}，超出权限（${capNote}），只计入至审限合计${formatPeriodLength(total)}。`, idsOf(extension));
    basis.push(`${prefix}，超出权限（${capNote}），只计入至审限合计${formatPeriodLength(total)}（${citation}${condition}）。`);
  }
  return stage;
}

function nextApproversLabel(stages: readonly ExtensionStage[], fromIndex: number): string {
  const approvers = new Set(stages.slice(fromIndex).flatMap((candidate) => candidate.approvers));
  return [...approvers].map((approver) => extensionApproverLabel[approver]).join('或');
}

function countingRuleBasis(family: ProcedureFamily): string {
  const startRule =
    family === 'criminal'
      ? PERIOD_COUNTING_CITATIONS.startDayNotCounted.criminal
      : PERIOD_COUNTING_CITATIONS.startDayNotCounted.civil;
  const administrative =
    family === 'administrative' ? `，依${formatCitation(PERIOD_COUNTING_CITATIONS.administrativeFollowsCivil)}适用民事诉讼法` : '';
  return `期间计算：起算当日不计入（${formatCitation(startRule)}${administrative}）；按月计算的，到期月的对应日为最后一日，没有对应日的为该月末日（${formatCitation(PERIOD_COUNTING_CITATIONS.monthEnd)}）；扣除期间首尾两日均不计入审限。`;
}

/**
 * Calculates a case's trial limit (审限) on `input.today`: the deadline, days used and left, whether
 * it is overdue, the basis in Chinese, and the inconsistencies found in the recorded events.
 *
 * Rules (sources in {@link PROCEDURE_RULES} and {@link EXCLUDED_PERIOD_RULES}):
 * - The limit runs from the filing date, or from the last clock restart the procedure recognises
 *   (刑事诉讼法(2018) 第二百零八条第二、三款, 第二百四十一条; 民事诉讼法(2023) 第一百八十七条 公告期满);
 *   that day itself is not counted (民事诉讼法(2023) 第八十五条; 刑事诉讼法(2018) 第一百零五条).
 *   Extensions approved and periods excluded before a restart no longer count.
 * - Length = base + counted extensions, summed component-wise and applied once from the start
 *   (months per 民法典(2020) 第二百零二条, then days), so 08-31 + 6 + 6 months ends on 08-31, not
 *   on 08-28, and the order of approvals cannot change the result.
 * - Extensions follow the procedure's ladder of approvers; an approval beyond the approver's
 *   authority (a second 小额诉讼 extension, 本院院长 extending civil ordinary beyond six months, any
 *   extension where none is provided) counts only up to what that approver may grant.
 * - Excluded periods count both their first and last day; overlapping periods are merged so each
 *   day is excluded once. The deadline is the day on which the limit's N-th counted day falls, so an
 *   excluded period moves it by exactly its days — unless it starts after that day, in which case it
 *   moves nothing and is reported. An open period is counted through `asOf` and marks the result
 *   provisional.
 * - Holiday rule per `settings.holidayRule`; never applied in a criminal case while the defendant
 *   is in custody (刑事诉讼法(2018) 第一百零五条第四款), which is assumed unless
 *   `defendantInCustody` is `false`.
 *
 * Invariant: `daysUsed + daysLeft === limitDays + holidayExtensionDays`.
 * Events before filing, after closing or after `today` are reported and ignored.
 */
export function calculateTrialLimit(
  input: TrialLimitInput,
  settings: TrialLimitSettings,
  calendar: HolidayCalendar,
): TrialLimitResult {
  const rule = PROCEDURE_RULES[input.procedure];
  const log = new InconsistencyLog();
  const basis: string[] = [
    `适用程序：${rule.label}，审限${formatPeriodLength(rule.baseLimit)}，自${rule.countingStartLabel}起计算（${formatCitation(rule.citation)}）。`,
    countingRuleBasis(rule.family),
  ];

  const closedOn = input.closedOn;
  if (closedOn !== undefined && compareLocalDates(closedOn, input.filedOn) < 0) {
    log.add('invalidCaseDates', `结案日期${cn(closedOn)}早于立案日期${cn(input.filedOn)}。`);
  }
  if (compareLocalDates(input.filedOn, input.today) > 0) {
    log.add('invalidCaseDates', `立案日期${cn(input.filedOn)}晚于计算基准日${cn(input.today)}。`);
  }
  const asOf = closedOn ?? input.today;

  const sortedEvents = input.events
    .map((event) => ({ event, key: canonicalKey(event) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ event }) => event);
  const events = keepEventsInsideCase(sortedEvents, input, log);
  const countingStart = findCountingStart(events, rule, input.filedOn, log, basis);

  const periods: ExcludedPeriodRecord[] = [
    ...events
      .filter((event): event is ExcludedPeriodEvent => event.type === 'excludedPeriod')
      .map((event) => ({ kind: event.kind, start: event.start, end: event.end, ids: idsOf(event) })),
    ...pairSuspensions(events, log),
  ];
  const { sources, merged, provisional } = buildExcludedIntervals(periods, rule, countingStart, asOf, closedOn, log);

  const inCustody = rule.family === 'criminal' && input.defendantInCustody !== false;
  const holidays: HolidayPolicy = { rule: inCustody ? 'none' : settings.holidayRule, calendar };

  const ladder: ExtensionLadderState = { stageIndex: 0, approvalsInStage: 0, total: rule.baseLimit };
  for (const extension of events) {
    if (extension.type !== 'extension' || compareLocalDates(extension.approvedOn, countingStart) < 0) continue;
    const before = computeDeadline(countingStart, ladder.total, merged, holidays).deadline;
    if (compareLocalDates(extension.approvedOn, before) > 0) {
      log.add('extensionAfterExpiry', `${cn(extension.approvedOn)}批准的延长晚于当时的审限届满日${cn(before)}。`, idsOf(extension));
    }
    const stage = applyExtension(extension, rule, countingStart, ladder, log, basis);
    const lead = stage?.minRequestLeadDays ?? null;
    if (lead !== null && extension.requestedOn !== undefined && daysBetween(extension.requestedOn, before) < lead) {
      log.add(
        'extensionRequestTooLate',
        `延长申请于${cn(extension.requestedOn)}提出，距届满日${cn(before)}不足${lead}日（${formatCitation(stage!.citation)}）。`,
        idsOf(extension),
      );
    }
  }

  const { nominalLastDay, deadline, applied, limitDays } = computeDeadline(countingStart, ladder.total, merged, holidays);
  basis.push(
    `审限合计${formatPeriodLength(ladder.total)}，自${cn(countingStart)}次日起算，不计扣除期间应于${cn(calculatePeriodEnd(countingStart, ladder.total))}届满，共${limitDays}日。`,
  );

  for (const interval of merged) {
    if (applied.includes(interval)) continue;
    log.add(
      'excludedPeriodAfterDeadline',
      `自${cn(fromEpochDay(interval.first))}起的扣除期间开始于审限届满之后，不能使届满日后移。`,
      interval.ids,
    );
  }
  const appliedSources = sources.filter((source) =>
    applied.some((interval) => source.first >= interval.first && source.last <= interval.last),
  );
  for (const source of appliedSources) {
    const kindRule = EXCLUDED_PERIOD_RULES[source.kind];
    basis.push(
      `扣除${kindRule.label}：${cn(fromEpochDay(source.first))}至${cn(fromEpochDay(source.last))}，共${source.last - source.first + 1}日（${formatCitation(kindRule.citation)}）。`,
    );
  }
  const excludedDays = daysBetween(countingStart, nominalLastDay) - limitDays;
  if (excludedDays > 0) {
    basis.push(`扣除期间合计${excludedDays}日（重叠部分只计一次），审限相应顺延至${cn(nominalLastDay)}。`);
  }

  const holidayExtensionDays = daysBetween(nominalLastDay, deadline);
  basis.push(holidayBasis(rule.family, inCustody, settings.holidayRule, nominalLastDay, deadline, calendar));

  const countedThrough = toEpochDay(asOf);
  const startDay = toEpochDay(countingStart);
  const excludedUsed = applied.reduce(
    (sum, interval) => sum + Math.max(0, Math.min(interval.last, countedThrough) - interval.first + 1),
    0,
  );
  const daysUsed = Math.max(0, countedThrough - startDay - excludedUsed);
  const daysLeft = limitDays + holidayExtensionDays - daysUsed;
  const overdue = compareLocalDates(asOf, deadline) > 0;
  basis.push(summaryBasis(deadline, asOf, daysUsed, daysLeft, closedOn));

  return {
    procedure: rule.code,
    family: rule.family,
    countingStartedOn: countingStart,
    limitLength: ladder.total,
    limitDays,
    excludedDays,
    holidayExtensionDays,
    deadline,
    asOf,
    daysUsed,
    daysLeft,
    overdue,
    closed: closedOn !== undefined,
    provisional,
    basis,
    inconsistencies: log.entries,
  };
}

function holidayBasis(
  family: ProcedureFamily,
  inCustody: boolean,
  setting: HolidayRule,
  nominalLastDay: LocalDate,
  deadline: LocalDate,
  calendar: HolidayCalendar,
): string {
  const citation = formatCitation(
    family === 'criminal' ? PERIOD_COUNTING_CITATIONS.holidayExtension.criminal : PERIOD_COUNTING_CITATIONS.holidayExtension.civil,
  );
  if (inCustody) return `被告人在押，期间届满日不因节假日顺延（${citation}）。`;
  if (compareLocalDates(deadline, nominalLastDay) > 0) {
    return `${cn(nominalLastDay)}为法定休假日，顺延至其后第一个工作日${cn(deadline)}（${citation}）。`;
  }
  if (setting === 'none' && calendar.isRestDay(nominalLastDay)) {
    return `${cn(nominalLastDay)}为休息日，本院设置为审限届满日不因节假日顺延。`;
  }
  return setting === 'extend' ? `届满日为工作日，无需顺延（${citation}）。` : '本院设置为审限届满日不因节假日顺延。';
}

function summaryBasis(deadline: LocalDate, asOf: LocalDate, daysUsed: number, daysLeft: number, closedOn: LocalDate | undefined): string {
  const used = `已用${daysUsed}日`;
  if (closedOn !== undefined) {
    return daysLeft >= 0
      ? `审限届满日${cn(deadline)}；已于${cn(closedOn)}结案，${used}，在审限内。`
      : `审限届满日${cn(deadline)}；已于${cn(closedOn)}结案，${used}，超审限${-daysLeft}日结案。`;
  }
  return daysLeft >= 0
    ? `审限届满日${cn(deadline)}；截至${cn(asOf)}${used}，剩余${daysLeft}日。`
    : `审限届满日${cn(deadline)}；截至${cn(asOf)}${used}，已超审限${-daysLeft}日。`;
}
