import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, fromEpochDay, parseLocalDate, toEpochDay, type LocalDate } from './local-date.js';
import { calculatePeriodEnd, sumPeriodLengths } from './period.js';
import type { ProcessEvent, TrialLimitInput } from './process-events.js';
import {
  CLOCK_RESTART_REASONS,
  EXCLUDED_PERIOD_RULES,
  EXTENSION_APPROVERS,
  PROCEDURE_CODES,
  PROCEDURE_RULES,
  type ExcludedPeriodKind,
  type ProcedureCode,
} from './procedures.js';
import { officialCalendar } from './test-support.js';
import { calculateTrialLimit, type TrialLimitSettings } from './trial-limit.js';

/**
 * Properties of the engine (see calculateTrialLimit's JSDoc and docs/deadlines.md):
 * 1. adding an excluded period never moves the deadline earlier;
 * 2. a counted extension adds exactly its length to the limit;
 * 3. the order in which events are listed never changes the result;
 * 4. daysUsed + daysLeft = limitDays + holidayExtensionDays, and overdue ⇔ daysLeft < 0.
 */

const FIRST_FILING = toEpochDay(parseLocalDate('2024-01-01'));
const LAST_FILING = toEpochDay(parseLocalDate('2026-06-30'));

const arbitraryDateAfter = (start: LocalDate, maxOffset: number) =>
  fc.integer({ min: -5, max: maxOffset }).map((offset) => addDays(start, offset));

const applicableKinds = (procedure: ProcedureCode): ExcludedPeriodKind[] =>
  (Object.keys(EXCLUDED_PERIOD_RULES) as ExcludedPeriodKind[]).filter((kind) =>
    EXCLUDED_PERIOD_RULES[kind].families.includes(PROCEDURE_RULES[procedure].family),
  );

const arbitraryExcludedPeriod = (procedure: ProcedureCode, filedOn: LocalDate) =>
  fc.record({
    kind: fc.constantFrom(...applicableKinds(procedure)),
    start: arbitraryDateAfter(filedOn, 400),
    span: fc.integer({ min: 0, max: 90 }),
    open: fc.boolean(),
  }).map(({ kind, start, span, open }): ProcessEvent => ({
    type: 'excludedPeriod',
    kind,
    start,
    ...(open ? {} : { end: addDays(start, span) }),
  }));

const arbitraryEvent = (procedure: ProcedureCode, filedOn: LocalDate): fc.Arbitrary<ProcessEvent> =>
  fc.oneof(
    arbitraryExcludedPeriod(procedure, filedOn),
    fc.record({
      approver: fc.constantFrom(...EXTENSION_APPROVERS),
      months: fc.integer({ min: 0, max: 6 }),
      days: fc.integer({ min: 1, max: 40 }),
      approvedOn: arbitraryDateAfter(filedOn, 400),
    }).map(({ approver, months, days, approvedOn }): ProcessEvent => ({ type: 'extension', approver, length: { months, days }, approvedOn })),
    fc.record({ type: fc.constantFrom('suspension' as const, 'resumption' as const), on: arbitraryDateAfter(filedOn, 400) }),
    fc.record({ reason: fc.constantFrom(...CLOCK_RESTART_REASONS), on: arbitraryDateAfter(filedOn, 300) }).map(
      ({ reason, on }): ProcessEvent => ({ type: 'clockRestart', reason, on }),
    ),
  );

const arbitraryCase = fc
  .record({
    procedure: fc.constantFrom(...PROCEDURE_CODES),
    filedOn: fc.integer({ min: FIRST_FILING, max: LAST_FILING }).map(fromEpochDay),
    todayOffset: fc.integer({ min: 0, max: 900 }),
    closedOffset: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }),
    defendantInCustody: fc.option(fc.boolean(), { nil: undefined }),
  })
  .chain(({ procedure, filedOn, todayOffset, closedOffset, defendantInCustody }) =>
    fc.array(arbitraryEvent(procedure, filedOn), { maxLength: 8 }).map(
      (events): TrialLimitInput => ({
        procedure,
        filedOn,
        events: events.map((event, index) => ({ ...event, id: `e${index}` })),
        today: addDays(filedOn, todayOffset),
        ...(closedOffset === undefined ? {} : { closedOn: addDays(filedOn, closedOffset) }),
        ...(defendantInCustody === undefined ? {} : { defendantInCustody }),
      }),
    ),
  );

const arbitrarySettings: fc.Arbitrary<TrialLimitSettings> = fc.record({ holidayRule: fc.constantFrom('extend' as const, 'none' as const) });

describe('trial-limit properties', () => {
  it('adding an excluded period never moves the deadline earlier (法释〔2000〕29号 第九条: excluded days are not counted)', () => {
    fc.assert(
      fc.property(
        arbitraryCase.chain((input) => fc.tuple(fc.constant(input), arbitraryExcludedPeriod(input.procedure, input.filedOn))),
        arbitrarySettings,
        ([input, extra], settings) => {
          const before = calculateTrialLimit(input, settings, officialCalendar);
          const after = calculateTrialLimit({ ...input, events: [...input.events, extra] }, settings, officialCalendar);
          expect(daysBetween(before.deadline, after.deadline)).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an extension within the approver’s power adds exactly its length (民事诉讼法(2023) 第一百八十三条第一款: 本院院长, no cap)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: FIRST_FILING, max: LAST_FILING }).map(fromEpochDay),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 200 }),
        (filedOn, months, days) => {
          fc.pre(months + days > 0);
          const base: TrialLimitInput = { procedure: 'civilSecondInstanceJudgment', filedOn, events: [], today: addDays(filedOn, 1) };
          const extended: TrialLimitInput = {
            ...base,
            events: [{ type: 'extension', approver: 'courtPresident', length: { months, days }, approvedOn: addDays(filedOn, 1) }],
          };
          const settings: TrialLimitSettings = { holidayRule: 'none' };
          const without = calculateTrialLimit(base, settings, officialCalendar);
          const withExtension = calculateTrialLimit(extended, settings, officialCalendar);
          expect(withExtension.limitLength).toEqual(sumPeriodLengths([without.limitLength, { months, days }]));
          expect(withExtension.deadline).toBe(calculatePeriodEnd(filedOn, withExtension.limitLength));
          if (months === 0) {
            expect(withExtension.limitDays - without.limitDays).toBe(days);
            expect(daysBetween(without.deadline, withExtension.deadline)).toBe(days);
          }
        },
      ),
    );
  });

  it('the order in which events are listed does not change the result', () => {
    fc.assert(
      fc.property(
        arbitraryCase.chain((input) =>
          fc.tuple(fc.constant(input), fc.shuffledSubarray(input.events, { minLength: input.events.length, maxLength: input.events.length })),
        ),
        arbitrarySettings,
        ([input, shuffled], settings) => {
          expect(calculateTrialLimit({ ...input, events: shuffled }, settings, officialCalendar)).toEqual(
            calculateTrialLimit(input, settings, officialCalendar),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('days used + days left = limit days + holiday extension days; overdue exactly when days left < 0', () => {
    fc.assert(
      fc.property(arbitraryCase, arbitrarySettings, (input, settings) => {
        const result = calculateTrialLimit(input, settings, officialCalendar);
        expect(result.daysUsed + result.daysLeft).toBe(result.limitDays + result.holidayExtensionDays);
        expect(result.overdue).toBe(result.daysLeft < 0);
        expect(daysBetween(result.countingStartedOn, result.deadline)).toBe(
          result.limitDays + result.excludedDays + result.holidayExtensionDays,
        );
        expect(result.daysUsed).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });
});
