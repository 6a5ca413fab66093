import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../bin/courtrisk.js');

function courtrisk(dataDir: string, ...args: string[]) {
  return run(process.execPath, [BIN, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

const LOAN_CSV = [
  '案号,案由,立案日期,当事人,事实与理由',
  '(2025)京0105民初1号,民间借贷纠纷,2025-01-02,原告：放贷人甲；被告：借款人乙,原告出借五万元，被告到期未还。',
  '(2025)京0105民初2号,民间借贷纠纷,2025-01-03,原告：张三；被告：借款人丙,原告出借三万元，被告到期未还。',
].join('\n');

/** `courtrisk watchlist` against an SQLite file, and `courtrisk screen --watch-list` without one. */
describe('courtrisk watchlist', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtrisk-watchlist-'));
    const created = await courtrisk(dataDir, 'user', 'create', '--username', 'first_admin', '--name', '张管理', '--court-code', '京01', '--court-name', '北京市第一中级人民法院');
    expect(created.code, created.stderr).toBe(0);
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('adds names from the arguments and a file, skipping those already listed, audited as the CLI', async () => {
    const file = path.join(dataDir, 'lenders.csv');
    fs.writeFileSync(file, '名称,备注\n放贷人丁,2025 年认定\n王　某\n');
    const result = await courtrisk(dataDir, 'watchlist', 'add', '京01', '职业放贷人名单', '王某', '李某', '--file', file, '--note', '立案庭认定');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('已向「职业放贷人名单」添加 3 个名称');
    expect(result.stdout).toContain('跳过第 4 个“王　某”：与第 1 条重复');

    const lists = await courtrisk(dataDir, 'watchlist', 'list', '京01');
    expect(lists.stdout).toContain('职业放贷人名单\t3 个名称\tFIN-PRO-LENDER-01');
    const names = await courtrisk(dataDir, 'watchlist', 'list', '京01', '职业放贷人名单');
    expect(names.stdout).toContain('共 3 个名称');
    expect(names.stdout).toMatch(/放贷人丁\t2025 年认定\t命令行/);
    expect(names.stdout).toMatch(/李某\t立案庭认定\t命令行/);

    const db = new Database(path.join(dataDir, 'courtrisk.db'));
    const audit = db.prepare("select actor_name as actor, summary from audit_log where action = 'watchlist.add'").all() as { actor: string; summary: string }[];
    db.close();
    expect(audit).toEqual([{ actor: '命令行', summary: expect.stringContaining('王某、李某、放贷人丁') }]);
  });

  it('removes names compared as screening compares them, and reports those not listed', async () => {
    const result = await courtrisk(dataDir, 'watchlist', 'remove', '京01', '职业放贷人名单', '王 某', '无此人');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('已从「职业放贷人名单」移除 1 个名称：王某');
    expect(result.stdout).toContain('不在名单中：无此人');
    const none = await courtrisk(dataDir, 'watchlist', 'remove', '京01', '职业放贷人名单', '无此人');
    expect(none.code).toBe(1);
  });

  it('explains bad input in Chinese', async () => {
    const result = await courtrisk(dataDir, 'watchlist', 'add', '京01', '职业放贷人名单', '长'.repeat(101));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('第 1 条：名称不能超过 100 个字');
    const court = await courtrisk(dataDir, 'watchlist', 'list', '京99');
    expect(court.code).toBe(1);
    expect(court.stderr).toContain('未找到法院');
  });

  it('adds names from an XLSX workbook (column A, notes in B, heading and empty cells skipped), and explains a bad one', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    for (const row of [['名单', '备注'], ['关注人戊', '2025 年认定'], [null, '没有名称的备注'], [], ['关注人己']]) sheet.addRow(row);
    const file = path.join(dataDir, 'focus.xlsx');
    fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const result = await courtrisk(dataDir, 'watchlist', 'add', '京01', '重点关注当事人', '--file', file, '--note', '信访台账');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('已向「重点关注当事人」添加 2 个名称');
    expect(result.stdout).toContain('没有启用的规则引用该名单');

    const db = new Database(path.join(dataDir, 'courtrisk.db'));
    const rows = db.prepare("select party_name as name, note from watch_list_entry where list_name = '重点关注当事人' order by party_name").all();
    db.close();
    expect(rows).toEqual([{ name: '关注人己', note: '信访台账' }, { name: '关注人戊', note: '2025 年认定' }]);

    const bad = path.join(dataDir, 'renamed.xlsx');
    fs.writeFileSync(bad, '名称\n王某\n');
    const refused = await courtrisk(dataDir, 'watchlist', 'add', '京01', '重点关注当事人', '--file', bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${bad}：文件不是 Excel 工作簿（.xlsx），无法读取名称`);
  });

  it('deletes a list no enabled rule uses with its names, audited as the CLI, and refuses one a rule uses', async () => {
    const refused = await courtrisk(dataDir, 'watchlist', 'delete', '京01', '职业放贷人名单');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('关注名单「职业放贷人名单」正被启用的规则使用：FIN-PRO-LENDER-01 疑似职业放贷人');

    const deleted = await courtrisk(dataDir, 'watchlist', 'delete', '京01', '重点关注当事人');
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stdout).toContain('已删除关注名单「重点关注当事人」及其中 2 个名称');

    const db = new Database(path.join(dataDir, 'courtrisk.db'));
    const left = db.prepare("select count(*) as n from watch_list_entry where list_name in ('重点关注当事人', '职业放贷人名单') group by list_name").all();
    const lists = db.prepare('select name from watch_list').all();
    const audit = db.prepare("select actor_name as actor, target_id as target, summary from audit_log where action = 'watchlist.delete'").all();
    db.close();
    expect(left).toEqual([{ n: 2 }]);
    expect(lists).toEqual([{ name: '职业放贷人名单' }]);
    expect(audit).toEqual([{ actor: '命令行', target: '重点关注当事人', summary: '删除关注名单「重点关注当事人」及其中 2 个名称' }]);
  });

  it('screens a file with a list read from a file, and with an empty list without it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtrisk-screen-list-'));
    try {
      fs.writeFileSync(path.join(dir, 'cases.csv'), LOAN_CSV);
      fs.writeFileSync(path.join(dir, 'lenders.txt'), '放贷人 甲\n');
      const out = path.join(dir, 'report.jsonl');
      const listed = await run(process.execPath, [BIN, 'screen', path.join(dir, 'cases.csv'), '--watch-list', `职业放贷人名单=${path.join(dir, 'lenders.txt')}`, '--out', out], { env: { ...process.env, DATA_DIR: dir } });
      expect(listed.stdout).toContain('共 2 行，筛查 2 件，格式错误 0 行，命中 1 条预警');
      const findings = fs.readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { row: number; ruleId: string });
      expect(findings.map((f) => [f.row, f.ruleId])).toEqual([[2, 'FIN-PRO-LENDER-01']]);
      const unlisted = await run(process.execPath, [BIN, 'screen', path.join(dir, 'cases.csv')], { env: { ...process.env, DATA_DIR: dir } });
      expect(unlisted.stdout).toContain('命中 0 条预警');
      expect(fs.existsSync(path.join(dir, 'courtrisk.db'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
