import { describe, expect, it } from 'vitest';
import { compileRulePacks, listReferencedWatchLists, type CompileOptions } from './compile.js';
import type { Screener } from './evaluate.js';
import type { Evidence } from './finding.js';
import { parseRulePack } from './parse-rule-pack.js';
import type { RulePack } from './rule-schema.js';
import type { ScreeningInput, ScreeningParty } from './screening-input.js';

/** A one-rule pack; `body` is YAML indented under the rule (at least `when:`). */
function packWith(body: string, { pack = 'test_pack', domain = 'financial', id = 'T-01' } = {}): RulePack {
  const text = `pack: ${pack}
version: 3
domain: ${domain}
rules:
  - id: ${id}
    version: 2
    title: 测试规则
    subtype: 测试
    source: [{ document: 测试依据, edition: 2024年 }]
    suggestedAction: 研判
${body}`;
  const parsed = parseRulePack(text);
  if (!parsed.ok) throw new Error(parsed.errors.map((error) => error.message).join('\n'));
  return parsed.pack;
}

function compile(packs: readonly RulePack[], options?: CompileOptions): Screener {
  const compiled = compileRulePacks(packs, options);
  if (!compiled.ok) throw new Error(compiled.errors.map((error) => error.message).join('\n'));
  return compiled.screener;
}

/** Screener for one rule of level red with the given `when:` (YAML flow or block, indented 4). */
function ruleScreener(when: string, options?: CompileOptions): Screener {
  return compile([packWith(`    level: red\n    when: ${when}`)], options);
}

function caseWith(overrides: Partial<ScreeningInput> = {}): ScreeningInput {
  return { causes: [], facts: '', claims: '', parties: [], ...overrides };
}

function party(name: string, role: string, kind: ScreeningParty['kind'] = 'natural', flags: string[] = []): ScreeningParty {
  return { name, role, kind, flags };
}

const fires = (screener: Screener, input: ScreeningInput) => screener.screen(input).length > 0;
const evidenceOf = (screener: Screener, input: ScreeningInput): readonly Evidence[] => screener.screen(input)[0]?.evidence ?? [];

describe('keyword conditions', () => {
  it('any: one listed keyword suffices', () => {
    const screener = ruleScreener('{ keywords: { any: [吸收公众存款, 集资] } }');
    expect(fires(screener, caseWith({ facts: '被告人向亲友集资' }))).toBe(true);
    expect(fires(screener, caseWith({ facts: '被告人向银行借款' }))).toBe(false);
  });

  it('all: every keyword must occur, in any of the fields', () => {
    const screener = ruleScreener('{ keywords: { all: [社会公众, 吸收资金] } }');
    expect(fires(screener, caseWith({ facts: '向社会公众宣传', claims: '返还吸收资金' }))).toBe(true);
    expect(fires(screener, caseWith({ facts: '向社会公众宣传' }))).toBe(false);
  });

  it('atLeast: counts distinct keywords, not repeated occurrences', () => {
    const screener = ruleScreener('{ keywords: { atLeast: 2, of: [下线, 层级, 入门费] } }');
    expect(fires(screener, caseWith({ facts: '发展下线，下线再发展下线' }))).toBe(false);
    expect(fires(screener, caseWith({ facts: '缴纳入门费后发展下线' }))).toBe(true);
  });

  it('looks only in the fields listed under `in`', () => {
    const screener = ruleScreener('{ keywords: { in: [claims], any: [扬言自杀] } }');
    expect(fires(screener, caseWith({ facts: '扬言自杀' }))).toBe(false);
    expect(fires(screener, caseWith({ claims: '原告扬言自杀' }))).toBe(true);
  });

  it('searches causes and party names one per line, never across two', () => {
    const byCause = ruleScreener('{ keywords: { in: [causes], any: [借贷纠纷] } }');
    expect(fires(byCause, caseWith({ causes: ['民间借贷纠纷'] }))).toBe(true);
    const acrossLines = ruleScreener('{ keywords: { in: [partyNames], any: [公司张] } }');
    expect(fires(acrossLines, caseWith({ parties: [party('某某公司', '原告', 'legal'), party('张三', '被告')] }))).toBe(false);
    const byName = ruleScreener('{ keywords: { in: [partyNames], any: [投资管理有限公司] } }');
    expect(fires(byName, caseWith({ parties: [party('某某投资管理有限公司', '被告', 'legal')] }))).toBe(true);
  });

  it('folds ASCII case and full-width letters', () => {
    const screener = ruleScreener('{ keywords: { any: [KTV] } }');
    expect(fires(screener, caseWith({ facts: '在ｋｔｖ包厢内' }))).toBe(true);
  });

  it('reports each matched keyword with offsets, occurrence count and a ±30 snippet', () => {
    const facts = `${'甲'.repeat(40)}随意殴打他人，又随意殴打路人${'乙'.repeat(40)}`;
    const [evidence] = evidenceOf(ruleScreener('{ keywords: { any: [随意殴打] } }'), caseWith({ facts }));
    expect(evidence).toEqual({
      kind: 'keyword',
      keyword: '随意殴打',
      field: 'facts',
      start: 40,
      end: 44,
      occurrences: 2,
      snippet: facts.slice(10, 74),
      snippetStart: 10,
    });
  });

  it('widens a snippet rather than split a surrogate pair', () => {
    const facts = `${'甲'.repeat(9)}𠀀${'乙'.repeat(29)}殴打`;
    const [evidence] = evidenceOf(ruleScreener('{ keywords: { any: [殴打] } }'), caseWith({ facts }));
    // 30 units before 殴打 (offset 40) is the low half of 𠀀 (offset 10); the snippet starts at 9
    expect(evidence).toMatchObject({ start: 40, snippetStart: 9 });
    expect((evidence as { snippet: string }).snippet.startsWith('𠀀')).toBe(true);
  });
});

describe('negation context', () => {
  it('voids a hit preceded by a negation cue, unless the condition opts out', () => {
    const negatable = ruleScreener('{ keywords: { any: [殴打] } }');
    const literal = ruleScreener('{ keywords: { any: [殴打], negation: false } }');
    const denied = caseWith({ facts: '被告人否认曾殴打被害人' });
    expect(fires(negatable, denied)).toBe(false);
    expect(fires(literal, denied)).toBe(true);
  });

  it('still fires when another occurrence is not negated, and counts only that one', () => {
    const screener = ruleScreener('{ keywords: { any: [殴打] } }');
    const input = caseWith({ facts: '被告人否认殴打。经查，被告人殴打被害人' });
    expect(evidenceOf(screener, input)).toEqual([expect.objectContaining({ start: 14, occurrences: 1 })]);
  });

  it('uses the negation settings of the rule’s own pack', () => {
    const pack = packWith('    level: red\n    when: { keywords: { any: [寻衅滋事] } }');
    const withHistory: RulePack = { ...pack, negation: { cues: ['曾因'], ignore: [], window: 8 } };
    const input = caseWith({ facts: '被告人曾因寻衅滋事被判刑' });
    expect(fires(compile([pack]), input)).toBe(true);
    expect(fires(compile([withHistory]), input)).toBe(false);
  });
});

describe('proximity (near)', () => {
  const screener = ruleScreener('{ keywords: { any: [殴打], near: { any: [民警], within: 4 } } }');

  it('counts a hit only close to a neighbouring keyword in the same sentence', () => {
    expect(fires(screener, caseWith({ facts: '被告人殴打出警民警' }))).toBe(true);
    expect(fires(screener, caseWith({ facts: '民警到场后，被告人又殴打他人' }))).toBe(false);
    expect(fires(screener, caseWith({ facts: '被告人殴打。民警' }))).toBe(false);
  });

  it('reports the neighbour in the evidence', () => {
    expect(evidenceOf(screener, caseWith({ facts: '被告人殴打出警民警' }))[0]).toMatchObject({ near: { keyword: '民警', start: 7, end: 9 } });
  });
});

describe('exclusions', () => {
  it('veto the rule when any listed word occurs, even after a negation cue', () => {
    const screener = compile([
      packWith('    level: red\n    exclusions: { keywords: [抢劫] }\n    when: { keywords: { any: [殴打] } }'),
    ]);
    expect(fires(screener, caseWith({ facts: '被告人殴打被害人' }))).toBe(true);
    expect(fires(screener, caseWith({ facts: '被告人殴打被害人后抢劫财物' }))).toBe(false);
    expect(fires(screener, caseWith({ facts: '被告人殴打被害人，未抢劫' }))).toBe(false);
  });

  it('with negation: true, spare a rule whose veto word stands in a negation context', () => {
    const screener = compile([
      packWith('    level: red\n    exclusions: { negation: true, keywords: [抢劫] }\n    when: { keywords: { any: [殴打] } }'),
    ]);
    expect(fires(screener, caseWith({ facts: '被告人殴打被害人后抢劫财物' }))).toBe(false);
    expect(fires(screener, caseWith({ facts: '被告人殴打被害人，未抢劫' }))).toBe(true);
  });

  it('look only in the fields they list', () => {
    const screener = compile([
      packWith('    level: red\n    exclusions: { in: [claims], keywords: [撤诉] }\n    when: { keywords: { any: [殴打] } }'),
    ]);
    expect(fires(screener, caseWith({ facts: '殴打，撤诉' }))).toBe(true);
    expect(fires(screener, caseWith({ facts: '殴打', claims: '申请撤诉' }))).toBe(false);
  });
});

describe('case attribute conditions', () => {
  it('cause: exact match by default, hierarchy through the injected lookup', () => {
    const when = '{ cause: [合同、准合同纠纷] }';
    const input = caseWith({ causes: ['民间借贷纠纷'] });
    expect(fires(ruleScreener(when), input)).toBe(false);
    const isCauseWithin = (cause: string, ancestor: string) => cause === ancestor || (ancestor === '合同、准合同纠纷' && cause.endsWith('借贷纠纷'));
    const screener = ruleScreener(when, { isCauseWithin });
    expect(fires(screener, input)).toBe(true);
    expect(evidenceOf(screener, input)).toEqual([{ kind: 'cause', cause: '民间借贷纠纷', within: '合同、准合同纠纷' }]);
  });

  it('caseType and procedure match listed values; an absent value never matches', () => {
    const screener = ruleScreener('{ all: [{ caseType: [民事] }, { procedure: [简易程序, 小额诉讼程序] }] }');
    expect(fires(screener, caseWith({ caseType: '民事', procedure: '小额诉讼程序' }))).toBe(true);
    expect(fires(screener, caseWith({ caseType: '民事', procedure: '普通程序' }))).toBe(false);
    expect(fires(screener, caseWith({ caseType: '民事' }))).toBe(false);
    expect(evidenceOf(screener, caseWith({ caseType: '民事', procedure: '简易程序' }))).toEqual([
      { kind: 'caseType', value: '民事' },
      { kind: 'procedure', value: '简易程序' },
    ]);
  });

  it('amount: compares exact decimals at the boundary and reports the bounds', () => {
    const screener = ruleScreener('{ amount: { gte: "1000000", lt: "5000000.00" } }');
    expect(fires(screener, caseWith({ amount: '999999.99' }))).toBe(false);
    expect(fires(screener, caseWith({ amount: '1000000.00' }))).toBe(true);
    expect(fires(screener, caseWith({ amount: '4999999.999' }))).toBe(true);
    expect(fires(screener, caseWith({ amount: '5000000' }))).toBe(false);
    expect(fires(screener, caseWith())).toBe(false);
    expect(evidenceOf(screener, caseWith({ amount: '1200000' }))).toEqual([{ kind: 'amount', amount: '1200000', bounds: { gte: '1000000', lt: '5000000.00' } }]);
  });

  it('parties: counts parties of the listed roles, kinds and flags', () => {
    const screener = ruleScreener('{ parties: { roles: [原告], kinds: [natural], count: { gte: 10 } } }');
    const plaintiffs = Array.from({ length: 10 }, (_, index) => party(`原告${index}`, '原告'));
    expect(fires(screener, caseWith({ parties: plaintiffs }))).toBe(true);
    expect(fires(screener, caseWith({ parties: plaintiffs.slice(1) }))).toBe(false);
    const mixed = [...plaintiffs.slice(1), party('某公司', '原告', 'legal'), party('被告甲', '被告')];
    expect(fires(screener, caseWith({ parties: mixed }))).toBe(false);
    expect(evidenceOf(screener, caseWith({ parties: plaintiffs }))).toEqual([
      { kind: 'partyCount', count: 10, bounds: { gte: 10 }, filter: { roles: ['原告'], kinds: ['natural'] } },
    ]);
  });

  it('parties: with no count, one matching party suffices; flags match any one flag', () => {
    const screener = ruleScreener('{ parties: { flags: [foreign] } }');
    expect(fires(screener, caseWith({ parties: [party('John Smith', '被告', 'natural', ['foreign'])] }))).toBe(true);
    expect(fires(screener, caseWith({ parties: [party('张三', '被告')] }))).toBe(false);
  });

  it('watchList: matches trimmed party names of the listed roles against a named list', () => {
    const screener = ruleScreener('{ watchList: { list: 职业放贷人名单, roles: [原告] } }', { watchLists: { 职业放贷人名单: [' 王某 '] } });
    expect(fires(screener, caseWith({ parties: [party('王某', '原告')] }))).toBe(true);
    expect(fires(screener, caseWith({ parties: [party('王某', '被告')] }))).toBe(false);
    expect(evidenceOf(screener, caseWith({ parties: [party('王某 ', '原告')] }))).toEqual([{ kind: 'watchList', list: '职业放贷人名单', partyName: '王某 ', role: '原告' }]);
  });

  it('watchList: compares names as the register does, ignoring width, ASCII case, spacing and middle dots', () => {
    const screener = ruleScreener('{ watchList: { list: 职业放贷人名单, roles: [原告] } }', { watchLists: { 职业放贷人名单: ['ＡＢＣ（北京）投资有限公司', '阿卜杜·热合曼'] } });
    expect(fires(screener, caseWith({ parties: [party('abc(北京)投资 有限公司', '原告')] }))).toBe(true);
    expect(fires(screener, caseWith({ parties: [party('阿卜杜•热合曼', '原告')] }))).toBe(true);
    expect(fires(screener, caseWith({ parties: [party('王　某', '原告')] }))).toBe(false);
    expect(evidenceOf(screener, caseWith({ parties: [party('阿卜杜•热合曼', '原告')] }))).toEqual([{ kind: 'watchList', list: '职业放贷人名单', partyName: '阿卜杜•热合曼', role: '原告' }]);
  });

  it('watchList: a reference to a list that was not supplied is a compile error', () => {
    const result = compileRulePacks([packWith('    level: red\n    when: { watchList: { list: 不存在的名单 } }')]);
    expect(result).toEqual({ ok: false, errors: [{ pack: 'test_pack', ruleId: 'T-01', message: '规则 T-01 引用的关注名单“不存在的名单”不存在' }] });
  });

  it('filedOn: inclusive range on YYYY-MM-DD', () => {
    const screener = ruleScreener("{ filedOn: { from: '2024-01-01', to: '2024-12-31' } }");
    expect(fires(screener, caseWith({ filedOn: '2024-01-01' }))).toBe(true);
    expect(fires(screener, caseWith({ filedOn: '2024-12-31' }))).toBe(true);
    expect(fires(screener, caseWith({ filedOn: '2025-01-01' }))).toBe(false);
    expect(fires(screener, caseWith())).toBe(false);
  });
});

describe('combinators', () => {
  const screener = ruleScreener(`
      all:
        - keywords: { any: [集资] }
        - not: { keywords: { any: [亲友], negation: false } }
        - any:
            - amount: { gte: "1000000" }
            - atLeast:
                n: 2
                of:
                  - keywords: { any: [高息] }
                  - keywords: { any: [返利] }
                  - keywords: { any: [公开宣传] }`);

  it.each([
    ['集资，公开宣传，承诺高息', undefined, true],
    ['集资，承诺高息', undefined, false],
    ['集资', '1000000', true],
    ['向亲友集资，公开宣传，承诺高息', undefined, false],
  ])('“%s” with amount %s fires: %s', (facts, amount, expected) => {
    expect(fires(screener, caseWith({ facts, amount }))).toBe(expected);
  });

  it('explains only the branches that hold, and nothing for `not`', () => {
    const evidence = evidenceOf(screener, caseWith({ facts: '集资，公开宣传，承诺高息' }));
    expect(evidence.map((item) => (item.kind === 'keyword' ? item.keyword : item.kind))).toEqual(['集资', '高息', '公开宣传']);
  });
});

describe('findings', () => {
  it('carry rule and pack identity, source and suggested action', () => {
    const [finding] = ruleScreener('{ keywords: { any: [集资] } }').screen(caseWith({ facts: '集资' }));
    expect(finding).toMatchObject({
      ruleId: 'T-01',
      ruleVersion: 2,
      pack: 'test_pack',
      packVersion: 3,
      domain: 'financial',
      subtype: '测试',
      title: '测试规则',
      level: 'red',
      suggestedAction: '研判',
      source: [{ document: '测试依据', edition: '2024年' }],
    });
    expect(finding).not.toHaveProperty('score');
  });

  it.each([
    [4, 5, 'red'],
    [4, 3, 'orange'],
    [2, 3, 'yellow'],
    [1, 5, 'blue'],
  ] as const)('score %i × %i gives level %s under the default bands', (likelihood, impact, level) => {
    const screener = compile([packWith(`    likelihood: ${likelihood}\n    impact: ${impact}\n    when: { keywords: { any: [集资] } }`)]);
    expect(screener.screen(caseWith({ facts: '集资' }))[0]).toMatchObject({ likelihood, impact, score: likelihood * impact, level });
  });

  it('use the score bands passed at compile time', () => {
    const pack = packWith('    likelihood: 3\n    impact: 3\n    when: { keywords: { any: [集资] } }');
    expect(compile([pack], { scoreBands: { red: 9, orange: 6, yellow: 3 } }).screen(caseWith({ facts: '集资' }))[0]?.level).toBe('red');
  });

  it('come most severe first', () => {
    const blue = packWith('    level: blue\n    when: { keywords: { any: [集资] } }', { pack: 'a_pack', id: 'A-01' });
    const red = packWith('    level: red\n    when: { keywords: { any: [集资] } }', { pack: 'b_pack', id: 'B-01' });
    expect(compile([blue, red]).screen(caseWith({ facts: '集资' })).map((finding) => finding.ruleId)).toEqual(['B-01', 'A-01']);
  });
});

describe('compileRulePacks', () => {
  it('skips disabled rules entirely', () => {
    const screener = compile([packWith('    level: red\n    enabled: false\n    when: { keywords: { any: [集资] } }')]);
    expect(screener.ruleCount).toBe(0);
    expect(screener.keywordCount).toBe(0);
    expect(fires(screener, caseWith({ facts: '集资' }))).toBe(false);
  });

  it('rejects a rule id used by two packs', () => {
    const first = packWith('    level: red\n    when: { keywords: { any: [集资] } }', { pack: 'a_pack' });
    const second = packWith('    level: red\n    when: { keywords: { any: [传销] } }', { pack: 'b_pack' });
    expect(compileRulePacks([first, second])).toEqual({ ok: false, errors: [{ pack: 'b_pack', ruleId: 'T-01', message: '规则编号 T-01 已在规则包 a_pack 中使用' }] });
  });

  it('shares one automaton entry between rules that use the same keyword', () => {
    const first = packWith('    level: red\n    when: { keywords: { any: [集资, KTV] } }', { pack: 'a_pack', id: 'A-01' });
    const second = packWith('    level: red\n    when: { keywords: { any: [ktv, 集资] } }', { pack: 'b_pack', id: 'B-01' });
    expect(compile([first, second]).keywordCount).toBe(2);
  });

  it('keeps no hits from one case to the next', () => {
    const screener = ruleScreener('{ keywords: { all: [集资, 高息] } }');
    expect(fires(screener, caseWith({ facts: '集资' }))).toBe(false);
    expect(fires(screener, caseWith({ facts: '集资，高息' }))).toBe(true);
    expect(fires(screener, caseWith({ facts: '高息' }))).toBe(false);
  });

  it('grows its hit buffer for texts with very many hits', () => {
    const screener = ruleScreener('{ keywords: { all: [集资, 高息] } }');
    expect(fires(screener, caseWith({ facts: `${'集资'.repeat(5000)}高息` }))).toBe(true);
  });
});

describe('listReferencedWatchLists', () => {
  it('lists each watch-list named by an enabled rule once, in code-unit order', () => {
    const packs = [
      packWith('    level: red\n    when: { any: [{ watchList: { list: 乙名单 } }, { not: { watchList: { list: 甲名单 } } }] }', { id: 'A-01' }),
      packWith('    level: red\n    when: { watchList: { list: 乙名单 } }', { id: 'B-01', pack: 'other' }),
      packWith('    level: red\n    enabled: false\n    when: { watchList: { list: 丙名单 } }', { id: 'C-01', pack: 'third' }),
    ];
    expect(listReferencedWatchLists(packs)).toEqual(['乙名单', '甲名单']);
  });
});
