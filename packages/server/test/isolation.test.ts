import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestPlatform, login, loginReady, STRONG_PASSWORD, testDialects, type Session, type TestPlatform } from './harness.js';

interface Ids {
  court: Record<'zy' | 'dc' | 'xc', string>;
  account: Record<'zy_admin' | 'dc_admin' | 'xc_admin' | 'xc_judge', { id: string; version: number }>;
  department: Record<'zy' | 'xc', string>;
  role: Record<'zy' | 'xc', string>;
  dictionary: Record<'xc', string>;
  watchListEntry: Record<'xc', string>;
}

async function usernamesInWorkbook(buffer: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const names: string[] = [];
  workbook.worksheets[0]!.eachRow((row, n) => {
    if (n > 1) names.push(String(row.getCell(1).value));
  });
  return names;
}

/**
 * Scope isolation (PRODUCT.md §3): a 基层法院 sees nothing of its sibling or of the 中院; single
 * reads outside the scope are 404 so existence is not revealed; the 中院 with 本院及下级 sees both.
 */
describe.each(testDialects())('data-scope isolation on %s', (dialect) => {
  let platform: TestPlatform;
  let zy: Session;
  let dc: Session;
  let xc: Session;
  const ids = { court: {}, account: {}, department: {}, role: {}, dictionary: {}, watchListEntry: {} } as Ids;

  beforeAll(async () => {
    platform = await createTestPlatform(dialect);
    zy = await loginReady(platform, 'zy_admin');
    dc = await loginReady(platform, 'dc_admin');
    xc = await loginReady(platform, 'xc_admin');
    const courts = (await call(platform, zy, 'GET', '/api/v1/courts')).json() as { id: string; code: string }[];
    ids.court = { zy: courts.find((c) => c.code === '示01')!.id, dc: courts.find((c) => c.code === '示0101')!.id, xc: courts.find((c) => c.code === '示0102')!.id };
    const accounts = (await call(platform, zy, 'GET', '/api/v1/accounts?pageSize=100')).json().items as { id: string; username: string; version: number }[];
    for (const name of ['zy_admin', 'dc_admin', 'xc_admin', 'xc_judge'] as const) {
      const a = accounts.find((x) => x.username === name)!;
      ids.account[name] = { id: a.id, version: a.version };
    }
    const depts = (court: string) => call(platform, zy, 'GET', `/api/v1/departments?courtId=${court}`).then((r) => r.json()[0].id as string);
    ids.department = { zy: await depts(ids.court.zy), xc: await depts(ids.court.xc) };
    const roles = (court: string) => call(platform, zy, 'GET', `/api/v1/roles?courtId=${court}`).then((r) => r.json()[0].id as string);
    ids.role = { zy: await roles(ids.court.zy), xc: await roles(ids.court.xc) };
    ids.dictionary.xc = (await call(platform, zy, 'GET', `/api/v1/dictionaries?courtId=${ids.court.xc}`)).json()[0].id;
    await call(platform, xc, 'POST', '/api/v1/watch-list-entries', { listName: '职业放贷人名单', entries: [{ name: '西城放贷人' }] });
    ids.watchListEntry.xc = (await call(platform, xc, 'GET', `/api/v1/watch-list-entries?listName=${encodeURIComponent('职业放贷人名单')}`)).json().items[0].id;
  });
  afterAll(() => platform.close());

  it('lists only the own court for a 基层 admin', async () => {
    const courts = (await call(platform, dc, 'GET', '/api/v1/courts')).json() as { id: string }[];
    expect(courts.map((c) => c.id)).toEqual([ids.court.dc]);
  });

  it.each([
    ['the sibling court', (i: Ids) => `/api/v1/courts/${i.court.xc}`],
    ['the 中院', (i: Ids) => `/api/v1/courts/${i.court.zy}`],
    ["a sibling court's account", (i: Ids) => `/api/v1/accounts/${i.account.xc_admin.id}`],
    ["the 中院's account", (i: Ids) => `/api/v1/accounts/${i.account.zy_admin.id}`],
    ["a sibling court's risk settings", (i: Ids) => `/api/v1/courts/${i.court.xc}/risk-settings`],
    ["a sibling court's webhook", (i: Ids) => `/api/v1/courts/${i.court.xc}/webhook`],
    ["the 中院's webhook deliveries", (i: Ids) => `/api/v1/courts/${i.court.zy}/webhook/deliveries`],
    ["a sibling court's watch-lists", (i: Ids) => `/api/v1/watch-lists?courtId=${i.court.xc}`],
    ["a sibling court's watch-list entries", (i: Ids) => `/api/v1/watch-list-entries?courtId=${i.court.xc}&listName=${encodeURIComponent('职业放贷人名单')}`],
  ])('answers 404, not 403, when a 基层 admin reads %s', async (_what, url) => {
    const res = await call(platform, dc, 'GET', url(ids));
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });

  it.each([
    ['PATCH', (i: Ids) => `/api/v1/accounts/${i.account.xc_judge.id}`, (i: Ids) => ({ displayName: '被篡改', version: i.account.xc_judge.version })],
    ['POST', (i: Ids) => `/api/v1/accounts/${i.account.xc_judge.id}/reset-password`, () => undefined],
    ['POST', (i: Ids) => `/api/v1/accounts/${i.account.xc_judge.id}/unlock`, () => undefined],
    ['PATCH', (i: Ids) => `/api/v1/courts/${i.court.xc}`, () => ({ name: '被篡改', version: 1 })],
    ['PATCH', (i: Ids) => `/api/v1/departments/${i.department.xc}`, () => ({ name: '被篡改', version: 1 })],
    ['DELETE', (i: Ids) => `/api/v1/departments/${i.department.xc}`, () => undefined],
    ['PATCH', (i: Ids) => `/api/v1/roles/${i.role.xc}`, () => ({ name: '被篡改', version: 1 })],
    ['DELETE', (i: Ids) => `/api/v1/roles/${i.role.xc}`, () => undefined],
    ['PATCH', (i: Ids) => `/api/v1/dictionaries/${i.dictionary.xc}`, () => ({ label: '被篡改', version: 1 })],
    ['DELETE', (i: Ids) => `/api/v1/dictionaries/${i.dictionary.xc}`, () => undefined],
    ['POST', () => '/api/v1/accounts', (i: Ids) => ({ courtId: i.court.xc, username: 'intruder', displayName: '越权' })],
    ['POST', () => '/api/v1/departments', (i: Ids) => ({ courtId: i.court.xc, code: 'intruder', name: '越权' })],
    ['POST', () => '/api/v1/roles', (i: Ids) => ({ courtId: i.court.xc, code: 'intruder', name: '越权', scope: 'self', permissions: [] })],
    ['POST', () => '/api/v1/courts', (i: Ids) => ({ parentId: i.court.xc, code: '示9999', name: '越权' })],
    ['PUT', (i: Ids) => `/api/v1/courts/${i.court.xc}/risk-settings`, () => ({ matrix: { version: 1, bands: { red: 16, orange: 10, yellow: 5 } }, clocks: {}, version: 1 })],
    ['PUT', (i: Ids) => `/api/v1/courts/${i.court.xc}/webhook`, () => ({ url: 'https://intruder.example.org/hook', secret: 'intruder-secret-0001', enabled: true, kinds: ['escalation'], version: 1 })],
    ['POST', (i: Ids) => `/api/v1/courts/${i.court.xc}/webhook/test`, () => undefined],
    ['POST', () => '/api/v1/watch-list-entries', (i: Ids) => ({ courtId: i.court.xc, listName: '职业放贷人名单', entries: [{ name: '越权名称' }] })],
    ['PATCH', (i: Ids) => `/api/v1/watch-list-entries/${i.watchListEntry.xc}`, () => ({ note: '被篡改', version: 1 })],
    ['DELETE', (i: Ids) => `/api/v1/watch-list-entries/${i.watchListEntry.xc}`, () => undefined],
    ['POST', () => '/api/v1/watch-list-entries/remove', (i: Ids) => ({ ids: [i.watchListEntry.xc] })],
  ] as const)('refuses a 基层 admin changing the sibling court: %s %#', async (method, url, body) => {
    const res = await call(platform, dc, method, url(ids), body(ids));
    expect(res.statusCode).toBe(404);
    const check = await call(platform, xc, 'GET', `/api/v1/accounts/${ids.account.xc_judge.id}`);
    expect(check.json().displayName).not.toBe('被篡改');
  });

  it("leaves a sibling court's watch-list as it was after those attempts", async () => {
    const list = (await call(platform, xc, 'GET', `/api/v1/watch-list-entries?listName=${encodeURIComponent('职业放贷人名单')}`)).json();
    expect(list.items.map((e: { id: string; name: string; note: string | null }) => [e.id, e.name, e.note])).toEqual([[ids.watchListEntry.xc, '西城放贷人', null]]);
  });

  it('filters every list of a 基层 admin to its own court', async () => {
    const accounts = (await call(platform, dc, 'GET', '/api/v1/accounts?pageSize=200')).json().items as { courtId: string }[];
    expect(accounts.length).toBeGreaterThan(0);
    expect(new Set(accounts.map((a) => a.courtId))).toEqual(new Set([ids.court.dc]));
    for (const url of ['/api/v1/roles', '/api/v1/departments', `/api/v1/dictionaries?courtId=${ids.court.xc}`, `/api/v1/departments?courtId=${ids.court.xc}`, `/api/v1/roles?courtId=${ids.court.zy}`]) {
      const rows = (await call(platform, dc, 'GET', url)).json() as { courtId: string }[];
      expect(rows.every((r) => r.courtId === ids.court.dc), url).toBe(true);
    }
    const audit = (await call(platform, dc, 'GET', '/api/v1/audit-logs?pageSize=200')).json().items as { courtId: string }[];
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((e) => e.courtId === ids.court.dc)).toBe(true);
    const logins = (await call(platform, dc, 'GET', '/api/v1/login-logs?pageSize=200')).json().items as { courtId: string }[];
    expect(logins.every((e) => e.courtId === ids.court.dc)).toBe(true);
  });

  it('keeps exports within the scope', async () => {
    const res = await call(platform, dc, 'GET', '/api/v1/accounts/export.xlsx');
    const names = await usernamesInWorkbook(res.rawPayload);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.startsWith('dc_'))).toBe(true);
  });

  it('lets the 中院 (本院及下级) see and manage both 基层 courts', async () => {
    const accounts = (await call(platform, zy, 'GET', '/api/v1/accounts?pageSize=200')).json().items as { username: string }[];
    const names = accounts.map((a) => a.username);
    expect(names).toEqual(expect.arrayContaining(['dc_admin', 'xc_admin', 'nh_admin', 'zy_admin']));
    expect((await call(platform, zy, 'GET', `/api/v1/accounts/${ids.account.xc_admin.id}`)).statusCode).toBe(200);
    expect((await call(platform, zy, 'GET', `/api/v1/courts/${ids.court.xc}`)).statusCode).toBe(200);
  });

  it('keeps risks to the court tree: a sibling sees none, the 中院 only those reported up (issue 4)', async () => {
    const dcRisk = await loginReady(platform, 'dc_risk');
    const xcRisk = await loginReady(platform, 'xc_risk');
    const zyRisk = await loginReady(platform, 'zy_risk');
    const report = async (likelihood: number, impact: number) =>
      (await call(platform, dcRisk, 'POST', '/api/v1/risks', { domain: 'social_stability', subtype: '群体性纠纷', title: '小区业主聚集维权', description: '逾期交房，业主多次聚集到开发商处维权。', likelihood, impact })).json();
    const red = await report(4, 5);
    const blue = await report(1, 2);
    for (const id of [red.id, blue.id]) expect((await call(platform, xcRisk, 'GET', `/api/v1/risks/${id}`)).statusCode).toBe(404);
    expect((await call(platform, xcRisk, 'GET', '/api/v1/risks?includeLowerCourts=true')).json().items).toEqual([]);
    expect((await call(platform, zyRisk, 'GET', `/api/v1/risks/${red.id}`)).statusCode).toBe(200);
    expect((await call(platform, zyRisk, 'GET', `/api/v1/risks/${blue.id}`)).statusCode).toBe(404);
    expect((await call(platform, dcRisk, 'GET', `/api/v1/agencies?courtId=${ids.court.xc}`)).statusCode).toBe(404);
  });

  it('keeps petitioners to the registering court: a sibling court reads them as 404 (issue 6)', async () => {
    /** An account of `court` holding the petition permissions, created by that court's admin. */
    async function petitionStaff(admin: Session, court: 'dc' | 'xc', username: string) {
      const role = await call(platform, admin, 'POST', '/api/v1/roles', { courtId: ids.court[court], code: `${username}_role`, name: '信访接待', scope: 'court', permissions: ['petition.read', 'petition.manage'] });
      const account = (await call(platform, admin, 'POST', '/api/v1/accounts', { courtId: ids.court[court], username, displayName: '信访接待', roleIds: [role.json().id] })).json();
      const first = await login(platform, username, account.initialPassword);
      const changed = await call(platform, first, 'POST', '/api/v1/auth/password', { currentPassword: account.initialPassword, newPassword: STRONG_PASSWORD });
      return { ...first, csrf: changed.json().csrfToken as string };
    }
    const dcPetition = await petitionStaff(dc, 'dc', 'dc_petition');
    const xcPetition = await petitionStaff(xc, 'xc', 'xc_petition');
    const person = (await call(platform, dcPetition, 'POST', '/api/v1/petitioners', { name: '东城信访人' })).json();
    expect((await call(platform, dcPetition, 'GET', `/api/v1/petitioners/${person.id}`)).statusCode).toBe(200);
    for (const url of [`/api/v1/petitioners/${person.id}`, `/api/v1/petitioners/${person.id}/timeline`]) expect((await call(platform, xcPetition, 'GET', url)).statusCode, url).toBe(404);
    expect((await call(platform, xcPetition, 'GET', '/api/v1/petitioners')).json().items).toEqual([]);
    expect((await call(platform, xcPetition, 'GET', `/api/v1/petitioners?courtId=${ids.court.dc}`)).statusCode).toBe(404);
    const petitionBody = { channel: 'visit', receivedOn: '2026-03-01', petitionerIds: [person.id], headcount: 1, venueLevel: 'basic', nature: 'non_litigation', content: '反映执行款未到账。', demands: '请求尽快发放。' };
    const record = (await call(platform, dcPetition, 'POST', '/api/v1/petitions', petitionBody)).json();
    expect((await call(platform, xcPetition, 'PUT', `/api/v1/petitions/${record.id}`, { ...petitionBody, headcount: 2, version: record.version })).statusCode).toBe(404);
    expect((await call(platform, dcPetition, 'GET', `/api/v1/petitions/${record.id}`)).json()).toMatchObject({ headcount: 1, version: record.version });
  });

  it('does not let a 基层 admin see upward either', async () => {
    const res = await call(platform, xc, 'GET', `/api/v1/accounts/${ids.account.dc_admin.id}`);
    expect(res.statusCode).toBe(404);
  });

  it('shows a 仅本人 account only its own records', async () => {
    const role = await call(platform, zy, 'POST', '/api/v1/roles', {
      courtId: ids.court.zy,
      code: 'self_reader',
      name: '仅本人查看',
      scope: 'self',
      permissions: ['account.read', 'audit.read', 'loginlog.read'],
    });
    const created = await call(platform, zy, 'POST', '/api/v1/accounts', {
      courtId: ids.court.zy,
      username: 'self_only',
      displayName: '本人',
      roleIds: [role.json().id],
    });
    const first = await login(platform, 'self_only', created.json().initialPassword);
    const changed = await call(platform, first, 'POST', '/api/v1/auth/password', { currentPassword: created.json().initialPassword, newPassword: STRONG_PASSWORD });
    const self = { ...first, csrf: changed.json().csrfToken };
    const accounts = (await call(platform, self, 'GET', '/api/v1/accounts')).json().items as { username: string }[];
    expect(accounts.map((a) => a.username)).toEqual(['self_only']);
    expect((await call(platform, self, 'GET', `/api/v1/accounts/${ids.account.zy_admin.id}`)).statusCode).toBe(404);
    const audit = (await call(platform, self, 'GET', '/api/v1/audit-logs?pageSize=200')).json().items as { actorName: string }[];
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((e) => e.actorName === 'self_only')).toBe(true);
    const logins = (await call(platform, self, 'GET', '/api/v1/login-logs')).json().items as { username: string }[];
    expect(logins.every((e) => e.username === 'self_only')).toBe(true);
  });

  it('refuses a role wider than the administrator’s own scope', async () => {
    const res = await call(platform, dc, 'POST', '/api/v1/roles', { courtId: ids.court.dc, code: 'everything', name: '全部', scope: 'all', permissions: [] });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('数据范围');
  });

  it('refuses an administrator changing its own roles', async () => {
    const me = (await call(platform, dc, 'GET', `/api/v1/accounts/${ids.account.dc_admin.id}`)).json();
    const res = await call(platform, dc, 'PATCH', `/api/v1/accounts/${me.id}`, { roleIds: [], version: me.version });
    expect(res.statusCode).toBe(403);
  });
});
