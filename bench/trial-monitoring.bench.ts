import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { processEventKey, processEventKindOfType, type LocalDate, type TrialLimitEventInput } from '@courtrisk/core';
import { createPlatform, type Clock } from '@courtrisk/server';
import { measureAsync, type BenchSuite, type Timing } from './suite.js';

/** Open cases spread over the demo 中院 and its three 基层法院, plus closed ones (default half as many). */
const CASES = Number(process.env.BENCH_TRIAL_CASES ?? 50_000);
const CLOSED = Number(process.env.BENCH_TRIAL_CLOSED ?? Math.round(CASES / 2));
const REPETITIONS = Number(process.env.BENCH_TRIAL_REPETITIONS ?? 3);
const SEED = 20261125;
/** A Tuesday (a Monday sweep would also take the weekly 长期未结 snapshots); 10:00 Beijing time. */
const TODAY = '2026-06-16' as LocalDate;
const clock: Clock = { now: () => new Date(`${TODAY}T02:00:00Z`) };

/** Mulberry32: the same synthetic court on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10) as LocalDate;

/**
 * Time-ordered ids as the server's `newId()` makes them (UUIDv7: 48-bit milliseconds first), one
 * millisecond apart in insertion order, so rows and their id index keep the same order as on a
 * real database.
 */
function timeOrderedIds(random: () => number) {
  let ms = Date.parse('2026-01-01T00:00:00Z');
  const hex = (digits: number) => Array.from({ length: digits }, () => Math.floor(random() * 16).toString(16)).join('');
  return () => {
    const time = (ms++).toString(16).padStart(12, '0');
    return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(3)}-${(8 + Math.floor(random() * 4)).toString(16)}${hex(3)}-${hex(12)}`;
  };
}

/** 类型代字 → stored case fields; weights per court level (a 中院 hears mostly appeals). */
const KINDS = {
  civilOrdinary: { typeCode: '民初', caseType: 'civil', instance: 'first', procedure: 'ordinary', department: 'civil_1' },
  civilSimple: { typeCode: '民初', caseType: 'civil', instance: 'first', procedure: 'simple', department: 'civil_1' },
  civilSmallClaims: { typeCode: '民初', caseType: 'civil', instance: 'first', procedure: 'small_claims', department: 'civil_1' },
  civilSpecial: { typeCode: '民特', caseType: 'civil', instance: 'special', procedure: 'special', department: 'civil_1' },
  civilAppeal: { typeCode: '民终', caseType: 'civil', instance: 'second', procedure: 'ordinary', department: 'civil_1' },
  criminalSimple: { typeCode: '刑初', caseType: 'criminal', instance: 'first', procedure: 'simple', department: 'criminal' },
  criminalExpedited: { typeCode: '刑初', caseType: 'criminal', instance: 'first', procedure: 'summary', department: 'criminal' },
  criminalAppeal: { typeCode: '刑终', caseType: 'criminal', instance: 'second', procedure: 'ordinary', department: 'criminal' },
  administrativeFirst: { typeCode: '行初', caseType: 'administrative', instance: 'first', procedure: 'ordinary', department: 'administrative' },
  administrativeAppeal: { typeCode: '行终', caseType: 'administrative', instance: 'second', procedure: 'ordinary', department: 'administrative' },
  enforcement: { typeCode: '执', caseType: 'enforcement', instance: 'enforcement', procedure: 'other', department: 'enforcement' },
} as const;
type KindName = keyof typeof KINDS;
const MIX: Record<'intermediate' | 'basic', [KindName, number][]> = {
  intermediate: [['civilAppeal', 50], ['criminalAppeal', 10], ['administrativeAppeal', 10], ['civilOrdinary', 20], ['administrativeFirst', 10]],
  basic: [['civilOrdinary', 30], ['civilSimple', 28], ['civilSmallClaims', 5], ['civilSpecial', 4], ['criminalSimple', 8], ['criminalExpedited', 3], ['administrativeFirst', 3], ['enforcement', 19]],
};
const COURT_SHARE: [string, number][] = [['示01', 0.15], ['示0101', 0.35], ['示0102', 0.3], ['示0103', 0.2]];
const DEPARTMENT_NAMES: Record<string, string> = { civil_1: '民事审判第一庭', criminal: '刑事审判庭', administrative: '行政审判庭', enforcement: '执行局' };
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['建国', '晓东', '丽华', '志强', '海燕', '文博', '静', '伟', '敏', '磊'];

function pick<T>(random: () => number, weighted: readonly [T, number][]): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let r = random() * total;
  for (const [value, weight] of weighted) if ((r -= weight) < 0) return value;
  return weighted.at(-1)![0];
}

/** Synthetic 案情 of 300–1,500 characters: the case rows are as wide as a real court's, though the views should not read them. */
function facts(random: () => number, i: number) {
  const sentence = `原告与被告于${2022 + (i % 4)}年签订合同，约定被告购买货物一批，货款${(i % 97) + 3}万元。原告依约履行，被告仅支付部分款项，余款经多次催要仍未支付。`;
  return sentence.repeat(5 + Math.floor(random() * 20)).slice(0, 300 + Math.floor(random() * 1200));
}

interface Court {
  id: string;
  code: string;
  level: string;
  departments: Map<string, string>;
  judgeAccountId: string | null;
}

/** The case rows and 审限事项 of one synthetic court system; deterministic for SEED. */
function generate(courts: Court[], nowIso: string) {
  const random = prng(SEED);
  const newId = timeOrderedIds(prng(SEED + 1));
  const cases: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  const sequence = new Map<string, number>();
  const counts: Record<TrialLimitEventInput['type'] | 'override' | 'suspended', number> = { extension: 0, excludedPeriod: 0, suspension: 0, resumption: 0, clockRestart: 0, closing: 0, override: 0, suspended: 0 };
  for (let i = 0; i < CASES + CLOSED; i++) {
    const open = i < CASES;
    const code = pick(random, COURT_SHARE);
    const court = courts.find((c) => c.code === code)!;
    const kindName = pick(random, MIX[court.level === 'intermediate' ? 'intermediate' : 'basic']);
    const kind = KINDS[kindName];
    // Mostly recent filings, a tail of old ones (some far beyond any limit).
    const filedOn = addDays(TODAY, -Math.floor(560 * random() ** 2) - (open ? 0 : 200));
    const year = Number(filedOn.slice(0, 4));
    const key = `${court.code}${year}${kind.typeCode}`;
    const seq = (sequence.get(key) ?? 0) + 1;
    sequence.set(key, seq);
    const id = newId();
    const ownJudge = court.judgeAccountId !== null && random() < 0.1;
    let status = open ? 'pending' : 'closed';
    const override = open && kindName === 'civilAppeal' && random() < 0.05 ? 'civilSecondInstanceJudgment' : null;
    if (override) counts.override++;
    if (open) {
      const add = (event: TrialLimitEventInput) => {
        const { type, ...rest } = event;
        events.push({ id: newId(), courtId: court.id, caseId: id, kind: processEventKindOfType[type], payload: JSON.stringify({ type, ...rest }), eventKey: processEventKey(event), createdBy: null, createdAt: nowIso });
        counts[type]++;
      };
      const r = random();
      if (r < 0.12) {
        const approvedOn = addDays(filedOn, kind.procedure === 'ordinary' ? 150 : kind.procedure === 'simple' ? 75 : 15);
        if (approvedOn <= TODAY) add({ type: 'extension', approver: 'courtPresident', length: { months: kind.procedure === 'ordinary' && kind.caseType === 'civil' ? 6 : 1, days: 0 }, approvedOn });
      } else if (r < 0.18 && kind.caseType !== 'enforcement') {
        const start = addDays(filedOn, 30);
        const end = addDays(start, 20 + Math.floor(random() * 60));
        if (start <= TODAY) add({ type: 'excludedPeriod', kind: random() < 0.7 ? 'appraisal' : 'jurisdictionObjection', start, ...(end <= TODAY ? { end } : {}) });
      } else if (r < 0.2 && kind.caseType === 'civil') {
        const start = addDays(filedOn, 10);
        if (start <= TODAY) add({ type: 'excludedPeriod', kind: 'publicNotice', start, end: addDays(start, 59) < TODAY ? addDays(start, 59) : TODAY });
      } else if (r < 0.23) {
        const on = addDays(filedOn, 60);
        const resumed = addDays(on, 30 + Math.floor(random() * 90));
        if (on <= TODAY) {
          add({ type: 'suspension', on });
          if (resumed <= TODAY && random() < 0.6) add({ type: 'resumption', on: resumed });
          else {
            status = 'suspended';
            counts.suspended++;
          }
        }
      }
    }
    const judge = `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}`;
    cases.push({
      id,
      courtId: court.id,
      caseNumber: `(${year})${court.code}${kind.typeCode}${seq}号`,
      year,
      typeCode: kind.typeCode,
      caseType: kind.caseType,
      instance: kind.instance,
      procedure: kind.procedure,
      causes: JSON.stringify(['买卖合同纠纷']),
      filedOn,
      closedOn: open ? null : addDays(filedOn, 30 + Math.floor(random() * 150)),
      status,
      judgeName: ownJudge ? '承办法官' : judge,
      judgeAccountId: ownJudge ? court.judgeAccountId : null,
      departmentName: DEPARTMENT_NAMES[kind.department]!,
      departmentId: court.departments.get(kind.department) ?? null,
      amountYuan: null,
      amountFen: null,
      facts: facts(random, i),
      claims: '请求判令被告支付货款及逾期付款利息，并承担本案诉讼费用。',
      lawyers: '[]',
      partyCount: 2,
      contentHash: createHash('sha256').update(id).digest('hex'),
      importJobId: null,
      procedureOverride: override,
      procedureOverrideNote: override ? '上诉针对判决' : null,
      createdAt: nowIso,
      updatedAt: nowIso,
      version: 1,
    });
  }
  return { cases, events, counts };
}

const format = (value: number, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (timing: Timing) => `${format(timing.wallMilliseconds).padStart(6)} ms (cpu ${format(timing.cpuMilliseconds).padStart(6)} ms)`;

/**
 * A platform on a fresh SQLite database in `dir` with the demo courts and accounts and the synthetic
 * cases (exported so a profiling script can set up the same data).
 */
export async function createTrialBenchPlatform(dir: string) {
  const platform = await createPlatform({
    env: { DATA_DIR: dir, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '1000000', WEB_DIST: path.join(dir, 'no-web') },
    demo: true,
    demoCases: false,
    clock,
    fastPasswordHashing: true,
  });
  const { db } = platform.database;
  const courts: Court[] = [];
  for (const court of await platform.services.store.repos.courts.listAll()) {
    const departments = await db.selectFrom('department').select(['id', 'code']).where('courtId', '=', court.id).execute();
    const prefix = { 示01: 'zy', 示0101: 'dc', 示0102: 'xc', 示0103: 'nh' }[court.code];
    const judge = await db.selectFrom('account').select('id').where('username', '=', `${prefix}_judge`).executeTakeFirst();
    courts.push({ id: court.id, code: court.code, level: court.level, departments: new Map(departments.map((d) => [d.code, d.id])), judgeAccountId: judge?.id ?? null });
  }
  const generated = generate(courts, clock.now().toISOString());
  const insertStarted = performance.now();
  for (let i = 0; i < generated.cases.length; i += 5_000) {
    await db.transaction().execute((trx) => platform.database.bulkInsert(trx, 'courtCase', generated.cases.slice(i, i + 5_000) as never));
  }
  await db.transaction().execute((trx) => platform.database.bulkInsert(trx, 'caseProcessEvent', generated.events as never));
  const insertSeconds = (performance.now() - insertStarted) / 1000;
  return { platform, courts, generated, insertSeconds };
}

export const trialMonitoringSuite: BenchSuite = {
  name: 'trial-monitoring',
  description: `审限监控视图与每日巡检：${CASES.toLocaleString('en-US')} 件未结（另 ${CLOSED.toLocaleString('en-US')} 件已结）合成案件，示例中院及三个基层法院，SQLite；对照（floor）：同样的未结案件与审限事项查询，不计算审限`,
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtrisk-bench-trial-'));
    const created = await createTrialBenchPlatform(dir).catch((error: unknown) => {
      fs.rmSync(dir, { recursive: true, force: true });
      throw error;
    });
    const { platform, courts, generated, insertSeconds } = created;
    try {
      const { db } = platform.database;
      const repos = platform.services.store.repos;

      // Sessions as the web app has them: log in, replace the one-time password.
      const sessions = new Map<string, string>();
      for (const account of platform.demoAccounts.filter((a) => ['zy_risk', 'dc_risk', 'zy_judge'].includes(a.username))) {
        const first = await platform.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: account.username, password: account.password } });
        const cookie = `cr_sid=${first.cookies.find((c) => c.name === 'cr_sid')!.value}`;
        const changed = await platform.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie, 'x-csrf-token': first.json().csrfToken }, payload: { currentPassword: account.password, newPassword: 'Fayuan#2026risk' } });
        if (changed.statusCode !== 200) throw new Error(`password change failed: ${changed.body}`);
        sessions.set(account.username, cookie);
      }
      const digests: string[] = [];
      // The demo courts, departments and accounts get new ids on every run: digest their names instead.
      const stableNames = new Map<string, string>();
      for (const row of await db.selectFrom('court').select(['id', 'code']).execute()) stableNames.set(row.id, row.code);
      for (const row of await db.selectFrom('department').select(['id', 'courtId', 'code']).execute()) stableNames.set(row.id, `${stableNames.get(row.courtId)}/${row.code}`);
      for (const row of await db.selectFrom('account').select(['id', 'username']).execute()) stableNames.set(row.id, row.username);
      const normalize = (text: string) => text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => stableNames.get(id) ?? id);
      const digest = (text: string) => createHash('sha256').update(normalize(text)).digest('hex').slice(0, 12);
      const request = async (username: string, url: string) => {
        let payload: Buffer = Buffer.alloc(0);
        const timing = await measureAsync(async () => {
          const res = await platform.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: sessions.get(username)! } });
          if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 500)}`);
          payload = res.rawPayload;
        }, REPETITIONS);
        // Digests of what the caller sees, outside the timing: the lobby's generation time and the
        // XLSX file's own metadata left out (the sheet is compared by its cell values).
        if (url.includes('.xlsx')) {
          const book = new ExcelJS.Workbook();
          await book.xlsx.load(payload as unknown as ArrayBuffer);
          const cells: string[] = [];
          book.worksheets[0]!.eachRow((row) => cells.push(JSON.stringify(row.values)));
          digests.push(`${username} ${url} → ${digest(cells.join('\n'))} (cell values of ${cells.length - 1} rows)`);
        } else digests.push(`${username} ${url} → ${digest(payload.toString('utf8').replace(/"generatedAt":"[^"]*"/, ''))}`);
        return { timing, bytes: payload.length };
      };

      const all = new Set(courts.map((c) => c.id));
      const dongcheng = courts.find((c) => c.code === '示0101')!;
      const floor = async (courtIds: ReadonlySet<string>) => {
        let rows = 0;
        let events = 0;
        const timing = await measureAsync(async () => {
          const cases = await repos.trialCases.listOpen({ courtIds }, {});
          const recorded = await repos.trialCases.listEventsOfCases(cases);
          rows = cases.length;
          events = recorded.length;
        }, REPETITIONS);
        return { timing, rows, events };
      };

      const lines: string[] = [];
      const c = generated.counts;
      lines.push(
        `data: ${format(CASES)} open + ${format(CLOSED)} closed cases (seed ${SEED}, facts 300–1,500 chars), today ${TODAY}; ` +
          `${format(generated.events.length)} 审限事项 on open cases (${format(c.extension)} extensions, ${format(c.excludedPeriod)} excluded periods, ${format(c.suspension)} 中止 of which ${format(c.suspended)} not resumed), ${format(c.override)} procedure overrides; inserted in ${format(insertSeconds, 1)} s`,
        `load average at start: ${os.loadavg().map((l) => format(l, 2)).join(' ')}; median of ${REPETITIONS} runs after one warm-up, wall-clock (CPU of this process)`,
        '',
      );
      const floorAll = await floor(all);
      const floorDistrict = await floor(new Set([dongcheng.id]));
      lines.push(`floor — the views' reads (trialCases.listOpen + listEventsOfCases), no limit computed:`);
      lines.push(`  中院 scope (4 courts, ${format(floorAll.rows)} cases, ${format(floorAll.events)} events)  ${ms(floorAll.timing)}`);
      lines.push(`  东城 only (${format(floorDistrict.rows)} cases, ${format(floorDistrict.events)} events)        ${ms(floorDistrict.timing)}`);
      lines.push('', 'requests (app.inject, HTTP layer included):');
      const views: [string, string, string][] = [
        ['审限监控 first page, 中院 scope', 'zy_risk', '/trial-limits/monitor?page=1&pageSize=20'],
        ['审限监控 tier 预警, page 2, 中院 scope', 'zy_risk', '/trial-limits/monitor?tier=warning&page=2&pageSize=20'],
        ['审限监控 sort by 案号, page 50, 中院', 'zy_risk', '/trial-limits/monitor?sort=caseNumber&page=50&pageSize=20'],
        ['审限监控 first page, 东城 (district)', 'dc_risk', '/trial-limits/monitor?page=1&pageSize=20'],
        ['我的审限 (中院 judge, 仅本人)', 'zy_judge', '/trial-limits/monitor?mine=true'],
        ['审限日历 one month, 中院 scope', 'zy_risk', `/trial-limits/calendar?from=${TODAY.slice(0, 8)}01&to=${TODAY.slice(0, 8)}30`],
        ['大屏 lobby, 东城', 'dc_risk', '/trial-limits/lobby'],
        ['长期未结 first page, 中院 scope', 'zy_risk', '/long-pending?page=1&pageSize=20'],
        ['审限监控 XLSX export, 中院 scope (all rows)', 'zy_risk', '/trial-limits/monitor/export.xlsx'],
      ];
      for (const [label, username, url] of views) {
        const { timing, bytes } = await request(username, url);
        lines.push(`  ${label.padEnd(40)} ${ms(timing)}  ${format(bytes / 1024)} KiB`);
      }

      // Daily sweep over every court: first run raises warnings; its repetitions start from a clean slate.
      const resetWarnings = async () => {
        await db.deleteFrom('warning').where('ruleId', '=', 'IM-TRIAL-LIMIT').execute();
        await db.deleteFrom('notification').where('dedupeKey', 'like', 'trial-limit:%').execute();
      };
      let firstOutcome = '';
      const firstRuns: Timing[] = [];
      for (let run = 0; run < REPETITIONS; run++) {
        await resetWarnings();
        const cpuStart = process.cpuUsage();
        const wallStart = performance.now();
        const result = await platform.services.trialLimitSweep.run({ force: true });
        const wallMilliseconds = performance.now() - wallStart;
        const cpu = process.cpuUsage(cpuStart);
        firstRuns.push({ wallMilliseconds, cpuMilliseconds: (cpu.user + cpu.system) / 1000 });
        const sum = (key: 'evaluated' | 'raised' | 'notified') => result.courts.reduce((total, court) => total + court[key], 0);
        firstOutcome = `${format(sum('evaluated'))} evaluated, ${format(sum('raised'))} warnings raised, ${format(sum('notified'))} notifications`;
      }
      const [warningRows, noticeRows] = await Promise.all([
        db.selectFrom('warning').select(['caseId', 'level', 'title', 'evidence', 'status', 'active']).where('ruleId', '=', 'IM-TRIAL-LIMIT').execute(),
        db.selectFrom('notification').select(['recipientId', 'kind', 'title', 'body', 'link', 'dedupeKey']).where('dedupeKey', 'like', 'trial-limit:%').execute(),
      ]);
      const sorted = (rows: object[]) => rows.map((r) => normalize(JSON.stringify(r))).sort().join('\n');
      digests.push(`sweep warnings → ${digest(sorted(warningRows))} (${format(warningRows.length)}), notifications → ${digest(sorted(noticeRows))} (${format(noticeRows.length)})`);
      const median = (pick: (t: Timing) => number) => firstRuns.map(pick).sort((a, b) => a - b)[Math.floor(firstRuns.length / 2)]!;
      let secondOutcome = '';
      const second = await measureAsync(async () => {
        const result = await platform.services.trialLimitSweep.run({ force: true });
        const changed = result.courts.reduce((total, court) => total + court.raised + court.escalated + court.updated + court.retired, 0);
        secondOutcome = `${format(result.courts.reduce((total, court) => total + court.evaluated, 0))} evaluated, ${format(changed)} changed`;
      }, REPETITIONS);
      lines.push('', `daily sweep (all 4 courts, forced; the first run's ${REPETITIONS} repetitions each start with the sweep's warnings and notifications deleted):`);
      lines.push(`  first run (no warnings yet)              ${ms({ wallMilliseconds: median((t) => t.wallMilliseconds), cpuMilliseconds: median((t) => t.cpuMilliseconds) })}  ${firstOutcome}`);
      lines.push(`  second run (nothing changes)             ${ms(second)}  ${secondOutcome}`);
      lines.push('', 'result digests (sha256, to compare runs across code changes):', ...digests.map((d) => `  ${d}`));
      lines.push(`load average at end: ${os.loadavg().map((l) => format(l, 2)).join(' ')}`);
      return lines;
    } finally {
      await platform.services.imports.idle();
      await platform.services.jobs.idle();
      await platform.app.close();
      await platform.database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
