import type { FormItemRule } from 'element-plus';
import { describe, expect, it } from 'vitest';
import { describeProblem, problemMarks } from './problems';
import { dryRunRules, saveRules, toDryRunInput } from './rules';

function check(rule: FormItemRule, value: unknown): string | null {
  let outcome: string | null | undefined;
  rule.validator!(rule, value, (error?: string | Error) => {
    outcome = error ? String(error instanceof Error ? error.message : error) : null;
  }, {}, {});
  if (outcome === undefined) throw new Error('validator never called back');
  return outcome;
}

describe('rule problems', () => {
  const problems = [
    { line: 12, column: 5, path: 'rules.0.id', message: '规则编号应为大写字母、数字和连字符' },
    { line: 12, column: null, path: 'rules.0.title', message: '规则标题不能为空' },
    { line: null, column: null, path: 'FIN-X', message: '关键词列表不能为空' },
  ];

  it('says where each problem is, what it is and which path it concerns', () => {
    expect(problems.map(describeProblem)).toEqual([
      '第 12 行第 5 列：规则编号应为大写字母、数字和连字符（rules.0.id）',
      '第 12 行：规则标题不能为空（rules.0.title）',
      '关键词列表不能为空（FIN-X）',
    ]);
  });

  it('does not repeat a place or path the server already wrote into the message', () => {
    const message = '第 13 行第 9 列，规则 fin-deposit-01 的“规则编号”（rules[0].id）：规则编号应为大写字母、数字和连字符';
    expect(describeProblem({ line: 13, column: 9, path: 'rules[0].id', message })).toBe(message);
  });

  it('marks only the problems that have a line', () => {
    expect(problemMarks(problems)).toEqual([
      { line: 12, message: '第 12 行第 5 列：规则编号应为大写字母、数字和连字符（rules.0.id）' },
      { line: 12, message: '第 12 行：规则标题不能为空（rules.0.title）' },
    ]);
  });
});

describe('rule editor forms', () => {
  it('needs a comment of at least two characters to save a version', () => {
    const rule = [saveRules.comment].flat()[0] as FormItemRule;
    expect(check(rule, '')).toBe('请说明本次修改的内容');
    expect(check(rule, '增加保本保息关键词')).toBeNull();
  });

  it('checks a typed amount the way imports do', () => {
    const rule = [dryRunRules.amount].flat()[0] as FormItemRule;
    expect(check(rule, '')).toBeNull();
    expect(check(rule, '15万')).toBeNull();
    expect(check(rule, '很多')).toContain('不是有效数字');
  });

  it('turns the dry-run form into the endpoint’s input', () => {
    expect(toDryRunInput({ facts: '向社会公众吸收资金', claims: '', causes: '民间借贷纠纷、 集资诈骗罪,,', amount: '1.5万' })).toEqual({
      facts: '向社会公众吸收资金',
      claims: '',
      causes: ['民间借贷纠纷', '集资诈骗罪'],
      amount: '15000',
    });
    expect(toDryRunInput({ facts: 'x', claims: '', causes: '', amount: ' ' })).toEqual({ facts: 'x', claims: '', causes: [] });
  });
});
