import type { WarningView } from '@courtrisk/core';
import type { FormItemRule } from 'element-plus';
import { describe, expect, it } from 'vitest';
import { factorsFor } from '../risks/risk-display';
import { confirmRules, dismissRules, mergeRules } from './rules';
import { mergeTargets, toConfirmInput, type TriageForm } from './useWarningTriage';

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

describe('确认 into the risk register', () => {
  const form = (overrides: Partial<TriageForm> = {}): TriageForm => ({
    reason: '',
    intoWarningId: '',
    riskMode: 'new',
    likelihood: 4,
    impact: 4,
    title: ' 某理财公司涉嫌非法吸收公众存款 ',
    riskId: undefined,
    note: ' 已电话核实 ',
    ...overrides,
  });

  it('registers a new risk with the chosen likelihood × impact and the (trimmed) title', () => {
    expect(toConfirmInput({ version: 3 }, form())).toEqual({
      action: 'confirm',
      version: 3,
      note: '已电话核实',
      risk: { mode: 'new', likelihood: 4, impact: 4, title: '某理财公司涉嫌非法吸收公众存款' },
    });
    expect(toConfirmInput({ version: 3 }, form({ title: '  ' })).risk).toEqual({ mode: 'new', likelihood: 4, impact: 4 });
  });

  it('joins the chosen open risk instead, sending nothing of the new-risk fields', () => {
    expect(toConfirmInput({ version: 1 }, form({ riskMode: 'join', riskId: 'r-42', note: '' }))).toEqual({
      action: 'confirm',
      version: 1,
      note: '',
      risk: { mode: 'join', riskId: 'r-42' },
    });
  });

  it('asks which risk to join, and keeps a new title within 100 characters', () => {
    expect(check(confirmRules, 'riskId', undefined)).toBe('请选择要并入的风险事项');
    expect(check(confirmRules, 'title', '题'.repeat(101))).toBe('风险标题不能超过 100 个字');
    expect(check(confirmRules, 'title', '')).toBeNull();
  });

  it('starts from factors that reproduce the warning’s score, else its level', () => {
    expect(factorsFor(16, 'orange')).toEqual({ likelihood: 4, impact: 4 });
    expect(factorsFor(10, 'yellow')).toEqual({ likelihood: 2, impact: 5 });
    expect(factorsFor(null, 'red')).toEqual({ likelihood: 4, impact: 5 });
    expect(factorsFor(null, 'blue')).toEqual({ likelihood: 1, impact: 3 });
  });
});
