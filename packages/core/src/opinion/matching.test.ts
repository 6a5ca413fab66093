import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { courtAliases, createCaseMatcher, DEFAULT_NAME_BOUNDARY_RULES, type MatchableCase, type MatchableCourt } from './matching.js';

const CHAOYANG: MatchableCourt = { id: 'court-cy', name: '示例市朝阳区人民法院', aliases: ['朝阳法院', '朝阳区法院'] };
const HAIDIAN: MatchableCourt = { id: 'court-hd', name: '示例市海淀区人民法院', aliases: ['海淀法院'] };

const person = (name: string) => ({ name, kind: 'natural' as const });
const company = (name: string) => ({ name, kind: 'legal' as const });

// Written examples (no real people or cases).
const cases: MatchableCase[] = [
  { id: 'c-loan', caseNumber: '(2024)示0105民初1234号', courtId: 'court-cy', parties: [person('王伟'), company('示例宏达建材有限公司')], judgeNames: ['刘洋'] },
  { id: 'c-wage', caseNumber: '(2024)示0105民初2001号', courtId: 'court-cy', parties: [person('高明'), person('李秀英')], judgeNames: ['刘洋'] },
  { id: 'c-other', caseNumber: '(2023)示0108民初77号', courtId: 'court-hd', parties: [person('张三丰'), person('张某')], judgeNames: ['陈静'] },
  { id: 'c-peace', caseNumber: '(2024)示0108民初88号', courtId: 'court-hd', parties: [person('平安'), person('赵敏')], judgeNames: ['陈静'] },
];
const matcher = createCaseMatcher({ cases, courts: [CHAOYANG, HAIDIAN] });
const matched = (text: string) => matcher.match(text).map((m) => [m.caseId, m.confidence]);
const partyHits = (text: string) => matcher.match(text).flatMap((m) => m.evidence.filter((e) => e.kind === 'party').map((e) => e.value));

describe('案号 in the text', () => {
  it('finds a 案号 written with full-width brackets and spaces, with its offsets and snippet', () => {
    const text = '网帖称，（2024）示0105民初 1234号案件判决不公。';
    const [match] = matcher.match(text);
    expect(match).toMatchObject({ caseId: 'c-loan', score: 100, confidence: 'high' });
    expect(match?.evidence[0]).toEqual({ kind: 'caseNumber', value: '(2024)示0105民初1234号', start: 4, end: 23, snippet: text, snippetStart: 0 });
  });

  it('ignores a 案号 of no known case and a malformed one', () => {
    expect(matched('(2024)示0105民初9999号 与 (0999)示0105民初1234号')).toEqual([]);
  });
});

describe('party names and the boundary rule', () => {
  it.each([
    // A name followed by a particle, verb or punctuation counts.
    ['原告王伟称法院拖延执行', ['王伟']],
    ['王伟表示不服判决', ['王伟']],
    ['网友爆料：王伟，一名建材商人', ['王伟']],
    ['记者联系到王伟的妻子', ['王伟']],
    // …but not inside a longer name or word.
    ['王伟东在微博发文', []],
    ['小王伟大的梦想', []],
    ['张三丰在微博发文', ['张三丰']],
    ['张三丰收了一批水果', []],
    // A common word needs a role word right before it.
    ['这个手段很高明的', []],
    ['原告高明称工资被拖欠', ['高明']],
    ['祝大家平安，法院公正', []],
    ['被告平安在庭上表示', ['平安']],
    // Masked names never match.
    ['张某在网上发帖', []],
  ])('%j → %j', (text, names) => {
    expect(partyHits(text)).toEqual(names);
  });

  it('matches a long (company) name anywhere', () => {
    expect(partyHits('示例宏达建材有限公司北京分公司拖欠货款')).toEqual(['示例宏达建材有限公司']);
  });
});

describe('scores and candidates', () => {
  it('ranks a case with two parties above one with a single party', () => {
    const text = '原告李秀英与被告高明的劳动争议，另有王伟称其借款未还。';
    expect(matched(text)).toEqual([
      ['c-wage', 'high'],
      ['c-loan', 'low'],
    ]);
  });

  it('adds the court and judge as supporting evidence, never as a candidate on their own', () => {
    expect(matched('朝阳法院刘洋法官审理了多起案件')).toEqual([]);
    const [match] = matcher.match('朝阳法院刘洋法官审理的王伟借款案引发关注');
    expect(match).toMatchObject({ caseId: 'c-loan', score: 30 + 15 + 10, confidence: 'medium' });
    expect(match?.evidence.map((e) => [e.kind, e.value, e.start])).toEqual([
      ['court', '朝阳法院', 0],
      ['judge', '刘洋', 4],
      ['party', '王伟', 11],
    ]);
  });

  it('does not credit a case with another court’s name', () => {
    const [match] = matcher.match('海淀法院审理的王伟借款案');
    expect(match?.evidence.map((e) => e.kind)).toEqual(['party']);
  });

  it('gives medium confidence to a single long party name', () => {
    expect(matched('示例宏达建材有限公司被曝拖欠工资')).toEqual([['c-loan', 'medium']]);
  });
});

describe('properties', () => {
  const fragments = ['原告', '王伟', '高明', '称', '的', '东', '大', '平安', '李秀英', '与', '，', '朝阳法院', '刘洋', '法官', '(2024)示0105民初1234号', '张三丰', '收'];

  it('every piece of evidence quotes exactly the text at its offsets', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        return matcher.match(text).every((m) => m.evidence.every((e) => e.kind === 'caseNumber' || text.slice(e.start, e.end) === e.value));
      }),
    );
  });

  it('a short name directly followed by a Han character outside the right context never matches', () => {
    const followers = [...'东西南北中大小明华强国军平伟丽芳'].filter((c) => !DEFAULT_NAME_BOUNDARY_RULES.rightContext.some((word) => word.startsWith(c)));
    fc.assert(
      fc.property(fc.constantFrom('王伟', '李秀英', '赵敏'), fc.constantFrom(...followers), (name, next) => partyHits(`原告${name}${next}`).length === 0),
    );
  });
});

describe('courtAliases', () => {
  it('gives the short forms the press uses', () => {
    expect(courtAliases('示例市东城区人民法院')).toEqual(['示例市东城区法院', '东城区法院', '东城法院']);
    expect(courtAliases('示例市中级人民法院')).toEqual(['示例市中级法院', '示例市中院', '示例中院']);
    expect(courtAliases('某县人民法院')).toEqual(['某县法院']);
  });
});
