import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestPlatform, loginReady, testDialects, type Session, type TestPlatform } from './harness.js';
import { LONG_SESSIONS } from './risk-fixtures.js';

interface Risk {
  id: string;
  courtId: string;
  status: string;
  level: string;
  domain: string;
  createdAt: string;
  reportedUpward: { automatic: boolean } | null;
  closure: { approvalId: string | null } | null;
  warningIds: string[];
}

/**
 * The demo risk register (services/demo-risks.ts): a demo start shows a register in every state, in the
 * 中院 and the 基层 courts, with reports up, a 批示 to 签收, an overdue agency task and risks from
 * warnings — all written through the services, so timelines and clocks agree with the data.
 */
describe.each(testDialects())('demo risk register on %s', (dialect) => {
  let platform: TestPlatform;
  const USERS = ['zy_risk', 'zy_leader', 'zy_petition', 'dc_risk', 'xc_risk'] as const;
  const as = {} as Record<(typeof USERS)[number], Session>;
  const own = {} as Record<'zy' | 'dc' | 'xc', Risk[]>;

  const list = async (session: Session, query = '') => (await call(platform, session, 'GET', `/api/v1/risks?pageSize=200${query}`)).json().items as Risk[];

  beforeAll(async () => {
    platform = await createTestPlatform(dialect, { demoCases: true, env: LONG_SESSIONS });
    for (const name of USERS) as[name] = await loginReady(platform, name);
    own.zy = await list(as.zy_risk);
    own.dc = await list(as.dc_risk);
    own.xc = await list(as.xc_risk);
  });
  afterAll(() => platform.close());

  it('has risks in every state, level and domain, in the 中院 and the 基层 courts', () => {
    const all = [...own.zy, ...own.dc, ...own.xc];
    expect(all.length).toBeGreaterThanOrEqual(12);
    expect(all.length).toBeLessThanOrEqual(20);
    expect(new Set(all.map((r) => r.status))).toEqual(new Set(['pending_assessment', 'assessing', 'disposing', 'monitoring', 'resolved', 'closed']));
    expect(new Set(all.map((r) => r.level))).toEqual(new Set(['red', 'orange', 'yellow', 'blue']));
    expect(new Set(all.map((r) => r.domain))).toEqual(new Set(['political_security', 'social_stability', 'financial', 'cyber', 'internal_management']));
    expect(own.dc.length).toBeGreaterThan(0);
    expect(own.xc.length).toBeGreaterThan(0);
    // A 红/橙 closure cites the leader's approval (PRODUCT.md §5).
    expect(all.some((r) => r.status === 'closed' && r.closure?.approvalId)).toBe(true);
  });

  it('lists 在办 risks (status=open): every state but 已化解 and 已销号', async () => {
    const open = await list(as.zy_risk, '&status=open');
    expect(open.map((r) => r.id).sort()).toEqual(own.zy.filter((r) => !['resolved', 'closed'].includes(r.status)).map((r) => r.id).sort());
    expect(open.length).toBeGreaterThan(0);
  });

  it('spreads registrations over the last ~40 days and never past now', () => {
    const now = platform.clock.now().getTime();
    const ages = [...own.zy, ...own.dc, ...own.xc].map((r) => (now - Date.parse(r.createdAt)) / 86_400_000);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ages)).toBeGreaterThan(30);
    expect(Math.max(...ages)).toBeLessThanOrEqual(41);
  });

  it('shows the 中院 what the 基层 courts reported up, in its list and its workbench', async () => {
    const reported = await list(as.zy_risk, '&includeLowerCourts=true&reportedUpward=true');
    const lower = reported.filter((r) => r.courtId !== own.zy[0]!.courtId);
    expect(new Set(lower.map((r) => r.courtId))).toEqual(new Set([own.dc[0]!.courtId, own.xc[0]!.courtId]));
    expect(lower.some((r) => r.reportedUpward?.automatic === true)).toBe(true);
    const workbench = (await call(platform, as.zy_leader, 'GET', '/api/v1/workbench')).json();
    expect(workbench.perCourt.filter((row: { reportedUp: number }) => row.reportedUp > 0).length).toBe(2);
    expect(workbench.lowerReports.total).toBeGreaterThan(0);
  });

  it('links confirmed demo warnings to their risks', async () => {
    const confirmed = (await call(platform, as.zy_risk, 'GET', '/api/v1/warnings?status=confirmed&pageSize=200')).json().items as { riskId: string | null }[];
    expect(confirmed.length).toBeGreaterThanOrEqual(2);
    expect(confirmed.every((w) => w.riskId !== null)).toBe(true);
    expect([...own.zy, ...own.dc].filter((r) => r.warningIds.length > 0).length).toBeGreaterThanOrEqual(2);
  });

  it('has a 批示 from the 中院 awaiting 签收 in 东城', async () => {
    const waiting = [];
    for (const risk of own.dc) {
      const items = (await call(platform, as.dc_risk, 'GET', `/api/v1/risks/${risk.id}/instructions`)).json().items as { acknowledgedAt: string | null; canAcknowledge: boolean; fromCourtId: string }[];
      waiting.push(...items.filter((i) => i.acknowledgedAt === null && i.fromCourtId === own.zy[0]!.courtId));
    }
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.canAcknowledge).toBe(true);
  });

  it('has tasks in several states, an overdue one for an outside agency, and one for 信访接待', async () => {
    const tasks = (await call(platform, as.zy_risk, 'GET', '/api/v1/tasks?pageSize=200')).json().items as { status: string; overdue: boolean; assignee: { kind: string } }[];
    expect(new Set(tasks.map((t) => t.status))).toEqual(new Set(['pending_acceptance', 'in_progress', 'fed_back', 'completed']));
    expect(tasks.some((t) => t.overdue && t.assignee.kind === 'agency')).toBe(true);
    const petition = (await call(platform, as.zy_petition, 'GET', '/api/v1/tasks?mine=true')).json();
    expect(petition.items).toHaveLength(1);
  });

  it('keeps every timeline in order, starting with the registration', async () => {
    for (const risk of [...own.zy, ...own.xc]) {
      const events = (await call(platform, as[risk.courtId === own.zy[0]!.courtId ? 'zy_risk' : 'xc_risk'], 'GET', `/api/v1/risks/${risk.id}/timeline`)).json().items as { event: string; at: string }[];
      expect(events[0]!.event).toBe('create');
      expect(events.map((e) => e.at)).toEqual([...events.map((e) => e.at)].sort());
      expect(Date.parse(events.at(-1)!.at)).toBeLessThanOrEqual(platform.clock.now().getTime());
    }
  });
});
