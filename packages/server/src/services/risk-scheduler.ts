import { computeClocks, escalationFor, escalationStepLabel, type EscalationNotice, type EscalationStep, type RiskClock, type RiskState } from '@courtrisk/core';
import { sql } from 'kysely';
import { chinaToday, type Clock } from '../clock.js';
import { groupBy } from '../group-by.js';
import type { Database, Db } from '../db/database.js';
import { newId } from '../ids.js';
import type { Repositories } from '../repositories/index.js';
import { SYSTEM_ACTOR } from './actor.js';
import { writeAudit } from './audit-writer.js';
import { formatBeijingInstant } from './beijing-time.js';
import { notify, type NewNotification } from './notifier.js';
import { forCourt, type CourtRiskSettings } from './risk-settings.service.js';
import type { Store } from './store.js';
import type { PetitionService } from './petition.service.js';
import type { TrialLimitSweep } from './trial-limit-sweep.service.js';
import type { WebhookService } from './webhook.service.js';

/** Arbitrary constant naming the scheduler's PostgreSQL advisory lock ("CRSK"). */
export const RISK_SCHEDULER_LOCK_KEY = 0x4352_534b;
/** Ticks in progress per database in this process (SQLite has one process; PostgreSQL adds the advisory lock). */
const running = new WeakSet<Db>();

export interface TickResult {
  /** False when another tick (here, or on another server) was already running: this one did nothing. */
  ran: boolean;
  risksChecked: number;
  dueSoonNotices: number;
  escalations: number;
  overdueTasks: number;
  webhookAttempts: number;
  /** Petitions whose clocks the day's 信访 sweep checked (0 on the other ticks of the day). */
  petitionsSwept: number;
  /** Courts whose open cases the day's 审限 sweep re-evaluated (0 on the other ticks of the day). */
  trialLimitCourtsSwept: number;
}

const SKIPPED: TickResult = { ran: false, risksChecked: 0, dueSoonNotices: 0, escalations: 0, overdueTasks: 0, webhookAttempts: 0, petitionsSwept: 0, trialLimitCourtsSwept: 0 };

interface OpenRisk {
  courtId: string;
  title: string;
  ownerId: string | null;
  departmentId: string | null;
  state: RiskState;
}

type Deps = {
  store: Store;
  database: Pick<Database, 'db' | 'dialect'>;
  clock: Clock;
  webhooks: Pick<WebhookService, 'deliverDue'>;
  petitions: Pick<PetitionService, 'sweep'>;
  trialLimits: Pick<TrialLimitSweep, 'run'>;
  log: (message: string, error?: unknown) => void;
  intervalSeconds: number;
};

/**
 * The risk scheduler (issue 4; docs/risk-lifecycle.md "Scheduler and notifications"). Each tick, for
 * every risk not yet 已销号: computes its clocks on the court's settings, tells the owner once per clock
 * run when a clock is due soon, and walks each missed clock up the ladder owner → department head →
 * risk office → court leader (PRODUCT.md §5), each step recorded once under its core key
 * (escalation_notice is unique per court + key), notified, written to the risk's timeline and audited
 * in one transaction. Overdue disposal tasks raise one 督办 notice per task and due date. Then it
 * sends the webhook deliveries that are due. With PostgreSQL only the server holding the advisory
 * lock works; the others skip the tick.
 */
export function createRiskScheduler({ store, database, clock, webhooks, petitions, trialLimits, log, intervalSeconds }: Deps) {
  const { repos } = store;
  /** Beijing day of the last successful 信访 sweep in this process. */
  let petitionsSweptOn: string | undefined;
  let trialLimitsSweptOn: string | undefined;

  /** Recipients per court and step, cached for one tick. */
  function recipientFinder() {
    const cache = new Map<string, Promise<string[]>>();
    const cached = (key: string, load: () => Promise<{ id: string }[]>) => {
      if (!cache.has(key)) cache.set(key, load().then((rows) => rows.map((r) => r.id)));
      return cache.get(key)!;
    };
    const riskOffice = async (courtId: string) => {
      const leaders = new Set(await courtLeaders(courtId));
      return (await cached(`office:${courtId}`, () => repos.risks.listAccountsHolding(courtId, 'risk.assess', { courtWide: true }))).filter((id) => !leaders.has(id));
    };
    const courtLeaders = (courtId: string) => cached(`leader:${courtId}`, () => repos.risks.listAccountsHolding(courtId, 'risk.approve', { courtWide: true }));
    const departmentHeads = (courtId: string, departmentId: string | null) =>
      departmentId === null ? Promise.resolve([]) : cached(`head:${courtId}:${departmentId}`, () => repos.risks.listAccountsHolding(courtId, 'risk.assess', { departmentId }));
    const departmentHandlers = (courtId: string, departmentId: string) =>
      cached(`handler:${courtId}:${departmentId}`, () => repos.risks.listAccountsHolding(courtId, 'risk.dispose', { departmentId }));
    return {
      riskOffice,
      departmentHandlers,
      /** Who a step reaches; an empty rung (no owner, no department) falls to the risk office, so a miss is never silent. */
      async forStep(risk: OpenRisk, step: EscalationStep): Promise<string[]> {
        const ids =
          step === 'owner'
            ? risk.ownerId === null
              ? []
              : [risk.ownerId]
            : step === 'department_head'
              ? await departmentHeads(risk.courtId, risk.departmentId)
              : step === 'risk_office'
                ? await riskOffice(risk.courtId)
                : await courtLeaders(risk.courtId);
        return ids.length > 0 ? ids : step === 'court_leader' ? [] : riskOffice(risk.courtId);
      },
    };
  }

  async function announceDueSoon(risk: OpenRisk, clockRun: RiskClock, recipients: string[], at: string): Promise<boolean> {
    const key = `${clockRun.key}:due_soon`;
    return store.transaction(async (trx) => {
      if (!(await trx.escalationNotices.recordOnce({ id: newId(), courtId: risk.courtId, key, kind: 'due_soon', riskId: risk.state.id, taskId: null, clock: clockRun.kind, step: null, notifiedAt: at }))) return false;
      await notify(
        trx,
        recipients.map((recipientId) => ({
          courtId: risk.courtId,
          recipientId,
          kind: 'clock_due_soon',
          title: `时限即将到期：${clockRun.label}`,
          body: `「${risk.title}」的${clockRun.label}将于 ${formatBeijingInstant(clockRun.dueAt)} 到期（${clockRun.basis}），请及时${clockRun.satisfiedBy}。`,
          link: `/risks/${risk.state.id}`,
          riskId: risk.state.id,
          dedupeKey: key,
        })),
        at,
      );
      return true;
    });
  }

  async function escalate(risk: OpenRisk, clockRun: RiskClock, notice: EscalationNotice, recipients: string[], at: string): Promise<boolean> {
    return store.transaction(async (trx) => {
      const fresh = await trx.escalationNotices.recordOnce({
        id: newId(),
        courtId: risk.courtId,
        key: notice.key,
        kind: 'escalation',
        riskId: risk.state.id,
        taskId: null,
        clock: notice.clock,
        step: notice.step,
        notifiedAt: at,
      });
      if (!fresh) return false;
      const due = formatBeijingInstant(clockRun.dueAt);
      const summary =
        notice.step === 'owner'
          ? `${clockRun.label}时限已于 ${due} 超时，已提醒责任人`
          : `${clockRun.label}时限已于 ${due} 超时，逐级督办至${escalationStepLabel[notice.step]}`;
      await notify(
        trx,
        recipients.map(
          (recipientId): NewNotification => ({
            courtId: risk.courtId,
            recipientId,
            kind: notice.step === 'owner' ? 'clock_missed' : 'escalation',
            title: notice.step === 'owner' ? `已超时：${clockRun.label}` : `督办（${escalationStepLabel[notice.step]}）：${risk.title}`,
            body: `「${risk.title}」的${clockRun.label}时限已于 ${due} 超时（${clockRun.basis}），请督促${clockRun.satisfiedBy}。`,
            link: `/risks/${risk.state.id}`,
            riskId: risk.state.id,
            dedupeKey: notice.key,
          }),
        ),
        at,
      );
      await trx.risks.appendTimeline({
        courtId: risk.courtId,
        riskId: risk.state.id,
        event: 'escalation',
        at,
        actorId: null,
        actorName: SYSTEM_ACTOR.name,
        actorCourtId: null,
        summary: recipients.length > 0 ? summary : `${summary}（未找到可通知的人员）`,
        details: { clock: notice.clock, step: notice.step, key: notice.key, dueAt: clockRun.dueAt, recipientIds: recipients },
      });
      await writeAudit(trx, clock, SYSTEM_ACTOR, { courtId: risk.courtId, action: 'risk.escalate', targetType: 'risk', targetId: risk.state.id, summary: `「${risk.title}」${summary}` });
      return true;
    });
  }

  type OverdueTask = Awaited<ReturnType<Repositories['escalationNotices']['listOverdueTasks']>>[number];

  async function superviseTask(task: OverdueTask, recipients: string[], at: string): Promise<boolean> {
    // The due date is part of the key: a task given a new due date that passes again is chased again.
    const key = `task:${task.id}:${task.dueOn}:overdue`;
    return store.transaction(async (trx) => {
      if (!(await trx.escalationNotices.recordOnce({ id: newId(), courtId: task.courtId, key, kind: 'task_overdue', riskId: task.riskId, taskId: task.id, clock: null, step: null, notifiedAt: at }))) return false;
      const summary = `处置任务「${task.description}」应于 ${task.dueOn} 完成，已逾期，系统督办${task.agencyName ? `（协同单位：${task.agencyName}）` : ''}`;
      await notify(
        trx,
        recipients.map((recipientId) => ({
          courtId: task.courtId,
          recipientId,
          kind: 'task_overdue',
          title: `任务逾期督办：${task.riskTitle}`,
          body: summary,
          link: `/risks/${task.riskId}`,
          riskId: task.riskId,
          dedupeKey: key,
        })),
        at,
      );
      await trx.risks.appendTimeline({
        courtId: task.courtId,
        riskId: task.riskId,
        // The register's timeline vocabulary has one 督办 event; details say it is a task's.
        event: 'escalation',
        at,
        actorId: null,
        actorName: SYSTEM_ACTOR.name,
        actorCourtId: null,
        summary,
        details: { kind: 'task_overdue', taskId: task.id, dueOn: task.dueOn, recipientIds: recipients },
      });
      await writeAudit(trx, clock, SYSTEM_ACTOR, { courtId: task.courtId, action: 'risk.task_overdue', targetType: 'riskTask', targetId: task.id, summary: `「${task.riskTitle}」${summary}` });
      return true;
    });
  }

  async function work(): Promise<TickResult> {
    const at = clock.now().toISOString();
    const result: TickResult = { ...SKIPPED, ran: true };
    const settings = new Map<string, Promise<CourtRiskSettings>>();
    const settingsOf = (courtId: string) => {
      if (!settings.has(courtId)) settings.set(courtId, forCourt(repos, courtId));
      return settings.get(courtId)!;
    };
    const people = recipientFinder();

    const risks = await repos.risks.listOpenLifecycles();
    const announced = new Set<string>();
    for (const [courtId, ofCourt] of groupBy(risks, (risk) => risk.courtId)) {
      for (const key of await repos.escalationNotices.listKeysForRisks(courtId, ofCourt.map((risk) => risk.state.id))) announced.add(key);
    }
    for (const risk of risks) {
      result.risksChecked += 1;
      try {
        const { clocks: clockSettings } = await settingsOf(risk.courtId);
        for (const clockRun of computeClocks(risk.state, clockSettings, at)) {
          if (clockRun.status === 'due_soon' && clockRun.running && !announced.has(`${clockRun.key}:due_soon`)) {
            const recipients = await people.forStep(risk, 'owner');
            if (await announceDueSoon(risk, clockRun, recipients, at)) result.dueSoonNotices += 1;
          }
          for (const notice of escalationFor(clockRun, at, clockSettings)) {
            if (announced.has(notice.key)) continue;
            if (await escalate(risk, clockRun, notice, await people.forStep(risk, notice.step), at)) result.escalations += 1;
          }
        }
      } catch (error) {
        // One broken record must not stop the others from being chased.
        log(`risk scheduler: risk ${risk.state.id} failed`, error);
      }
    }

    for (const task of await repos.escalationNotices.listOverdueTasks(chinaToday(clock))) {
      try {
        const assignees =
          task.assigneeKind === 'person' && task.assigneeAccountId
            ? [task.assigneeAccountId]
            : task.assigneeKind === 'department' && task.assigneeDepartmentId
              ? await people.departmentHandlers(task.courtId, task.assigneeDepartmentId)
              : [];
        // The risk's owner chases outside agencies and supervises every task of the plan.
        const recipients = [...new Set([...assignees, ...(task.riskOwnerId ? [task.riskOwnerId] : [])])];
        if (await superviseTask(task, recipients.length > 0 ? recipients : await people.riskOffice(task.courtId), at)) result.overdueTasks += 1;
      } catch (error) {
        log(`risk scheduler: task ${task.id} failed`, error);
      }
    }

    // 信访 clocks count calendar days, and every write refreshes its own petition: one sweep per Beijing day.
    const day = chinaToday(clock);
    if (petitionsSweptOn !== day) {
      try {
        result.petitionsSwept = (await petitions.sweep()).petitions;
        petitionsSweptOn = day;
      } catch (error) {
        log('risk scheduler: petition sweep failed', error);
      }
    }

    // 审限 is counted in days: one sweep per Beijing day, which the sweep also records per court in the database.
    if (trialLimitsSweptOn !== day) {
      try {
        result.trialLimitCourtsSwept = (await trialLimits.run()).courts.filter((court) => court.swept).length;
        trialLimitsSweptOn = day;
      } catch (error) {
        log('risk scheduler: trial-limit sweep failed', error);
      }
    }

    result.webhookAttempts = await webhooks.deliverDue();
    return result;
  }

  /** Runs `work` only if this process and (PostgreSQL) this cluster run no other tick. */
  async function tick(): Promise<TickResult> {
    const { db, dialect } = database;
    if (running.has(db)) return SKIPPED;
    running.add(db);
    try {
      if (dialect === 'sqlite') return await work();
      // A session-level lock lives on one connection: take it, work, release it on that same connection.
      return await db.connection().execute(async (connection) => {
        const locked = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${RISK_SCHEDULER_LOCK_KEY}) as locked`.execute(connection);
        if (!locked.rows[0]?.locked) return SKIPPED;
        try {
          return await work();
        } finally {
          await sql`select pg_advisory_unlock(${RISK_SCHEDULER_LOCK_KEY})`.execute(connection);
        }
      });
    } finally {
      running.delete(db);
    }
  }

  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> = Promise.resolve();
  return {
    tick,
    /** Ticks every `intervalSeconds` (the first after one interval); 0 leaves this instance idle. */
    start() {
      if (intervalSeconds <= 0 || timer) return;
      timer = setInterval(() => {
        current = tick().catch((error) => log('risk scheduler tick failed', error));
      }, intervalSeconds * 1000);
      timer.unref();
    },
    /** Stops ticking and waits for a tick in progress, so the database can close after it. */
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await current;
    },
  };
}
export type RiskScheduler = ReturnType<typeof createRiskScheduler>;
