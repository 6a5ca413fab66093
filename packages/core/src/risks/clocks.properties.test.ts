import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../deadlines/local-date.js';
import { RISK_LEVELS, type RiskLevel } from '../screening/rule-schema.js';
import { computeClocks, DEFAULT_RISK_CLOCK_SETTINGS, escalationFor, type ClockSubject } from './clocks.js';
import { after, dateOf, DAY, scoreFor, T0 } from './test-support.js';
import { clockDurationMs, toEpochMs } from './time.js';

/**
 * Properties of the clocks (issue 4: "clocks and escalation with an injected clock"): escalation only
 * ever moves forward in time, the same instant gives the same keys, a key never changes while its
 * clock run lasts, a level change never pushes an unmet clock's due instant back, and the status
 * agrees with the due instant.
 */

const settings = DEFAULT_RISK_CLOCK_SETTINGS;
const anyLevel = fc.constantFrom(...RISK_LEVELS);
const within = (maxMs: number) => fc.integer({ min: 0, max: maxMs });

interface SubjectSpec {
  initial: RiskLevel;
  changes: { level: RiskLevel; gap: number }[];
  status: 'pending_assessment' | 'assessing' | 'disposing' | 'monitoring';
  assessedAfter: number | null;
  plannedAfter: number | null;
  reportedAfter: number | null;
  reviewedAfter: number;
  nextReviewInDays: number | null;
}

const spec: fc.Arbitrary<SubjectSpec> = fc.record({
  initial: anyLevel,
  changes: fc.array(fc.record({ level: anyLevel, gap: fc.integer({ min: 1, max: 20 * DAY }) }), { maxLength: 4 }),
  status: fc.constantFrom('pending_assessment' as const, 'assessing' as const, 'disposing' as const, 'monitoring' as const),
  assessedAfter: fc.option(within(30 * DAY), { nil: null }),
  plannedAfter: fc.option(within(30 * DAY), { nil: null }),
  reportedAfter: fc.option(within(30 * DAY), { nil: null }),
  reviewedAfter: within(40 * DAY),
  nextReviewInDays: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
});

/** A clock subject registered at T0 with the level history `initial` then `changes`. */
function build(s: SubjectSpec): ClockSubject {
  let at = T0;
  const levelHistory = [{ level: s.initial, from: after(0) }];
  for (const change of s.changes) {
    at = after(change.gap, at);
    levelHistory.push({ level: change.level, from: at });
  }
  const current = levelHistory.at(-1)!.level;
  const instant = (offset: number | null) => (offset === null ? null : after(offset));
  const reviewed = s.status === 'disposing' || s.status === 'monitoring';
  const nextReviewOn = s.status === 'monitoring' ? addDays(dateOf(after(s.reviewedAfter)), s.nextReviewInDays ?? 7) : null;
  return {
    id: 'risk-p',
    status: s.status,
    score: scoreFor(current),
    levelHistory,
    createdAt: after(0),
    firstAssessedAt: instant(s.assessedAfter),
    planSubmittedAt: instant(s.plannedAfter),
    lastReviewedAt: reviewed ? after(s.reviewedAfter) : null,
    nextReviewOn,
    reportedToLeaderAt: instant(s.reportedAfter),
    resolution: null,
  };
}

/** An instant no earlier than the subject's last level change. */
const lastChange = (subject: ClockSubject) => subject.levelHistory.at(-1)!.from;

describe('clock properties', () => {
  it('escalation steps only accumulate as time passes, with keys that never change', () => {
    fc.assert(
      fc.property(spec, within(200 * DAY), within(200 * DAY), (s, a, b) => {
        const subject = build(s);
        const [early, late] = [after(Math.min(a, b), lastChange(subject)), after(Math.max(a, b), lastChange(subject))];
        for (const clock of computeClocks(subject, settings, early)) {
          const before = escalationFor(clock, early, settings);
          const later = escalationFor(clock, late, settings);
          expect(later.slice(0, before.length)).toEqual(before);
          const sinces = later.map((notice) => toEpochMs(notice.since));
          expect(sinces.every((ms, index) => index === 0 || ms > sinces[index - 1]!)).toBe(true);
          if (later[0] !== undefined) expect(later[0].since).toBe(clock.dueAt);
        }
        // the same clock run, seen at a later instant, keeps its key and due instant
        const keyed = new Map(computeClocks(subject, settings, early).map((clock) => [clock.key, clock.dueAt]));
        for (const clock of computeClocks(subject, settings, late)) {
          if (keyed.has(clock.key)) expect(clock.dueAt).toBe(keyed.get(clock.key));
        }
      }),
    );
  });

  it('the same instant always yields the same clocks and keys', () => {
    fc.assert(
      fc.property(spec, within(100 * DAY), (s, offset) => {
        const subject = build(s);
        const now = after(offset, lastChange(subject));
        const first = computeClocks(subject, settings, now);
        expect(computeClocks(structuredClone(subject), settings, now)).toEqual(first);
        for (const clock of first) expect(escalationFor(clock, now, settings)).toEqual(escalationFor(structuredClone(clock), now, settings));
      }),
    );
  });

  it('a level change never pushes the due instant of an unmet clock back', () => {
    fc.assert(
      // a change at the very instant of the previous one would leave that level in force for no time at all
      fc.property(spec, anyLevel, fc.integer({ min: 1, max: 30 * DAY }), within(30 * DAY), (s, level, gap, wait) => {
        const subject = build(s);
        const changedAt = after(gap, lastChange(subject));
        const now = after(wait, changedAt);
        const changed: ClockSubject = {
          ...subject,
          levelHistory: [...subject.levelHistory, { level, from: changedAt }],
          score: scoreFor(level),
        };
        const beforeDue = new Map(computeClocks(subject, settings, now).map((clock) => [clock.key, clock]));
        for (const clock of computeClocks(changed, settings, now)) {
          const previous = beforeDue.get(clock.key);
          // a run that starts at the change (a review run begun by the assessment that changed the level) runs under the new level
          if (previous === undefined || previous.status === 'met' || toEpochMs(clock.startedAt) >= toEpochMs(changedAt)) continue;
          expect(toEpochMs(clock.dueAt)).toBeLessThanOrEqual(toEpochMs(previous.dueAt));
          // and it is due no later than the new level's limit, counted from the change (or the run's start)
          const from = Math.max(toEpochMs(changedAt), toEpochMs(clock.startedAt));
          expect(toEpochMs(clock.dueAt)).toBeLessThanOrEqual(from + clockDurationMs(settings.limits[level][clock.kind]));
        }
      }),
    );
  });

  it('status agrees with the due instant, and only missed running clocks escalate', () => {
    fc.assert(
      fc.property(spec, within(100 * DAY), (s, offset) => {
        const subject = build(s);
        const now = after(offset, lastChange(subject));
        const nowMs = toEpochMs(now);
        for (const clock of computeClocks(subject, settings, now)) {
          const dueMs = toEpochMs(clock.dueAt);
          expect(dueMs).toBeGreaterThanOrEqual(toEpochMs(clock.startedAt));
          if (clock.satisfiedAt !== null) {
            expect([clock.status, clock.running, clock.late]).toEqual(['met', false, toEpochMs(clock.satisfiedAt) > dueMs]);
          } else {
            expect(clock.running).toBe(true);
            expect(clock.status === 'missed').toBe(nowMs > dueMs);
          }
          expect(escalationFor(clock, now, settings).length > 0).toBe(clock.running && clock.status === 'missed');
        }
      }),
    );
  });
});
