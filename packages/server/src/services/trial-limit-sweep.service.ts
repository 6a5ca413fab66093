import type { TrialLimitSweepCourtResult, TrialLimitSweepResult } from '@courtrisk/core';
import { chinaToday, type Clock } from '../clock.js';
import type { CourtTable } from '../db/schema.js';
import { groupBy } from '../group-by.js';
import { asScopedCourt, type AccessChecker } from './access.js';
import { auditActorOf, SYSTEM_ACTOR, type Actor, type AuditActor } from './actor.js';
import { writeAudit } from './audit-writer.js';
import { notify, type NewNotification } from './notifier.js';
import type { Store } from './store.js';
import { defaultSettingRow, loadTrialLimitSettings } from './trial-limit-settings.service.js';
import { loadCourtRecipients, TRIAL_LIMIT_RULE_ID, type TrialLimitEngine, type WarningOutcome } from './trial-limit.service.js';

/** Cases evaluated per transaction: small enough to keep SQLite's write lock short. */
const BATCH = 500;
/** Notifications per notify call: 11 columns each stays well under SQLite's 32,766 bound parameters. */
const NOTIFY_CHUNK = 1_000;

export interface SweepOptions {
  /** Sweep again even if the court was already swept today (after a settings change; CLI --force). */
  force?: boolean;
  /** Only these courts (default: every court). */
  courtIds?: readonly string[];
  /** Recorded in the audit log (default 系统). */
  by?: AuditActor;
}

/**
 * 审限每日巡检 (issue 5): re-evaluates every open case of every court for today's Beijing date
 * (injected clock), so tiers move as days pass without any event being recorded. Each case's one
 * IM-TRIAL-LIMIT warning is raised, updated, escalated or retired (never duplicated), and each rise is
 * announced up the ladder once per case and tier. A court is claimed per day in the database, so
 * several app servers or a CLI run alongside the server sweep it once.
 */
export function createTrialLimitSweep({
  store,
  access,
  clock,
  engine,
  afterRun,
}: {
  store: Store;
  access: AccessChecker;
  clock: Clock;
  engine: TrialLimitEngine;
  /** Runs after each sweep with the courts it swept (the Monday 长期未结 snapshot). */
  afterRun?: (day: string, sweptCourtIds: string[]) => Promise<void>;
}) {
  const { repos } = store;

  async function sweepCourt(court: CourtTable, day: string, options: SweepOptions): Promise<TrialLimitSweepCourtResult> {
    const nowIso = clock.now().toISOString();
    const counts = { evaluated: 0, raised: 0, escalated: 0, updated: 0, retired: 0, notified: 0 };
    await repos.trialMonitoring.insertSettingIfMissing(defaultSettingRow(court.id, nowIso));
    const claimed = await repos.trialMonitoring.claimSweep(court.id, day);
    if (!claimed && !options.force) return { courtId: court.id, courtName: court.name, swept: false, ...counts };

    const settings = await loadTrialLimitSettings(repos, court.id);
    const recipients = await loadCourtRecipients(repos, court.id);
    let after = '';
    for (let more = true; more; ) {
      await store.transaction(async (trx) => {
        // One page of cases with the fields the engine reads, then their events and warnings by id.
        const cases = await trx.trialMonitoring.listSweepCasesAfter(court.id, TRIAL_LIMIT_RULE_ID, after, BATCH);
        more = cases.length === BATCH;
        if (cases.length === 0) return;
        after = cases.at(-1)!.id;
        const ids = cases.map((c) => c.id);
        const events = groupBy(await trx.processEvents.listForCases(court.id, ids), (e) => e.caseId);
        const warnings = new Map((await trx.trialMonitoring.listRuleWarnings(court.id, TRIAL_LIMIT_RULE_ID, ids)).map((w) => [w.caseId, w]));
        const batch: Record<WarningOutcome, number> = { raised: 0, escalated: 0, updated: 0, retired: 0, unchanged: 0 };
        const notices: NewNotification[] = [];
        for (const c of cases) {
          const computed = engine.compute(c, events.get(c.id) ?? [], settings, day);
          const outcome = await engine.syncWarning(trx, c, computed, nowIso, warnings.get(c.id) ?? null);
          batch[outcome]++;
          if (outcome === 'raised' || outcome === 'escalated') for (const notice of engine.announcements(c, computed, recipients)) notices.push(notice);
        }
        // The batch's rises are announced together (same transaction): one notify per case, three
        // statements each, was about 40 % of a first sweep over 50,000 cases (bench/trial-monitoring.bench.ts).
        for (let i = 0; i < notices.length; i += NOTIFY_CHUNK) await notify(trx, notices.slice(i, i + NOTIFY_CHUNK), nowIso);
        counts.notified += notices.length;
        counts.evaluated += cases.length;
        counts.raised += batch.raised;
        counts.escalated += batch.escalated;
        counts.updated += batch.updated;
        counts.retired += batch.retired;
        if (batch.raised + batch.escalated + batch.updated + batch.retired === 0) return;
        await writeAudit(trx, clock, options.by ?? SYSTEM_ACTOR, {
          courtId: court.id,
          action: 'trial_limit.sweep',
          summary: `审限巡检（${day}）：评估 ${cases.length} 件，新增预警 ${batch.raised} 件，升级 ${batch.escalated} 件，更新 ${batch.updated} 件，解除 ${batch.retired} 件`,
        });
      });
    }
    return { courtId: court.id, courtName: court.name, swept: true, ...counts };
  }

  async function run(options: SweepOptions = {}): Promise<TrialLimitSweepResult> {
    const day = chinaToday(clock);
    const wanted = options.courtIds ? new Set(options.courtIds) : null;
    const courts = (await repos.courts.listAll()).filter((c) => !wanted || wanted.has(c.id));
    const results: TrialLimitSweepCourtResult[] = [];
    for (const court of courts) results.push(await sweepCourt(court, day, options));
    await afterRun?.(day, results.filter((r) => r.swept).map((r) => r.courtId));
    return { day, courts: results };
  }

  return {
    /** Every court, once per Beijing day unless forced (scheduler, `courtrisk trial-limits sweep`). */
    run,
    /** Re-evaluates one court now, e.g. after its settings changed (court.manage; 404 outside scope). */
    async sweepCourt(actor: Actor, courtId: string): Promise<TrialLimitSweepResult> {
      await access.require(actor, 'court.manage');
      access.inScope(actor, asScopedCourt(await repos.courts.getById(courtId)), 'court', courtId);
      return run({ force: true, courtIds: [courtId], by: auditActorOf(actor) });
    },
  };
}
export type TrialLimitSweep = ReturnType<typeof createTrialLimitSweep>;
