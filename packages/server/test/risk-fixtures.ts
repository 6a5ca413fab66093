import { call, loginReady, type Session, type TestPlatform } from './harness.js';

/** The suites move the test clock by hours and days (clocks, due dates): sessions must outlive that. */
export const LONG_SESSIONS = { SESSION_IDLE_MINUTES: '100000', SESSION_ABSOLUTE_HOURS: '10000' };

/**
 * Demo accounts the risk suites act as: the 中院's admin, risk office, leader, judge, 庭长 and 信访接待
 * (no 查看风险); the 基层 risk offices and judges.
 */
export const RISK_USERS = ['zy_admin', 'zy_risk', 'zy_leader', 'zy_judge', 'zy_chief', 'zy_petition', 'dc_risk', 'dc_judge', 'xc_risk'] as const;
export type RiskUser = (typeof RISK_USERS)[number];

export interface RiskWorld {
  as: Record<RiskUser, Session>;
  court: { zy: string; dc: string; xc: string };
  accountId(username: string): string;
  departmentId(courtId: string, code: string): string;
}

/** Logs every risk user in and looks up the demo courts, accounts and departments. */
export async function riskWorld(platform: TestPlatform): Promise<RiskWorld> {
  const as = {} as Record<RiskUser, Session>;
  for (const name of RISK_USERS) as[name] = await loginReady(platform, name);
  const courts = (await call(platform, as.zy_admin, 'GET', '/api/v1/courts')).json() as { id: string; code: string }[];
  const court = { zy: courts.find((c) => c.code === '示01')!.id, dc: courts.find((c) => c.code === '示0101')!.id, xc: courts.find((c) => c.code === '示0102')!.id };
  const accounts = (await call(platform, as.zy_admin, 'GET', '/api/v1/accounts?pageSize=200')).json().items as { id: string; username: string }[];
  const departments = new Map<string, string>();
  for (const courtId of Object.values(court)) {
    for (const d of (await call(platform, as.zy_admin, 'GET', `/api/v1/departments?courtId=${courtId}`)).json() as { id: string; code: string }[]) departments.set(`${courtId}/${d.code}`, d.id);
  }
  return {
    as,
    court,
    accountId: (username) => accounts.find((a) => a.username === username)!.id,
    departmentId: (courtId, code) => departments.get(`${courtId}/${code}`)!,
  };
}

/** Likelihood × impact giving each default level (PRODUCT.md §4: ≥20 红, 12–19 橙, 6–11 黄, 1–5 蓝). */
export const FACTORS = { red: { likelihood: 4, impact: 5 }, orange: { likelihood: 3, impact: 4 }, yellow: { likelihood: 2, impact: 3 }, blue: { likelihood: 1, impact: 2 } } as const;

let serial = 0;

/** 上报风险 as `session`; returns the RiskView (throws on anything but 201). */
export async function reportRisk(platform: TestPlatform, session: Session, level: keyof typeof FACTORS, extra: Record<string, unknown> = {}) {
  serial += 1;
  const res = await call(platform, session, 'POST', '/api/v1/risks', {
    domain: 'social_stability',
    subtype: '劳动争议/欠薪',
    title: `某建筑公司拖欠农民工工资${serial}`,
    description: '四十余名农民工因被拖欠工资多次到院反映，情绪激动，扬言集体上访。',
    ...FACTORS[level],
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(`report risk failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** One lifecycle action with the version last read; returns the response. */
export async function act(platform: TestPlatform, session: Session, risk: { id: string; version: number }, body: Record<string, unknown>) {
  return call(platform, session, 'POST', `/api/v1/risks/${risk.id}/actions`, { ...body, version: risk.version });
}

/** The Beijing date of the test clock (plus `days`). */
export function chinaDate(platform: TestPlatform, days = 0): string {
  return new Date(platform.clock.now().getTime() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** A valid 研判 held today; `participants` default to one staff member. */
export function assessment(platform: TestPlatform, extra: Record<string, unknown> = {}) {
  return { heldOn: chinaDate(platform), form: 'consultation', participants: [{ kind: 'staff', name: '王庭长' }], conclusion: '欠薪事实清楚，存在聚集风险，需分案稳控', ...extra };
}

/** Creates an agency in the session's court; returns its view. */
export async function createAgency(platform: TestPlatform, session: Session, name: string, kind = 'human_resources') {
  const res = await call(platform, session, 'POST', '/api/v1/agencies', { name, kind, contacts: [{ name: '李科长', phone: '0571-88886666', title: '科长' }] });
  if (res.statusCode !== 201) throw new Error(`create agency failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Audit actions recorded so far, as zy_admin sees them (本院及下级). */
export async function auditActions(platform: TestPlatform, admin: Session, action: string): Promise<{ action: string; summary: string; courtId: string }[]> {
  return (await call(platform, admin, 'GET', `/api/v1/audit-logs?action=${encodeURIComponent(action)}&pageSize=200`)).json().items;
}
