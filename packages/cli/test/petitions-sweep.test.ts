import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../bin/courtrisk.js');

function courtrisk(dataDir: string, ...args: string[]) {
  return run(process.execPath, [BIN, ...args], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

/** `courtrisk petitions sweep` (docs/petitions.md): the daily 信访 clock sweep from the command line. */
describe('courtrisk petitions sweep', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtrisk-cli-petitions-'));
    expect((await courtrisk(dataDir, 'seed-demo')).code).toBe(0);
  }, 120_000);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('sweeps the demo court’s open petitions and reports the counts in Chinese', async () => {
    const result = await courtrisk(dataDir, 'petitions', 'sweep', '--court-code', '示01');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/信访期限巡检完成：法院 1 家，信访件 [1-9]\d* 件/);
  }, 60_000);

  it('names an unknown court code', async () => {
    const result = await courtrisk(dataDir, 'petitions', 'sweep', '--court-code', '无此法院');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('无此法院');
  }, 60_000);
});
