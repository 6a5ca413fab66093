import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNDRAISING_FACTS } from './case-fixtures.js';
import { call, createTestPlatform, login, loginReady, STRONG_PASSWORD, testDialects, type Session, type TestPlatform } from './harness.js';
import { auditActions, LONG_SESSIONS } from './risk-fixtures.js';

interface Warning { id: string; ruleId: string; title: string; status: string; level: string; riskId: string | null; version: number }

/**
 * 转为风险 of petition and opinion warnings (docs/petitions.md, docs/opinion.md): a new risk or joining
 * one, in one transaction with the warning's status, 409 the second time, 403 without warning.triage,
 * 404 outside the court, audited and on the risk's timeline.
 */
describe.each(testDialects())('petition and opinion warnings into risks on %s', (dialect) => {
  let platform: TestPlatform;
  const as: Record<string, Session> = {};
  const post = (who: string, url: string, body: unknown) => call(platform, as[who]!, 'POST', `/api/v1${url}`, body);
  const get = (who: string, url: string) => call(platform, as[who]!, 'GET', `/api/v1${url}`);

  let repeat: Warning;
  let collective: Warning;
  let opinionWarnings: Warning[];
  let riskId: string;

  beforeAll(async () => {
    platform = await createTestPlatform(dialect, { env: LONG_SESSIONS });
    for (const name of ['zy_admin', 'zy_risk', 'zy_leader', 'zy_petition', 'zy_opinion', 'dc_risk']) as[name] = await loginReady(platform, name);

    const person = await post('zy_petition', '/petitioners', { name: '转风险某' });
    expect(person.statusCode, person.body).toBe(201);
    const visit = (receivedOn: string, headcount = 1) => ({
      channel: 'visit', receivedOn, petitionerIds: [person.json().id], headcount, venueLevel: 'intermediate', nature: 'non_litigation',
      content: '反映执行款迟迟未到账，情绪平稳。', demands: '请求尽快发放执行款。',
    });
    for (const [on, headcount] of [['2026-01-05', 1], ['2026-02-01', 1], ['2026-02-20', 6]] as const) {
      const res = await post('zy_petition', '/petitions', visit(on, headcount));
      expect(res.statusCode, res.body).toBe(201);
    }
    const warnings = (await get('zy_petition', `/petitioners/${person.json().id}`)).json().warnings as Warning[];
    repeat = warnings.find((w) => w.ruleId === 'PET-REPEAT-01')!;
    collective = warnings.find((w) => w.ruleId === 'PET-COLLECTIVE-01')!;
    expect(repeat).toMatchObject({ status: 'pending', riskId: null });
    expect(collective).toMatchObject({ status: 'pending', riskId: null });

    const item = {
      sourceKind: 'weibo', sourceName: '示例网友', url: 'https://weibo.example.com/post/9001', title: '执行拖了两年还没结果',
      text: '网帖称，法院执行极其拖延，判决迟迟不兑现，令人愤怒。', author: '示例网友', publishedAt: '2026-03-01T20:00:00+08:00',
    };
    const first = await post('zy_opinion', '/opinion/items', { ...item, metrics: { capturedAt: '2026-03-01T21:00:00+08:00', reads: 1000, reposts: 0, comments: 0, likes: 0 } });
    expect(first.statusCode, first.body).toBe(201);
    const again = await post('zy_opinion', '/opinion/items', { ...item, metrics: { capturedAt: '2026-03-01T22:00:00+08:00', reads: 2000, reposts: 200, comments: 100, likes: 0 } });
    opinionWarnings = again.json().warnings as Warning[];
    expect(opinionWarnings).toHaveLength(2);
  });
  afterAll(() => platform.close());

  it('lists petition and opinion warnings for 预警列表, newest first, with the subject, behind warning.read and petition.read / opinion.read', async () => {
    const petitions = await get('zy_risk', '/petition-warnings?pageSize=50');
    expect(petitions.statusCode, petitions.body).toBe(200);
    const rows = petitions.json().items as (Warning & { createdAt: string; petitionerId: string | null; petitionerName: string | null; active: boolean })[];
    expect(petitions.json().total).toBe(rows.length);
    expect(rows.map((w) => w.id)).toEqual(expect.arrayContaining([repeat.id, collective.id]));
    expect(rows.every((w) => w.active && w.status === 'pending')).toBe(true);
    expect(rows.find((w) => w.id === repeat.id)).toMatchObject({ petitionerName: '转风险某', riskId: null });
    expect(rows.find((w) => w.id === collective.id)!.petitionerId).toBe(rows.find((w) => w.id === repeat.id)!.petitionerId);
    expect([...rows].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((w) => w.createdAt)).toEqual(rows.map((w) => w.createdAt));

    const opinions = await get('zy_risk', '/opinion-warnings');
    expect(opinions.statusCode, opinions.body).toBe(200);
    const items = opinions.json().items as (Warning & { itemId: string; itemTitle: string })[];
    expect(items.map((w) => w.id).sort()).toEqual(opinionWarnings.map((w) => w.id).sort());
    expect(items[0]).toMatchObject({ itemTitle: '执行拖了两年还没结果', status: 'pending' });
    expect((await get('zy_risk', `/opinion-warnings?level=${items[0]!.level === 'red' ? 'blue' : 'red'}&status=confirmed`)).json().total).toBe(0);
    expect((await get('zy_risk', '/petition-warnings?status=closed')).statusCode).toBe(400);

    // warning.read alone, or petition.read / opinion.read alone, is not enough
    expect((await get('zy_petition', '/petition-warnings')).statusCode).toBe(403);
    expect((await get('zy_opinion', '/opinion-warnings')).statusCode).toBe(403);
    // the sibling court sees none of them
    expect((await get('dc_risk', '/petition-warnings')).json()).toMatchObject({ items: [], total: 0 });
    expect((await get('dc_risk', '/opinion-warnings')).json()).toMatchObject({ items: [], total: 0 });
  });

  it('refuses accounts without warning.triage (403) and courts that do not hold the warning (404)', async () => {
    const body = { risk: { mode: 'new', likelihood: 3, impact: 3 } };
    expect((await post('zy_petition', `/petition-warnings/${repeat.id}/confirm`, body)).statusCode).toBe(403);
    expect((await post('zy_opinion', `/opinion-warnings/${opinionWarnings[0]!.id}/confirm`, body)).statusCode).toBe(403);
    expect((await post('dc_risk', `/petition-warnings/${repeat.id}/confirm`, body)).statusCode).toBe(404);
    expect((await post('dc_risk', `/opinion-warnings/${opinionWarnings[0]!.id}/confirm`, body)).statusCode).toBe(404);
    const bad = await post('zy_risk', `/petition-warnings/${repeat.id}/confirm`, { risk: { mode: 'new', likelihood: 7, impact: 3 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('可能性应在 1–5 之间');
  });

  it('turns a petition warning into a new social-stability risk, with the warning on its timeline', async () => {
    const res = await post('zy_risk', `/petition-warnings/${repeat.id}/confirm`, { version: repeat.version, note: '多次来访，需专人稳控', risk: { mode: 'new', likelihood: 3, impact: 4, title: '转风险某重复信访' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: repeat.id, status: 'confirmed', version: repeat.version + 1 });
    riskId = res.json().riskId;
    const risk = (await get('zy_risk', `/risks/${riskId}`)).json();
    expect(risk).toMatchObject({ title: '转风险某重复信访', domain: 'social_stability', subtype: '涉诉信访', status: 'pending_assessment' });
    expect(risk.description).toContain('由信访预警确认');
    const timeline = (await get('zy_risk', `/risks/${riskId}/timeline`)).json().items;
    expect(timeline[0].details.sourceWarning).toEqual({ kind: 'petition', id: repeat.id });
    const audit = await auditActions(platform, as.zy_admin!, 'petition_warning.confirm');
    expect(audit[0]!.summary).toContain('转为风险，备注：多次来访，需专人稳控，新建风险「转风险某重复信访」');

    const again = await post('zy_risk', `/petition-warnings/${repeat.id}/confirm`, { risk: { mode: 'new', likelihood: 3, impact: 4 } });
    expect(again.statusCode).toBe(409);
  });

  it('joins another petition warning and an opinion warning into that risk, and makes a new risk from an opinion warning', async () => {
    const joined = await post('zy_risk', `/petition-warnings/${collective.id}/confirm`, { risk: { mode: 'join', riskId } });
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json()).toMatchObject({ status: 'confirmed', riskId });

    const stale = await post('zy_risk', `/opinion-warnings/${opinionWarnings[0]!.id}/confirm`, { version: opinionWarnings[0]!.version - 1, risk: { mode: 'join', riskId } });
    expect(stale.statusCode).toBe(409);
    const opinionJoined = await post('zy_risk', `/opinion-warnings/${opinionWarnings[0]!.id}/confirm`, { risk: { mode: 'join', riskId } });
    expect(opinionJoined.statusCode, opinionJoined.body).toBe(200);
    expect(opinionJoined.json()).toMatchObject({ status: 'confirmed', riskId });
    const timeline = (await get('zy_risk', `/risks/${riskId}/timeline`)).json().items as { event: string; summary: string }[];
    expect(timeline.filter((e) => e.event === 'warning_joined').map((e) => e.summary)).toEqual([
      `并入信访预警「${collective.title}」`,
      `并入舆情预警「${opinionWarnings[0]!.title}」`,
    ]);

    const created = await post('zy_risk', `/opinion-warnings/${opinionWarnings[1]!.id}/confirm`, { risk: { mode: 'new', likelihood: 2, impact: 3 } });
    expect(created.statusCode, created.body).toBe(200);
    const risk = (await get('zy_risk', `/risks/${created.json().riskId}`)).json();
    expect(risk).toMatchObject({ title: opinionWarnings[1]!.title, domain: 'social_stability' });
    const item = (await get('zy_opinion', `/opinion/items?pageSize=10`)).json().items[0];
    const detail = (await get('zy_opinion', `/opinion/items/${item.id}`)).json();
    expect(detail.warnings.map((w: Warning) => w.status)).toEqual(['confirmed', 'confirmed']);
    expect((await post('zy_risk', `/opinion-warnings/${opinionWarnings[1]!.id}/confirm`, { risk: { mode: 'join', riskId } })).statusCode).toBe(409);
  });

  it('lists confirmed warnings with the risk they went into', async () => {
    const petitions = (await get('zy_risk', '/petition-warnings?status=confirmed')).json().items as Warning[];
    expect(petitions.map((w) => [w.id, w.riskId]).sort()).toEqual([[repeat.id, riskId], [collective.id, riskId]].sort());
    expect((await get('zy_risk', '/petition-warnings?status=pending')).json().items.map((w: Warning) => w.id)).not.toContain(repeat.id);
    const opinions = (await get('zy_risk', '/opinion-warnings?status=confirmed')).json().items as Warning[];
    expect(opinions).toHaveLength(2);
    expect(opinions.find((w) => w.id === opinionWarnings[0]!.id)!.riskId).toBe(riskId);
  });

  it('lists on the risk page the case, petition and opinion warnings linked to it, each only for those who may read its source', async () => {
    // A case warning joined to the same risk, so all three sources are linked.
    const batch = await post('zy_risk', '/cases/batch', { cases: [{ caseNumber: '(2025)示01民初88号', filedOn: '2025-01-02', facts: FUNDRAISING_FACTS, parties: [{ role: '原告', name: '投资人丙' }] }] });
    expect(batch.statusCode, batch.body).toBe(200);
    const caseWarning = (await get('zy_risk', '/warnings?status=pending&pageSize=50')).json().items.find((w: { caseNumber: string }) => w.caseNumber === '(2025)示01民初88号');
    const triaged = await post('zy_risk', `/warnings/${caseWarning.id}/triage`, { action: 'confirm', version: caseWarning.version, risk: { mode: 'join', riskId } });
    expect(triaged.statusCode, triaged.body).toBe(200);

    type Linked = { source: string; id: string; title: string; level: string; summary: string | null; caseNumber?: string; petitionerId?: string | null; petitionerName?: string | null; itemTitle?: string };
    const linked = async (who: string) => {
      const res = await get(who, `/risks/${riskId}/warnings`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as Linked[];
    };
    const all = await linked('zy_risk');
    expect(all.map((w) => `${w.source}:${w.id}`).sort()).toEqual([`case:${caseWarning.id}`, `petition:${repeat.id}`, `petition:${collective.id}`, `opinion:${opinionWarnings[0]!.id}`].sort());
    expect(all.find((w) => w.id === caseWarning.id)).toMatchObject({ caseNumber: '(2025)示01民初88号', summary: null });
    expect(all.find((w) => w.id === repeat.id)).toMatchObject({ title: repeat.title, level: repeat.level, petitionerName: '转风险某' });
    expect(all.find((w) => w.id === repeat.id)!.summary).toContain('转风险某');
    expect(all.find((w) => w.id === opinionWarnings[0]!.id)).toMatchObject({ itemTitle: '执行拖了两年还没结果' });
    // Nothing confidential travels with a petition warning: no ID number, no petition text.
    expect(JSON.stringify(all)).not.toMatch(/idNumber|反映执行款/);
    expect(await linked('zy_leader')).toHaveLength(4);

    /** An account of the 中院 holding exactly `permissions` (court scope). */
    const zyCourt = (await platform.services.store.repos.accounts.getByUsername('zy_admin'))!.courtId;
    async function holder(username: string, permissions: string[]) {
      const role = await post('zy_admin', '/roles', { courtId: zyCourt, code: `${username}_role`, name: username, scope: 'court', permissions });
      expect(role.statusCode, role.body).toBeLessThan(300);
      const account = (await post('zy_admin', '/accounts', { courtId: zyCourt, username, displayName: username, roleIds: [role.json().id] })).json();
      const first = await login(platform, username, account.initialPassword);
      const changed = await call(platform, first, 'POST', '/api/v1/auth/password', { currentPassword: account.initialPassword, newPassword: STRONG_PASSWORD });
      as[username] = { ...first, csrf: changed.json().csrfToken as string };
    }
    await holder('no_petition', ['risk.read', 'warning.read', 'opinion.read']);
    await holder('no_opinion', ['risk.read', 'warning.read', 'petition.read']);
    await holder('no_warning', ['risk.read', 'petition.read', 'opinion.read']);
    expect((await linked('no_petition')).map((w) => w.source).sort()).toEqual(['case', 'opinion']);
    expect((await linked('no_opinion')).map((w) => w.source).sort()).toEqual(['case', 'petition', 'petition']);
    expect(await linked('no_warning')).toEqual([]);

    // The timeline says a warning of an unreadable source was joined, not what it says (重复访 names the person).
    const joinedSummaries = async (who: string) =>
      ((await get(who, `/risks/${riskId}/timeline`)).json().items as { event: string; summary: string }[]).filter((e) => e.event === 'warning_joined').map((e) => e.summary);
    expect(await joinedSummaries('no_petition')).toEqual(['并入信访预警（内容需信访查看权限）', `并入舆情预警「${opinionWarnings[0]!.title}」`, expect.stringContaining('并入预警')]);
    expect(await joinedSummaries('no_opinion')).toEqual([`并入信访预警「${collective.title}」`, '并入舆情预警（内容需舆情查看权限）', expect.stringContaining('并入预警')]);

    // The sibling court does not see the risk at all; the route wants a signed-in caller and a valid id.
    expect((await get('dc_risk', `/risks/${riskId}/warnings`)).statusCode).toBe(404);
    expect((await get('zy_petition', `/risks/${riskId}/warnings`)).statusCode).toBe(403);
    expect((await call(platform, null, 'GET', `/api/v1/risks/${riskId}/warnings`)).statusCode).toBe(401);
    expect((await get('zy_risk', '/risks/x/warnings')).statusCode).toBe(400);
  });
});
