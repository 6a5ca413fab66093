import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNDRAISING_FACTS } from './case-fixtures.js';
import { call, createTestPlatform, loginReady, testDialects, type Session, type TestPlatform } from './harness.js';

const WAGE_FACTS = '原告等三十二名农民工在被告承建的工地务工，被告拖欠工资共计86万元，原告多次讨薪未果，扬言集体到政府上访。';

describe.each(testDialects())('cases, warnings and rules on %s', (dialect) => {
  let platform: TestPlatform;
  let dcRisk: Session;
  let xcRisk: Session;
  let zyRisk: Session;
  let zyAdmin: Session;
  let dcAdmin: Session;
  let dcCaseId: string;

  beforeAll(async () => {
    platform = await createTestPlatform(dialect);
    [dcRisk, xcRisk, zyRisk, zyAdmin, dcAdmin] = (await Promise.all(['dc_risk', 'xc_risk', 'zy_risk', 'zy_admin', 'dc_admin'].map((u) => loginReady(platform, u)))) as [Session, Session, Session, Session, Session];
    const batch = await call(platform, dcRisk, 'POST', '/api/v1/cases/batch', {
      cases: [
        { caseNumber: '(2025)示0101民初1号', filedOn: '2025-01-02', facts: FUNDRAISING_FACTS, judgeName: '承办法官', amount: '30000000', parties: [{ role: '原告', name: '投资人甲' }, { role: '被告', name: '某某投资有限公司' }] },
        { caseNumber: '(2025)示0101民初2号', filedOn: '2025-01-03', facts: '原告与被告买卖合同纠纷，被告欠付货款五万元。', parties: [{ role: '原告', name: '张三' }] },
        { caseNumber: '(2025)示0101民初3号', filedOn: '2099-01-01' },
        { caseNumber: '(2025)示0102民初3号', filedOn: '2025-01-01' },
      ],
    });
    expect(batch.json()).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(batch.json().errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [2, 'filedOn'],
      [3, 'caseNumber'],
    ]);
    await call(platform, xcRisk, 'POST', '/api/v1/cases/batch', { cases: [{ caseNumber: '(2025)示0102民初1号', filedOn: '2025-01-02', facts: WAGE_FACTS }] });
    dcCaseId = (await call(platform, dcRisk, 'GET', '/api/v1/cases?keyword=投资人甲')).json().items[0].id;
  });
  afterAll(() => platform.close());

  it('is idempotent: the same batch again changes nothing, a changed case is updated', async () => {
    const again = await call(platform, dcRisk, 'POST', '/api/v1/cases/batch', {
      cases: [{ caseNumber: '(2025)示0101民初2号', filedOn: '2025-01-03', facts: '原告与被告买卖合同纠纷，被告欠付货款五万元。', parties: [{ role: '原告', name: '张三' }] }],
    });
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const changed = await call(platform, dcRisk, 'POST', '/api/v1/cases/batch', {
      cases: [{ caseNumber: '(2025)示0101民初2号', filedOn: '2025-01-03', facts: '欠付货款六万元。', parties: [{ role: '原告', name: '张三' }] }],
    });
    expect(changed.json()).toMatchObject({ updated: 1 });
    expect((await call(platform, dcRisk, 'GET', '/api/v1/cases')).json().total).toBe(2);
  });

  it('raises explainable warnings with keyword evidence at exact offsets', async () => {
    const detail = (await call(platform, dcRisk, 'GET', `/api/v1/cases/${dcCaseId}`)).json();
    const warning = detail.warnings.find((w: { domain: string }) => w.domain === 'financial');
    expect(warning).toBeDefined();
    expect(warning.source).toContain('《');
    const keyword = warning.evidence.find((e: { kind: string }) => e.kind === 'keyword');
    expect(detail.facts.slice(keyword.start, keyword.end)).toBe(keyword.keyword);
    expect(detail.topLevel).not.toBeNull();
  });

  it('filters cases by risk domain, level and presence of warnings', async () => {
    const financial = (await call(platform, dcRisk, 'GET', '/api/v1/cases?domain=financial')).json();
    expect(financial.items.map((c: { caseNumber: string }) => c.caseNumber)).toEqual(['(2025)示0101民初1号']);
    const none = (await call(platform, dcRisk, 'GET', '/api/v1/cases?hasWarnings=false')).json();
    expect(none.items.map((c: { caseNumber: string }) => c.caseNumber)).toEqual(['(2025)示0101民初2号']);
  });

  it('keeps cases and warnings of sibling courts apart, and shows both to the 中院', async () => {
    expect((await call(platform, xcRisk, 'GET', `/api/v1/cases/${dcCaseId}`)).statusCode).toBe(404);
    expect((await call(platform, xcRisk, 'GET', '/api/v1/cases')).json().items.every((c: { courtName: string }) => c.courtName === '示例市西城区人民法院')).toBe(true);
    const dcWarning = (await call(platform, dcRisk, 'GET', `/api/v1/warnings?caseId=${dcCaseId}`)).json().items[0];
    const foreign = await call(platform, xcRisk, 'POST', `/api/v1/warnings/${dcWarning.id}/triage`, { action: 'confirm', version: dcWarning.version });
    expect(foreign.statusCode).toBe(404);
    expect((await call(platform, xcRisk, 'GET', '/api/v1/warnings')).json().items.every((w: { courtId: string }) => w.courtId !== dcWarning.courtId)).toBe(true);
    const all = (await call(platform, zyRisk, 'GET', '/api/v1/cases')).json();
    expect(all.total).toBe(3);
  });

  it('shows a judge (仅本人) only the cases assigned to them by name', async () => {
    const judge = await loginReady(platform, 'dc_judge');
    const cases = (await call(platform, judge, 'GET', '/api/v1/cases')).json().items;
    expect(cases.map((c: { caseNumber: string }) => c.caseNumber)).toEqual(['(2025)示0101民初1号']);
  });

  it('triages: dismissal needs a reason, a triaged warning cannot be triaged twice, stats feed precision', async () => {
    const [warning] = (await call(platform, dcRisk, 'GET', `/api/v1/warnings?caseId=${dcCaseId}`)).json().items;
    const noReason = await call(platform, dcRisk, 'POST', `/api/v1/warnings/${warning.id}/triage`, { action: 'dismiss', version: warning.version });
    expect(noReason.statusCode).toBe(400);
    const dismissed = await call(platform, dcRisk, 'POST', `/api/v1/warnings/${warning.id}/triage`, { action: 'dismiss', version: warning.version, reason: '系正常理财纠纷，已核实' });
    expect(dismissed.json()).toMatchObject({ status: 'dismissed', dismissReason: '系正常理财纠纷，已核实', triagedBy: 'dc_risk' });
    const twice = await call(platform, dcRisk, 'POST', `/api/v1/warnings/${warning.id}/triage`, { action: 'confirm', version: dismissed.json().version });
    expect(twice.statusCode).toBe(409);
    const packs = (await call(platform, dcAdmin, 'GET', '/api/v1/rules/packs')).json();
    const rule = packs.flatMap((p: { rules: { id: string; stats: { dismissed: number; precision: number | null } }[] }) => p.rules).find((r: { id: string }) => r.id === warning.ruleId);
    expect(rule.stats).toMatchObject({ dismissed: 1, precision: 0 });
  });

  it('merges only into a live warning, and keeps the note of a confirmation', async () => {
    await call(platform, dcRisk, 'POST', '/api/v1/cases/batch', {
      cases: [{ caseNumber: '(2025)示0101民初9号', filedOn: '2025-01-02', facts: FUNDRAISING_FACTS, parties: [{ role: '原告', name: '投资人乙' }] }],
    });
    const all = (await call(platform, dcRisk, 'GET', '/api/v1/warnings?pageSize=100&includeInactive=true')).json().items as { id: string; status: string; version: number; caseNumber: string }[];
    const dismissed = all.find((w) => w.status === 'dismissed')!;
    const [first, second] = all.filter((w) => w.status === 'pending' && w.caseNumber === '(2025)示0101民初9号');
    const intoDismissed = await call(platform, dcRisk, 'POST', `/api/v1/warnings/${first!.id}/triage`, { action: 'merge', version: first!.version, intoWarningId: dismissed.id });
    expect(intoDismissed.statusCode).toBe(400);
    const confirmed = await call(platform, dcRisk, 'POST', `/api/v1/warnings/${first!.id}/triage`, { action: 'confirm', version: first!.version, note: '已报风险办' });
    expect(confirmed.json().status).toBe('confirmed');
    const audit = (await call(platform, zyAdmin, 'GET', '/api/v1/audit-logs?action=warning.confirm')).json().items;
    expect(audit[0]?.summary ?? '').toContain('已报风险办');
    if (second) {
      const merged = await call(platform, dcRisk, 'POST', `/api/v1/warnings/${second.id}/triage`, { action: 'merge', version: second.version, intoWarningId: first!.id });
      expect(merged.json()).toMatchObject({ status: 'merged', mergedInto: first!.id });
    }
  });

  it('rejects an invalid rule pack with problems at their lines', async () => {
    const yaml = 'pack: financial\nversion: 1\ndomain: financial\nrules:\n  - id: bad id\n    version: 1\n';
    const res = await call(platform, zyAdmin, 'PUT', '/api/v1/rules/packs/financial', { yaml, comment: '测试错误' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('rules_invalid');
    expect(res.json().problems.some((p: { line: number }) => p.line === 5)).toBe(true);
  });

  it('saves a new rule version, audits it and re-screens stored cases in the background', async () => {
    const before = (await call(platform, dcAdmin, 'GET', '/api/v1/rules/packs/social_stability')).json();
    const rule = [
      '  - id: SOC-TEST-01',
      '    version: 1',
      '    title: 测试：欠付货款',
      '    subtype: 合同纠纷',
      '    level: yellow',
      '    source:',
      '      - { document: 测试规则, edition: 2026年 }',
      '    suggestedAction: 核实',
      '    when:',
      '      keywords: { any: [欠付货款] }',
      '',
    ].join('\n');
    const yaml = before.yaml.replace(/rules:\n/, `rules:\n${rule}`);
    const saved = await call(platform, dcAdmin, 'PUT', '/api/v1/rules/packs/social_stability', { yaml, comment: '新增欠付货款提示' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().pack.version).toBe(before.version + 1);
    await platform.services.jobs.idle();
    const job = (await call(platform, dcAdmin, 'GET', `/api/v1/jobs/${saved.json().rescreenJobId}`)).json();
    expect(job).toMatchObject({ status: 'completed', percent: 100, processed: 3 });
    const raised = (await call(platform, dcRisk, 'GET', '/api/v1/warnings?ruleId=SOC-TEST-01')).json().items;
    expect(raised.map((w: { caseNumber: string }) => w.caseNumber)).toEqual(['(2025)示0101民初2号']);
    const audit = (await call(platform, dcAdmin, 'GET', '/api/v1/audit-logs?action=rule.update')).json().items;
    expect(audit[0].summary).toContain('新增欠付货款提示');
    const history = (await call(platform, dcAdmin, 'GET', '/api/v1/rules/packs/social_stability')).json().versions;
    expect(history.map((v: { version: number }) => v.version)).toEqual([before.version + 1, before.version]);
  });

  it('offers a newer shipped default to a court whose pack declares an older version, until it is adopted', async () => {
    const fresh = (await call(platform, zyAdmin, 'GET', '/api/v1/rules/packs/financial')).json();
    expect(fresh).toMatchObject({ defaultUpdate: null, defaultYaml: null });
    const shipped = fresh.yaml as string;
    const declared = Number(/^version: (\d+)$/m.exec(shipped)![1]);
    const older = shipped.replace(/^version: \d+$/m, `version: ${declared - 1}`);
    expect((await call(platform, zyAdmin, 'PUT', '/api/v1/rules/packs/financial', { yaml: older, comment: '模拟旧版规则包' })).statusCode).toBe(200);
    const packs = (await call(platform, zyAdmin, 'GET', '/api/v1/rules/packs')).json();
    expect(packs.find((p: { pack: string }) => p.pack === 'financial').defaultUpdate).toEqual({ version: declared, courtPackVersion: declared - 1 });
    const detail = (await call(platform, zyAdmin, 'GET', '/api/v1/rules/packs/financial')).json();
    expect(detail.defaultYaml).toBe(shipped);
    expect((await call(platform, zyAdmin, 'PUT', '/api/v1/rules/packs/financial', { yaml: detail.defaultYaml, comment: '采用系统默认规则' })).statusCode).toBe(200);
    expect((await call(platform, zyAdmin, 'GET', '/api/v1/rules/packs/financial')).json()).toMatchObject({ defaultUpdate: null, defaultYaml: null });
    await platform.services.jobs.idle();
  });

  it('dry-runs pasted text against an edited pack without saving it', async () => {
    const pack = (await call(platform, zyAdmin, 'GET', '/api/v1/rules/packs/financial')).json();
    const res = await call(platform, zyAdmin, 'POST', '/api/v1/rules/dry-run', { pack: 'financial', yaml: pack.yaml, facts: FUNDRAISING_FACTS });
    expect(res.json().problems).toEqual([]);
    expect(res.json().findings.some((f: { domain: string }) => f.domain === 'financial')).toBe(true);
    const broken = await call(platform, zyAdmin, 'POST', '/api/v1/rules/dry-run', { pack: 'financial', yaml: 'pack: financial\n', facts: 'x' });
    expect(broken.json().problems.length).toBeGreaterThan(0);
    expect((await call(platform, zyAdmin, 'GET', '/api/v1/rules/packs/financial')).json().version).toBe(pack.version);
  });

  it('backtests the rules over stored cases with a progress job, writing no warning', async () => {
    const session = dcAdmin;
    const warningsBefore = (await call(platform, dcRisk, 'GET', '/api/v1/warnings?includeInactive=true')).json().total;
    const started = await call(platform, session, 'POST', '/api/v1/rules/backtest', {});
    await platform.services.jobs.idle();
    const job = (await call(platform, session, 'GET', `/api/v1/jobs/${started.json().id}`)).json();
    expect(job).toMatchObject({ kind: 'backtest', status: 'completed' });
    expect(job.results.length).toBeGreaterThan(0);
    expect((await call(platform, dcRisk, 'GET', '/api/v1/warnings?includeInactive=true')).json().total).toBe(warningsBefore);
  });

  it('joins a re-screen still waiting to start instead of queueing another, and queues anew once it runs', async () => {
    await platform.services.jobs.idle();
    const { store, jobs } = platform.services;
    const court = (await store.repos.courts.listAll()).find((c) => c.code === '示0101')!;
    const request = { courtId: court.id, kind: 'rescreen' as const, params: {}, createdBy: null };
    const first = await store.transaction((trx) => jobs.create(trx, request));
    const second = await store.transaction((trx) => jobs.create(trx, request));
    expect(second).toBe(first);
    await store.repos.backgroundJobs.update(first, { status: 'running' });
    const third = await store.transaction((trx) => jobs.create(trx, request));
    expect(third).not.toBe(first);
    await store.repos.backgroundJobs.update(first, { status: 'queued' });
    jobs.kick();
    await jobs.idle();
    expect((await store.repos.backgroundJobs.getById(third))?.status).toBe('completed');
  });

  it('lists every rule of the backtested pack, the ones that hit nothing with 0', async () => {
    const pack = (await call(platform, dcAdmin, 'GET', '/api/v1/rules/packs/political_security')).json();
    const started = await call(platform, dcAdmin, 'POST', '/api/v1/rules/backtest', { pack: 'political_security', yaml: pack.yaml });
    await platform.services.jobs.idle();
    const job = (await call(platform, dcAdmin, 'GET', `/api/v1/jobs/${started.json().id}`)).json();
    const ruleIds = [...pack.yaml.matchAll(/- id: (\S+)/g)].map((match: RegExpMatchArray) => match[1]);
    expect(job.results.map((row: { ruleId: string }) => row.ruleId)).toEqual(expect.arrayContaining(ruleIds));
    expect(job.results.some((row: { hits: number }) => row.hits === 0)).toBe(true);
  });
});

describe('demo data', () => {
  it('plants synthetic cases with risks in every court, screened on the way in (watch-list included)', async () => {
    const platform = await createTestPlatform('sqlite', { demoCases: true });
    try {
      const risk = await loginReady(platform, 'zy_risk');
      const cases = (await call(platform, risk, 'GET', '/api/v1/cases?pageSize=1')).json();
      expect(cases.total).toBe(140);
      const warnings = (await call(platform, risk, 'GET', '/api/v1/warnings?pageSize=200')).json().items as { domain: string; ruleId: string; evidence: { kind: string }[] }[];
      expect(new Set(warnings.map((w) => w.domain))).toEqual(new Set(['financial', 'social_stability', 'cyber']));
      // The demo 职业放贷人名单 flags the plaintiff of an ordinary private-loan case (its text alone raises nothing).
      const lists = (await call(platform, risk, 'GET', '/api/v1/watch-lists')).json() as { name: string; entryCount: number }[];
      expect(lists).toContainEqual(expect.objectContaining({ name: '职业放贷人名单', entryCount: 2 }));
      const lender = warnings.filter((w) => w.ruleId === 'FIN-PRO-LENDER-01');
      expect(lender.length).toBeGreaterThan(0);
      expect(lender.every((w) => w.evidence.some((e) => e.kind === 'watchList'))).toBe(true);
    } finally {
      await platform.close();
    }
  });
});
