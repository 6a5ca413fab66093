import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNDRAISING_FACTS } from '../../server/test/case-fixtures.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../bin/courtrisk.js');

/** Runs the real `courtrisk` command against an SQLite file in a temp data dir. */
function courtrisk(dataDir: string, ...args: string[]) {
  return run(process.execPath, [BIN, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

describe('courtrisk CLI', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtrisk-cli-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('migrates an empty database', async () => {
    const result = await courtrisk(dataDir, 'migrate');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('20261124_2100_create_court');
  });

  it('refuses a production start without any account', async () => {
    const result = await courtrisk(dataDir, 'serve', '--no-demo');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('courtrisk user create');
  });

  it('bootstraps the first administrator together with its court', async () => {
    const result = await courtrisk(dataDir, 'user', 'create', '--username', 'first_admin', '--name', '张管理', '--court-code', '京01', '--court-name', '北京市第一中级人民法院');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('北京市第一中级人民法院');
    expect(result.stdout).toMatch(/初始密码.*：\S{14}/);
  });

  it('explains a bad username in Chinese', async () => {
    const result = await courtrisk(dataDir, 'user', 'create', '--username', '9x', '--name', '李', '--court-code', '京01');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('账号须以字母开头');
  });

  it('resets a password and unlocks an account', async () => {
    const reset = await courtrisk(dataDir, 'user', 'reset-password', 'first_admin');
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain('新初始密码');
    const unlock = await courtrisk(dataDir, 'user', 'unlock', 'first_admin');
    expect(unlock.code).toBe(0);
    const missing = await courtrisk(dataDir, 'user', 'unlock', 'nobody');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('未找到账号');
  });

  it('verifies the audit chain and names the first broken row after tampering', async () => {
    const ok = await courtrisk(dataDir, 'audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('审计日志完整');

    const db = new Database(path.join(dataDir, 'courtrisk.db'));
    const row = db.prepare('select id, seq from audit_log order by seq limit 1 offset 1').get() as { id: string; seq: number };
    db.prepare("update audit_log set actor_name = 'someone_else' where id = ?").run(row.id);
    db.close();

    const broken = await courtrisk(dataDir, 'audit', 'verify');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`序号 ${row.seq}`);
    expect(broken.stderr).toContain(row.id);
  });

  it('imports a case file on the server, resumably, from the command line', async () => {
    const file = path.join(dataDir, 'cases.csv');
    fs.writeFileSync(file, `案号,立案日期,事实与理由\n(2025)京01民终1号,2025-01-02,"${FUNDRAISING_FACTS}"\n(2025)京01民终2号,不是日期,\n`);
    const result = await courtrisk(dataDir, 'import', file, '--court-code', '京01');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('新增 1');
    expect(result.stdout).toContain('错误 1 行');
  });

  it('seeds the demo only into an empty database', async () => {
    const refused = await courtrisk(dataDir, 'seed-demo');
    expect(refused.code).toBe(1);
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'courtrisk-cli-demo-'));
    try {
      const seeded = await courtrisk(fresh, 'seed-demo');
      expect(seeded.code).toBe(0);
      expect(seeded.stdout).toContain('zy_admin');
      expect(seeded.stdout).toContain('示例市南湖区人民法院');
    } finally {
      fs.rmSync(fresh, { recursive: true, force: true });
    }
  });
});

describe('courtrisk screen', () => {
  it('screens a CSV without a server or database and writes an XLSX report', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtrisk-screen-'));
    try {
      const csv = [
        '案号,立案日期,事实与理由',
        `(2025)京0105民初1号,2025-01-02,"${FUNDRAISING_FACTS}"`,
        '(2025)京0105民初2号,2025-01-03,原告与被告买卖合同纠纷。',
        '坏案号,2025-01-03,',
      ].join('\n');
      fs.writeFileSync(path.join(dir, 'cases.csv'), csv);
      const out = path.join(dir, 'report.xlsx');
      const result = await run(process.execPath, [BIN, 'screen', path.join(dir, 'cases.csv'), '--out', out], { env: { ...process.env, DATA_DIR: dir } });
      expect(result.stdout).toContain('共 3 行，筛查 2 件，格式错误 1 行');
      expect(result.stdout).toContain('金融');
      expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
      expect(fs.existsSync(path.join(dir, 'courtrisk.db'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses a rules directory given on the command line and reports its errors', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtrisk-rules-'));
    try {
      fs.writeFileSync(path.join(dir, 'bad.yaml'), 'pack: bad\nversion: x\n');
      fs.writeFileSync(path.join(dir, 'cases.jsonl'), JSON.stringify({ caseNumber: '(2025)京0105民初1号', filedOn: '2025-01-02' }) + '\n');
      const result = await run(process.execPath, [BIN, 'screen', path.join(dir, 'cases.jsonl'), '--rules', dir]).catch((e: { stderr: string; code: number }) => e);
      expect((result as { code: number }).code).toBe(1);
      expect((result as { stderr: string }).stderr).toContain('bad.yaml');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
