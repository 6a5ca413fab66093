import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { auditActionLabel, RISK_ACTIONS, TASK_ACTIONS } from '@courtrisk/core';
import { describe, expect, it } from 'vitest';

const SOURCE = path.resolve(import.meta.dirname, '../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : [],
  );
}

describe('audit action labels', () => {
  it('name in Chinese every action the server writes to the audit log, so the 审计日志 page never shows a code', () => {
    const written = new Set<string>();
    for (const file of sources(SOURCE)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/action: '([a-z_]+\.[a-z_.]+)'/g)) written.add(match[1]!);
    }
    // Actions built from a kind: the lifecycle and task actions, and 转为风险 of the two source warnings.
    for (const action of RISK_ACTIONS) written.add(`risk.${action}`);
    for (const action of TASK_ACTIONS) written.add(`task.${action}`);
    for (const action of ['confirm', 'merge', 'dismiss']) written.add(`warning.${action}`);
    for (const kind of ['petition', 'opinion']) written.add(`${kind}_warning.confirm`);
    expect(written.size).toBeGreaterThan(80);
    expect([...written].filter((action) => !auditActionLabel[action]).sort()).toEqual([]);
  });
});
