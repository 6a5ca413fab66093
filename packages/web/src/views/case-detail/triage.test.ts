import type { WarningView } from '@courtrisk/core';
import type { FormItemRule } from 'element-plus';
import { describe, expect, it } from 'vitest';
import { dismissRules, mergeRules } from './rules';
import { mergeTargets } from './useWarningTriage';

/** Runs a field's first rule the way Element Plus does; the message, or null when it passes. */
function check(rules: typeof dismissRules, field: string, value: unknown): string | null {
  const rule = ([rules[field]].flat()[0] ?? {}) as FormItemRule;
  let outcome: string | null | undefined;
  rule.validator!(rule, value, (error?: string | Error) => {
    outcome = error ? String(error instanceof Error ? error.message : error) : null;
  }, {}, {});
  if (outcome === undefined) throw new Error('validator never called back');
  return outcome;
}

describe('triage dialog rules', () => {
  it('asks for a reason of at least two characters before a warning is dismissed', () => {
    expect(check(dismissRules, 'reason', '')).toBe('请填写排除理由');
    expect(check(dismissRules, 'reason', '  否 ')).toBe('请填写排除理由');
    expect(check(dismissRules, 'reason', '经核实系亲友间借款，未向社会公众吸收资金')).toBeNull();
  });

  it('caps the reason at 500 characters, as the server does', () => {
    expect(check(dismissRules, 'reason', '理'.repeat(500))).toBeNull();
    expect(check(dismissRules, 'reason', '理'.repeat(501))).toBe('排除理由不能超过 500 字');
  });

  it('asks which warning to merge into', () => {
    expect(check(mergeRules, 'intoWarningId', '')).toBe('请选择要合并到的预警');
    expect(check(mergeRules, 'intoWarningId', 'w2')).toBeNull();
  });
});

describe('mergeTargets', () => {
  const warning = (id: string, status: WarningView['status']) => ({ id, status }) as WarningView;

  it('offers the case’s other open warnings, never the warning itself or closed ones', () => {
    const all = [warning('w1', 'pending'), warning('w2', 'pending'), warning('w3', 'confirmed'), warning('w4', 'dismissed'), warning('w5', 'merged')];
    expect(mergeTargets(all, all[0]!).map((w) => w.id)).toEqual(['w2', 'w3']);
    expect(mergeTargets([all[0]!], all[0]!)).toEqual([]);
  });
});
