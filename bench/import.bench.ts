import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { CASE_COLUMNS, formatCsvField } from '@courtrisk/core';
import { createPlatform } from '@courtrisk/server';
import type { BenchSuite } from './suite.js';

const CASES = Number(process.env.BENCH_IMPORT_CASES ?? 200_000);

/** Deterministic synthetic facts (~300–700 characters), every 20th with a planted fund-raising risk. */
function syntheticRow(i: number): string[] {
  const plain = `原告与被告于${2020 + (i % 5)}年签订买卖合同，约定被告购买建材一批，货款${(i % 97) + 3}万元。原告依约交货，被告收货后仅支付部分货款，余款经多次催要仍未支付。原告遂诉至本院，请求判令被告支付货款及逾期付款利息。`;
  const planted = '被告公司通过推介会向社会公众宣传理财产品，承诺年化收益百分之十五、按月返利、到期还本付息，向不特定对象吸收资金。';
  const facts = (i % 20 === 0 ? planted : '') + plain.repeat(1 + (i % 4));
  const values: Record<string, string> = {
    caseNumber: `(2025)示0101民初${i + 1}号`,
    causes: '买卖合同纠纷',
    filedOn: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    judgeName: '承办法官',
    amount: String(((i % 97) + 3) * 10000),
    parties: `原告：原告${i}；被告：某某建材有限公司${i % 500}`,
    facts,
  };
  return CASE_COLUMNS.map((c) => values[c.field] ?? '');
}

function writeCsv(file: string) {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, CASE_COLUMNS.map((c) => c.header).join(',') + '\n');
  let chunk: string[] = [];
  for (let i = 0; i < CASES; i++) {
    chunk.push(syntheticRow(i).map(formatCsvField).join(','));
    if (chunk.length === 5000) {
      fs.writeSync(fd, chunk.join('\n') + '\n');
      chunk = [];
    }
  }
  if (chunk.length) fs.writeSync(fd, chunk.join('\n') + '\n');
  fs.closeSync(fd);
}

/** Reference: the same case rows straight into one SQLite table with a prepared statement, no validation or screening. */
function rawInsertSeconds(dir: string): number {
  const db = new Database(path.join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('create table c (id text, court_id text, case_number text, filed_on text, causes text, parties text, facts text, amount text, primary key (court_id, id))');
  const insert = db.prepare('insert into c values (?, ?, ?, ?, ?, ?, ?, ?)');
  const started = performance.now();
  const batch = db.transaction((first: number, rows: string[][]) => {
    for (const [k, r] of rows.entries()) insert.run(String(first + k), 'court', r[0], r[5], r[4], r[11], r[14], r[10]);
  });
  for (let i = 0; i < CASES; i += 1000) batch(i, Array.from({ length: Math.min(1000, CASES - i) }, (_, k) => syntheticRow(i + k)));
  db.close();
  return (performance.now() - started) / 1000;
}

const CLI = path.resolve(import.meta.dirname, '../packages/cli/bin/courtrisk.js');

/**
 * The same import in a fresh `courtrisk import` process, as a server would run it: wall time of
 * the process and its peak resident memory (VmHWM from /proc, sampled until it exits).
 */
async function importInFreshProcess(dataDir: string, csv: string): Promise<{ seconds: number; peakMb: number }> {
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: '' };
  await new Promise<void>((resolve, reject) => spawn(process.execPath, [CLI, 'seed-demo'], { env, stdio: 'ignore' }).on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed-demo exited ${code}`)))));
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'import', csv, '--court-code', '示0101'], { env, stdio: 'ignore' });
  let peakKb = 0;
  const sample = () => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (match) peakKb = Math.max(peakKb, Number(match[1]));
    } catch {
      // the process has exited between samples
    }
  };
  const timer = setInterval(sample, 20);
  await new Promise<void>((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`import exited ${code}`)))));
  clearInterval(timer);
  return { seconds: (performance.now() - started) / 1000, peakMb: peakKb / 1024 };
}

export const importSuite: BenchSuite = {
  name: 'import',
  description: `导入 ${CASES.toLocaleString()} 件合成案件（CSV → SQLite，含校验、当事人、筛查与预警），对照：同样数据直接用预编译语句写入一张表`,
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtrisk-bench-import-'));
    try {
      const csv = path.join(dir, 'cases.csv');
      writeCsv(csv);
      const sizeMb = fs.statSync(csv).size / 2 ** 20;
      const platform = await createPlatform({ env: { DATA_DIR: dir, LOG_LEVEL: 'silent' }, demo: true, demoCases: false, fastPasswordHashing: true });
      const courtId = await platform.services.operator.courtIdByCode('示0101');
      await platform.services.rules.forCourt(courtId);
      const rssBefore = process.memoryUsage().rss;
      let peakRss = rssBefore;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
      const started = performance.now();
      const job = await platform.services.imports.importLocalFile(courtId, csv);
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      const warnings = await platform.database.db.selectFrom('warning').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      await platform.app.close();
      await platform.database.close();
      const raw = rawInsertSeconds(dir);
      const fresh = await importInFreshProcess(path.join(dir, 'fresh'), csv);
      return [
        `file: ${sizeMb.toFixed(0)} MB CSV, ${CASES.toLocaleString()} rows; job: ${job.status}, ${job.message}`,
        `CourtRisk import + screening: ${seconds.toFixed(1)} s = ${Math.round(CASES / seconds).toLocaleString()} cases/s; warnings raised: ${Number(warnings.n).toLocaleString()}`,
        `peak RSS of the server process during the import: ${(peakRss / 2 ** 20).toFixed(0)} MB (${(rssBefore / 2 ** 20).toFixed(0)} MB before it started: code, demo data, warm caches)`,
        `same import in a fresh \`courtrisk import\` process: ${fresh.seconds.toFixed(1)} s including start-up, peak RSS ${fresh.peakMb.toFixed(0)} MB`,
        `reference (raw better-sqlite3 prepared inserts, 1 table, no validation/screening): ${raw.toFixed(1)} s = ${Math.round(CASES / raw).toLocaleString()} rows/s`,
      ];
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
