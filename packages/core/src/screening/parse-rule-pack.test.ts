import { describe, expect, it } from 'vitest';
import { parseRulePack, parseRulePackFiles, type RulePackError } from './parse-rule-pack.js';

const HEADER = `pack: financial
version: 1
domain: financial
rules:
`;

/** A valid rule at two-space list indentation; `overrides` replaces whole lines by key. */
function ruleYaml(overrides: Record<string, string> = {}): string {
  const lines: Record<string, string> = {
    id: '  - id: FIN-TEST-01',
    version: '    version: 1',
    title: '    title: 测试规则',
    subtype: '    subtype: 非法集资',
    level: '    level: red',
    source: '    source: [{ document: 中华人民共和国刑法, edition: 2020年修正, article: 第一百七十六条 }]',
    suggestedAction: '    suggestedAction: 报风险防控办研判',
    when: '    when: { keywords: { any: [吸收公众存款] } }',
    ...overrides,
  };
  return Object.values(lines).filter((line) => line !== '').join('\n') + '\n';
}

function errorsOf(yamlText: string): RulePackError[] {
  const result = parseRulePack(yamlText);
  if (result.ok) throw new Error('expected validation errors');
  return result.errors;
}

describe('parseRulePack', () => {
  it('returns the validated pack with defaults and tagged conditions', () => {
    const result = parseRulePack(HEADER + ruleYaml());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [rule] = result.pack.rules;
    expect(rule).toMatchObject({ id: 'FIN-TEST-01', enabled: true, level: 'red' });
    expect(rule?.when).toEqual({
      kind: 'keywords',
      fields: ['facts', 'claims'],
      match: 'any',
      count: 1,
      keywords: ['吸收公众存款'],
      negation: true,
      near: undefined,
    });
  });

  it('reports a YAML syntax error with its line and column', () => {
    const [error] = errorsOf('pack: financial\nversion: [1\ndomain: financial\n');
    expect(error).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    expect(error!.message).toContain('YAML 语法错误');
  });

  it('reports an unknown field at its key, naming the allowed fields', () => {
    const errors = errorsOf(HEADER + ruleYaml({ level: '    levle: red' }));
    const error = errors.find((candidate) => candidate.message.includes('未知字段'));
    expect(error).toMatchObject({ line: 9, column: 5, path: 'rules[0]' });
    expect(error!.message).toContain('levle');
    expect(error!.message).toContain('规则 FIN-TEST-01');
  });

  it('reports a missing required field at the object that lacks it', () => {
    const errors = errorsOf(HEADER + ruleYaml({ title: '' }));
    expect(errors).toContainEqual(expect.objectContaining({ path: 'rules[0].title', line: 5, column: 5 }));
    expect(errors.find((error) => error.path === 'rules[0].title')!.message).toMatch(/“标题”.*缺少必填字段/);
  });

  it('reports an invalid level at the value, in Chinese', () => {
    const [error] = errorsOf(HEADER + ruleYaml({ level: '    level: purple' }));
    expect(error).toMatchObject({ line: 9, column: 12, path: 'rules[0].level' });
    expect(error!.message).toContain('red（红）');
  });

  it('reports an empty keyword at the list item', () => {
    const [error] = errorsOf(HEADER + ruleYaml({ when: "    when: { keywords: { any: [集资, ''] } }" }));
    expect(error).toMatchObject({ line: 12, path: 'rules[0].when.keywords.any[1]' });
    expect(error!.message).toContain('关键词不能为空');
  });

  it('reports an unknown condition type once', () => {
    const errors = errorsOf(HEADER + ruleYaml({ when: '    when: { keyword: { any: [集资] } }' }));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('未知的条件类型：keyword');
  });

  it('rejects two condition types in one object', () => {
    const [error] = errorsOf(HEADER + ruleYaml({ when: '    when: { keywords: { any: [集资] }, caseType: [刑事] }' }));
    expect(error!.message).toContain('一个条件只能写一种条件类型');
  });

  it('rejects atLeast larger than the keyword list', () => {
    const [error] = errorsOf(HEADER + ruleYaml({ when: '    when: { keywords: { atLeast: 3, of: [甲, 乙] } }' }));
    expect(error).toMatchObject({ path: 'rules[0].when.keywords.atLeast' });
  });

  it('rejects a level together with likelihood × impact', () => {
    const [error] = errorsOf(HEADER + ruleYaml({ level: '    level: red\n    likelihood: 3\n    impact: 3' }));
    expect(error!.message).toContain('二选一');
  });

  it('requires both likelihood and impact when no level is given', () => {
    const [error] = errorsOf(HEADER + ruleYaml({ level: '    likelihood: 3' }));
    expect(error).toMatchObject({ path: 'rules[0].impact' });
  });

  it('rejects an amount written as a YAML number (it would lose exactness)', () => {
    const [error] = errorsOf(HEADER + ruleYaml({ when: '    when: { amount: { gte: 1000000 } }' }));
    expect(error).toMatchObject({ path: 'rules[0].when.amount.gte' });
    expect(error!.message).toContain('带引号');
  });

  it('rejects an impossible filing date and an inverted range', () => {
    expect(errorsOf(HEADER + ruleYaml({ when: "    when: { filedOn: { from: '2024-02-30' } }" }))[0]!.path).toBe('rules[0].when.filedOn.from');
    expect(errorsOf(HEADER + ruleYaml({ when: "    when: { filedOn: { from: '2024-03-01', to: '2024-02-01' } }" }))[0]!.message).toContain('不能晚于');
  });

  it('reports duplicate rule ids at the second one', () => {
    const errors = errorsOf(HEADER + ruleYaml() + ruleYaml());
    expect(errors).toEqual([expect.objectContaining({ path: 'rules[1].id', line: 13 })]);
    expect(errors[0]!.message).toContain('与第 1 条规则重复');
  });

  it('rejects a rule whose domain differs from the pack', () => {
    const [error] = errorsOf(HEADER + ruleYaml({ subtype: '    subtype: 测试\n    domain: cyber' }));
    expect(error).toMatchObject({ path: 'rules[0].domain' });
  });

  it('rejects a proximity window wider than the evidence snippet', () => {
    const [error] = errorsOf(HEADER + ruleYaml({ when: '    when: { keywords: { any: [殴打], near: { any: [民警], within: 31 } } }' }));
    expect(error).toMatchObject({ path: 'rules[0].when.keywords.near.within' });
  });

  it('rejects a document that is not a mapping', () => {
    const [error] = errorsOf('- 1\n- 2\n');
    expect(error).toMatchObject({ line: 1, column: 1, path: '' });
    expect(error!.message).toContain('规则包应为对象');
  });

  it('refuses to expand an alias bomb', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((name, index) => `${name}: &${name} [${Array(10).fill(`*${'abcdefg'[index]}`).join(', ')}]`)].join('\n');
    expect(errorsOf(bomb)[0]!.message).toContain('alias');
  });
});

describe('parseRulePackFiles', () => {
  it('names the file in every error and keeps the good packs out of a failed result', () => {
    const result = parseRulePackFiles([
      { name: 'good.yaml', text: HEADER + ruleYaml() },
      { name: 'bad.yaml', text: HEADER + ruleYaml({ level: '    level: purple' }) },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([expect.objectContaining({ file: 'bad.yaml', line: 9 })]);
    expect(result.errors[0]!.message.startsWith('bad.yaml 第 9 行')).toBe(true);
  });

  it('returns every pack when all files are valid', () => {
    const result = parseRulePackFiles([{ name: 'a.yaml', text: HEADER + ruleYaml() }]);
    expect(result.ok && result.packs.map((pack) => pack.pack)).toEqual(['financial']);
  });
});
