import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRiskScheduler, RISK_SCHEDULER_LOCK_KEY } from '../src/services/risk-scheduler.js';
import { call, createTestPlatform, loginReady, testDialects, type Session, type TestPlatform } from './harness.js';

interface Note {
  kind: string;
  title: string;
  body: string;
  riskId: string | null;
}

/**
 * The risk scheduler (issue 4; PRODUCT.md §5 time limits and "missed clocks escalate: owner →
 * department head → risk office → court leader, with notifications"; docs/risk-lifecycle.md) and the
 * per-court risk settings it reads. The test clock starts 2026-03-02 09:00 Beijing time and only
 * moves when a test moves it.
 */
describe.each(testDialects())('risk scheduler on %s', (dialect) => {
  let platform: TestPlatform;
  const sessions = new Map<string, Session>();
  const accountIds = new Map<string, string>();
  const as = (username: string) => sessions.get(username)!;
  const tick = () => platform.services.riskScheduler.tick();
  const inbox = async (username: string): Promise<Note[]> => (await call(platform, as(username), 'GET', '/api/v1/notifications?pageSize=100')).json().items;
  const about = async (username: string, riskId: string) => (await inbox(username)).filter((n) => n.riskId === riskId);

  async function reportRisk(reporter: string, owner: string, title: string, likelihood = 5, impact = 4): Promise<string> {
    const res = await call(platform, as(reporter), 'POST', '/api/v1/risks', {
      domain: 'social_stability',
      subtype: '涉房地产（逾期交房）',
      title,
      description: '某楼盘逾期交房两年，三百余户业主多次聚集，扬言到市政府上访。',
      likelihood,
      impact,
      ownerId: accountIds.get(owner),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }

  beforeAll(async () => {
    platform = await createTestPlatform(dialect, { env: { RISK_SCHEDULER_INTERVAL_SECONDS: '0', SESSION_IDLE_MINUTES: '100000', SESSION_ABSOLUTE_HOURS: '10000' } });
    const users = ['zy_risk', 'zy_judge', 'zy_chief', 'zy_leader', 'zy_admin', 'dc_admin', 'dc_risk', 'dc_judge'];
    for (const username of users) {
      sessions.set(username, await loginReady(platform, username));
      accountIds.set(username, (await platform.services.store.repos.accounts.getByUsername(username))!.id);
    }
  });
  afterAll(() => platform.close());

  describe('a 红 risk owned by a judge of 民一庭', () => {
    let riskId: string;
    beforeAll(async () => {
      riskId = await reportRisk('zy_risk', 'zy_judge', '某小区逾期交房群体性纠纷');
    });

    it('does nothing while every clock has time left', async () => {
      expect(await tick()).toMatchObject({ ran: true, dueSoonNotices: 0, escalations: 0, overdueTasks: 0 });
      expect((await about('zy_judge', riskId)).map((n) => n.kind)).toEqual(['assignment']);
    });

    it('tells the owner once when 报告院领导 enters its last quarter (红: 2 h, due soon after 1.5 h)', async () => {
      platform.clock.advanceMinutes(91);
      expect(await tick()).toMatchObject({ dueSoonNotices: 1, escalations: 0 });
      expect(await tick()).toMatchObject({ dueSoonNotices: 0 });
      const notes = (await about('zy_judge', riskId)).filter((n) => n.kind !== 'assignment');
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ kind: 'clock_due_soon', title: '时限即将到期：报告院领导' });
      expect(notes[0]!.body).toContain('2026年3月2日 11:00');
    });

    it('walks a missed clock up the ladder, each rung told once (红: +1 h, +1 h, +2 h)', async () => {
      const rung = async (minutes: number, username: string, kind: string) => {
        platform.clock.advanceMinutes(minutes);
        expect(await tick(), `${username} after ${minutes} min`).toMatchObject({ escalations: 1 });
        expect(await tick()).toMatchObject({ escalations: 0 });
        const notes = (await about(username, riskId)).filter((n) => n.kind === kind);
        expect(notes, username).toHaveLength(1);
        return notes[0]!;
      };
      expect((await rung(30, 'zy_judge', 'clock_missed')).title).toBe('已超时：报告院领导');
      expect((await rung(60, 'zy_chief', 'escalation')).title).toBe('督办（部门负责人）：某小区逾期交房群体性纠纷');
      expect((await rung(60, 'zy_risk', 'escalation')).title).toBe('督办（风险防控办）：某小区逾期交房群体性纠纷');
      expect((await rung(120, 'zy_leader', 'escalation')).body).toContain('报告院领导时限已于 2026年3月2日 11:00 超时');
      // The leader is on the last rung only, not told as the risk office as well.
      expect((await about('zy_leader', riskId)).filter((n) => n.kind === 'escalation')).toHaveLength(1);
    });

    it('writes each rung to the risk’s timeline as the system', async () => {
      const timeline = (await call(platform, as('zy_risk'), 'GET', `/api/v1/risks/${riskId}/timeline`)).json().items as { event: string; summary: string; actorName: string }[];
      const escalations = timeline.filter((e) => e.event === 'escalation');
      expect(escalations.map((e) => e.summary)).toEqual([
        '报告院领导时限已于 2026年3月2日 11:00 超时，已提醒责任人',
        '报告院领导时限已于 2026年3月2日 11:00 超时，逐级督办至部门负责人',
        '报告院领导时限已于 2026年3月2日 11:00 超时，逐级督办至风险防控办',
        '报告院领导时限已于 2026年3月2日 11:00 超时，逐级督办至院领导',
      ]);
      expect(escalations.every((e) => e.actorName === '系统')).toBe(true);
    });

    it('chases an overdue disposal task once, telling the assignee and the owner (督办)', async () => {
      const act = async (body: Record<string, unknown>) => {
        const version = (await call(platform, as('zy_risk'), 'GET', `/api/v1/risks/${riskId}`)).json().version;
        const res = await call(platform, as('zy_risk'), 'POST', `/api/v1/risks/${riskId}/actions`, { ...body, version });
        expect(res.statusCode, res.body).toBe(200);
      };
      await act({ action: 'startAssessment' });
      await act({ action: 'recordAssessment', assessment: { heldOn: '2026-03-02', form: 'consultation', participants: [{ kind: 'staff', name: '风险办专员' }], conclusion: '风险属实，需制定处置方案' } });
      await act({
        action: 'submitPlan',
        summary: '分头稳控，督促开发商制定交房计划',
        tasks: [{ assignee: { kind: 'person', accountId: accountIds.get('zy_chief') }, dueOn: '2026-03-03', description: '约谈开发商并报送交房计划' }],
      });
      expect(await tick()).toMatchObject({ overdueTasks: 0 });
      platform.clock.advanceMinutes(2 * 24 * 60); // 2026-03-04: the task due on the 3rd is overdue
      expect(await tick()).toMatchObject({ overdueTasks: 1 });
      expect(await tick()).toMatchObject({ overdueTasks: 0 });
      for (const username of ['zy_chief', 'zy_judge']) {
        const notes = (await about(username, riskId)).filter((n) => n.kind === 'task_overdue');
        expect(notes, username).toHaveLength(1);
        expect(notes[0]!.body).toContain('约谈开发商并报送交房计划');
      }
      const timeline = await call(platform, as('zy_risk'), 'GET', `/api/v1/risks/${riskId}/timeline`);
      expect(timeline.statusCode, timeline.body).toBe(200);
      expect(timeline.json().items.at(-1)).toMatchObject({ event: 'escalation', actorName: '系统', summary: '处置任务「约谈开发商并报送交房计划」应于 2026-03-03 完成，已逾期，系统督办' });
    });
  });

  it('tells every rung once after the scheduler was down past them all', async () => {
    const riskId = await reportRisk('zy_risk', 'zy_judge', '某公司欠薪引发聚集');
    platform.clock.advanceMinutes(6 * 60 + 1); // 红 报告院领导 due at 2 h; the leader's rung at 6 h
    const result = await tick();
    // Its 报告院领导 clock reaches all four rungs; nothing is due soon any more.
    expect(result.escalations).toBeGreaterThanOrEqual(4);
    expect((await about('zy_leader', riskId)).filter((n) => n.kind === 'escalation' && n.body.includes('报告院领导'))).toHaveLength(1);
    expect((await about('zy_judge', riskId)).filter((n) => n.kind === 'clock_due_soon')).toEqual([]);
    expect(await tick()).toMatchObject({ escalations: 0 });
  });

  it('lets only one of two concurrent ticks work', async () => {
    const [a, b] = await Promise.all([tick(), tick()]);
    expect([a.ran, b.ran].sort()).toEqual([false, true]);
  });

  it('ticks every interval once started, not at all with interval 0, and stops on request', async () => {
    const ticks = { 60: 0, 0: 0 };
    const schedulerEvery = (intervalSeconds: 60 | 0) =>
      createRiskScheduler({
        store: platform.services.store,
        database: platform.database,
        clock: platform.clock,
        // deliverDue is the tick's last step: counting it counts finished ticks.
        webhooks: { deliverDue: async () => ((ticks[intervalSeconds] += 1), 0) },
        petitions: platform.services.petitions,
        trialLimits: platform.services.trialLimitSweep,
        log: (message, error) => {
          throw error ?? new Error(message);
        },
        intervalSeconds,
      });
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const every60 = schedulerEvery(60);
      const off = schedulerEvery(0);
      every60.start();
      off.start();
      vi.advanceTimersByTime(59_000);
      await every60.stop();
      expect(ticks[60]).toBe(0);
      every60.start();
      vi.advanceTimersByTime(60_000);
      await every60.stop();
      vi.advanceTimersByTime(600_000);
      await off.stop();
      expect(ticks).toEqual({ 60: 1, 0: 0 });
    } finally {
      vi.useRealTimers();
    }
  });

  it.runIf(dialect === 'postgres')('skips the tick while another server holds the advisory lock', async () => {
    await platform.database.db.connection().execute(async (other) => {
      await sql`select pg_advisory_lock(${RISK_SCHEDULER_LOCK_KEY})`.execute(other);
      try {
        expect(await tick()).toMatchObject({ ran: false });
      } finally {
        await sql`select pg_advisory_unlock(${RISK_SCHEDULER_LOCK_KEY})`.execute(other);
      }
    });
    expect(await tick()).toMatchObject({ ran: true });
  });

  describe('per-court risk settings (PRODUCT.md §4 matrix, §5 "configurable per court")', () => {
    let dcCourtId: string;
    const url = () => `/api/v1/courts/${dcCourtId}/risk-settings`;
    beforeAll(async () => {
      dcCourtId = (await platform.services.store.repos.accounts.getByUsername('dc_admin'))!.courtId;
    });

    it('reads the PRODUCT.md defaults until the court saves its own', async () => {
      const res = await call(platform, as('dc_risk'), 'GET', url());
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ courtId: dcCourtId, isDefault: true, version: 1, matrix: { version: 1, bands: { red: 20, orange: 12, yellow: 6 } } });
      expect(res.json().clocks.limits.red.reportToLeader).toEqual({ amount: 2, unit: 'hour' });
    });

    it('refuses a change without court.manage, and outside the scope', async () => {
      const current = (await call(platform, as('dc_admin'), 'GET', url())).json();
      const body = { matrix: current.matrix, clocks: current.clocks, version: 1 };
      expect((await call(platform, as('dc_risk'), 'PUT', url(), body)).statusCode).toBe(403);
      const zyCourt = (await platform.services.store.repos.accounts.getByUsername('zy_admin'))!.courtId;
      expect((await call(platform, as('dc_admin'), 'PUT', `/api/v1/courts/${zyCourt}/risk-settings`, body)).statusCode).toBe(404);
      expect((await call(platform, null, 'GET', url())).statusCode).toBe(401);
    });

    it('validates with the core rules and names the field', async () => {
      const current = (await call(platform, as('dc_admin'), 'GET', url())).json();
      const unreachableOrange = await call(platform, as('dc_admin'), 'PUT', url(), { ...current, matrix: { version: 1, bands: { red: 15, orange: 13, yellow: 6 } } });
      expect(unreachableOrange.statusCode).toBe(400);
      expect(unreachableOrange.json().fields[0].path).toBe('matrix.bands.orange');
      const clocks = structuredClone(current.clocks);
      clocks.limits.red.reportToLeader = { amount: 2, unit: 'day' };
      const redSlowerThanOrange = await call(platform, as('dc_admin'), 'PUT', url(), { matrix: current.matrix, clocks, version: 1 });
      expect(redSlowerThanOrange.statusCode).toBe(400);
      expect(redSlowerThanOrange.json().fields[0]).toMatchObject({ path: 'clocks.limits.red.reportToLeader' });
    });

    it('saves, numbers the matrix revision, audits, and the scheduler runs on the new limits', async () => {
      const current = (await call(platform, as('dc_admin'), 'GET', url())).json();
      const clocks = structuredClone(current.clocks);
      clocks.limits.red.reportToLeader = { amount: 1, unit: 'hour' };
      const res = await call(platform, as('dc_admin'), 'PUT', url(), { matrix: { version: 1, bands: { red: 16, orange: 10, yellow: 5 } }, clocks, version: 1 });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ isDefault: false, version: 2, matrix: { version: 2, bands: { red: 16, orange: 10, yellow: 5 } } });
      const stale = await call(platform, as('dc_admin'), 'PUT', url(), { matrix: current.matrix, clocks, version: 1 });
      expect(stale.statusCode).toBe(409);
      const audit = (await call(platform, as('dc_admin'), 'GET', '/api/v1/audit-logs?pageSize=1')).json().items[0];
      expect(audit).toMatchObject({ action: 'risk.settings.update' });
      expect(audit.summary).toContain('红≥20、橙≥12、黄≥6 → 红≥16、橙≥10、黄≥5（第 2 版）');

      // 4 × 4 = 16 is 红 under the new bands; its leader report is now due after 1 h.
      const riskId = await reportRisk('dc_risk', 'dc_judge', '某村征地补偿纠纷', 4, 4);
      platform.clock.advanceMinutes(61);
      await tick();
      expect((await about('dc_judge', riskId)).map((n) => n.title)).toContain('已超时：报告院领导');
    });
  });
});
