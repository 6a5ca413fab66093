import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestPlatform, loginReady, testDialects, type Session, type TestPlatform } from './harness.js';
import { auditActions, LONG_SESSIONS } from './risk-fixtures.js';

/** 信访舆情设置 (issue 6): per-court 重复访 / 集体访 thresholds and petition clocks, versioned and audited. */
describe.each(testDialects())('petition settings on %s', (dialect) => {
  let platform: TestPlatform;
  const as: Record<string, Session> = {};
  const court: Record<string, string> = {};

  const send = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) => call(platform, as[who]!, method, `/api/v1${url}`, body);
  const settingsUrl = () => `/courts/${court['示01']}/petition-settings`;

  async function petition(petitionerId: string, receivedOn: string) {
    const res = await send('zy_petition', 'POST', '/petitions', {
      channel: 'visit', receivedOn, petitionerIds: [petitionerId], headcount: 1, venueLevel: 'intermediate', nature: 'non_litigation',
      content: '反映执行款迟迟未到账，情绪平稳。', demands: '请求尽快发放执行款。',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; flags: { kind: string }[]; clocks: { kind: string; dueOn: string }[] };
  }

  async function person(name: string) {
    const res = await send('zy_petition', 'POST', '/petitioners', { name });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  beforeAll(async () => {
    platform = await createTestPlatform(dialect, { env: LONG_SESSIONS });
    for (const name of ['zy_admin', 'zy_petition', 'zy_judge', 'dc_admin']) as[name] = await loginReady(platform, name);
    for (const c of (await send('zy_admin', 'GET', '/courts')).json() as { id: string; code: string }[]) court[c.code] = c.id;
  });
  afterAll(() => platform.close());

  it('reads the defaults with petition.read or court.manage, and refuses others and other courts', async () => {
    const view = await send('zy_petition', 'GET', settingsUrl());
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({ courtId: court['示01'], customised: false, version: 0, updatedBy: null, flags: { repeat: { minCount: 3, windowDays: 90, countSameDayOnce: true }, collective: { minPeople: 5 } }, timeLimits: { acceptanceDays: 15 }, opinionHeat: { highHeat: 500 } });
    expect((await send('zy_admin', 'GET', settingsUrl())).statusCode).toBe(200);
    expect((await send('zy_judge', 'GET', settingsUrl())).statusCode).toBe(403);
    expect((await send('dc_admin', 'GET', settingsUrl())).statusCode).toBe(404);
    expect((await send('zy_petition', 'PUT', settingsUrl(), { flags: {}, timeLimits: {}, opinionHeat: {}, version: 0 })).statusCode).toBe(403);
    expect((await send('dc_admin', 'PUT', settingsUrl(), { flags: {}, timeLimits: {}, opinionHeat: {}, version: 0 })).statusCode).toBe(404);
  });

  it('validates with the core schemas: 400 naming the field', async () => {
    const tooFew = await send('zy_admin', 'PUT', settingsUrl(), { flags: { repeat: { minCount: 1 } }, timeLimits: {}, opinionHeat: {}, version: 0 });
    expect(tooFew.statusCode).toBe(400);
    expect(JSON.stringify(tooFew.json())).toContain('flags.repeat.minCount');
    const inverted = await send('zy_admin', 'PUT', settingsUrl(), { flags: {}, timeLimits: {}, opinionHeat: { highHeat: 100, veryHighHeat: 50 }, version: 0 });
    expect(inverted.statusCode).toBe(400);
    expect(inverted.body).toContain('极高热度阈值不能低于高热度阈值');
  });

  it('a lower 重复访 threshold makes a second visit raise the flag; the clocks follow the court; versioned and audited field by field', async () => {
    const before = await person('钱某');
    await petition(before, '2026-01-05');
    const secondBefore = await petition(before, '2026-02-01');
    expect(secondBefore.flags).toEqual([]);
    expect(secondBefore.clocks.find((c) => c.kind === 'acceptance')?.dueOn).toBe('2026-02-16');

    const saved = await send('zy_admin', 'PUT', settingsUrl(), { flags: { repeat: { minCount: 2 } }, timeLimits: { acceptanceDays: 10 }, opinionHeat: {}, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ customised: true, version: 1, updatedBy: expect.any(String), flags: { repeat: { minCount: 2, windowDays: 90 } }, timeLimits: { acceptanceDays: 10, handlingDays: 60 } });
    expect((await send('zy_admin', 'PUT', settingsUrl(), { flags: {}, timeLimits: {}, opinionHeat: {}, version: 0 })).statusCode).toBe(409);

    const after = await person('李某');
    await petition(after, '2026-01-05');
    const secondAfter = await petition(after, '2026-02-01');
    expect(secondAfter.flags.map((f) => f.kind)).toEqual(['repeat']);
    expect(secondAfter.clocks.find((c) => c.kind === 'acceptance')?.dueOn).toBe('2026-02-11');
    const warnings = (await send('zy_petition', 'GET', `/petitioners/${after}`)).json().warnings as { ruleId: string; active: boolean }[];
    expect(warnings.filter((w) => w.ruleId === 'PET-REPEAT-01' && w.active)).toHaveLength(1);

    const audit = (await auditActions(platform, as.zy_admin!, 'petition.settings')).map((a) => a.summary);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toContain('重复访次数：3 → 2');
    expect(audit[0]).toContain('受理决定期限：15 → 10');
    expect(audit[0]).not.toContain('集体访人数');

    const reread = await send('zy_petition', 'GET', settingsUrl());
    expect(reread.json()).toMatchObject({ customised: true, version: 1, flags: { repeat: { minCount: 2 } } });
    const { flags, timeLimits, opinionHeat } = reread.json() as Record<string, unknown>;
    const back = await send('zy_admin', 'PUT', settingsUrl(), { flags: { ...(flags as object), repeat: { minCount: 3 } }, timeLimits, opinionHeat, version: 1 });
    expect(back.json()).toMatchObject({ version: 2, flags: { repeat: { minCount: 3, windowDays: 90 } }, timeLimits: { acceptanceDays: 10 } });
  });

  it('a lowered 高热度阈值 makes a negative item of heat 80 raise the heat warning, at intake and on its next snapshot', async () => {
    as.zy_opinion = await loginReady(platform, 'zy_opinion');
    // Heat 20 × 3 + 10 × 2 = 80 (default weights): far below the default 高热度阈值 of 500.
    const metrics = (capturedAt: string) => ({ capturedAt, reads: 0, reposts: 20, comments: 10, likes: 0 });
    const item = (n: number, capturedAt: string) => ({
      sourceKind: 'weibo', sourceName: '示例网友', url: `https://weibo.example.com/heat/${n}`, title: `执行拖延第${n}帖`,
      text: '网帖称法院执行极其拖延，判决迟迟不兑现，令人愤怒。', publishedAt: '2026-03-01T20:00:00+08:00', metrics: metrics(capturedAt),
    });
    type Item = { id: string; heat: number; sentimentLabel: string; warnings: { ruleId: string; level: string }[] };
    const heatWarnings = (body: Item) => body.warnings.filter((w) => w.ruleId === 'OPN-NEGATIVE-HEAT-01').map((w) => w.level);

    const before = await send('zy_opinion', 'POST', '/opinion/items', item(1, '2026-03-01T21:00:00+08:00'));
    expect(before.statusCode, before.body).toBe(201);
    expect(before.json()).toMatchObject({ heat: 80, sentimentLabel: 'negative' });
    expect(heatWarnings(before.json())).toEqual([]);

    const current = (await send('zy_admin', 'GET', settingsUrl())).json() as { flags: unknown; timeLimits: unknown; opinionHeat: Record<string, unknown>; version: number };
    const lowered = await send('zy_admin', 'PUT', settingsUrl(), { flags: current.flags, timeLimits: current.timeLimits, opinionHeat: { ...current.opinionHeat, highHeat: 50 }, version: current.version });
    expect(lowered.statusCode, lowered.body).toBe(200);
    expect(lowered.json().opinionHeat).toMatchObject({ highHeat: 50, veryHighHeat: 5000 });
    expect((await auditActions(platform, as.zy_admin!, 'petition.settings')).map((a) => a.summary)).toEqual(expect.arrayContaining([expect.stringContaining('高热度阈值：500 → 50')]));

    const after = await send('zy_opinion', 'POST', '/opinion/items', item(2, '2026-03-01T21:00:00+08:00'));
    expect(after.statusCode, after.body).toBe(201);
    expect(after.json().heat).toBe(80);
    expect(heatWarnings(after.json())).toEqual(['orange']);

    // The first item keeps its heat of 80; its next snapshot is evaluated against the new threshold.
    const again = await send('zy_opinion', 'POST', `/opinion/items/${before.json().id}/snapshots`, metrics('2026-03-01T23:00:00+08:00'));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ heat: 80, spike: false });
    expect(heatWarnings(again.json())).toEqual(['orange']);
  });
});
