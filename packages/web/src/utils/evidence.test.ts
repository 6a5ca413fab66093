import { describe, expect, it } from 'vitest';
import { describeEvidence, keywordRanges, summariseEvidence } from './evidence';

const marked = (line: ReturnType<typeof describeEvidence>) =>
  line.snippet?.map((s) => (s.highlighted ? `[${s.text}]` : s.text)).join('') ?? null;

describe('describeEvidence', () => {
  it('names the keyword, the field and the count, and marks the keyword inside its snippet', () => {
    const line = describeEvidence({
      kind: 'keyword',
      keyword: '还本付息',
      field: 'facts',
      start: 53,
      end: 57,
      occurrences: 2,
      snippet: '承诺年化收益12%，到期还本付息，共吸收资金',
      snippetStart: 41,
    });
    expect(line.label).toBe('关键词');
    expect(line.text).toBe('「还本付息」见于事实与理由，共 2 处');
    expect(marked(line)).toBe('承诺年化收益12%，到期[还本付息]，共吸收资金');
  });

  it('mentions the neighbouring keyword of a proximity hit', () => {
    const line = describeEvidence({
      kind: 'keyword',
      keyword: '跳楼',
      field: 'claims',
      start: 0,
      end: 2,
      occurrences: 1,
      snippet: '跳楼威胁',
      snippetStart: 0,
      near: { keyword: '威胁', start: 2, end: 4 },
    });
    expect(line.text).toBe('「跳楼」见于诉讼请求，邻近「威胁」');
  });

  it('compares amounts in yuan and party counts with the rule’s bounds', () => {
    expect(describeEvidence({ kind: 'amount', amount: '60000000', bounds: { gte: '50000000' } }).text).toBe(
      '标的额 60,000,000.00 元，规则要求不低于 50,000,000.00 元',
    );
    expect(
      describeEvidence({ kind: 'partyCount', count: 12, bounds: { gte: 10, lt: 100 }, filter: { roles: ['原告'], kinds: ['natural'] } }).text,
    ).toBe('原告（自然人）共 12 人，规则要求不少于 10 人且少于 100 人');
    expect(describeEvidence({ kind: 'partyCount', count: 3, bounds: { gt: 2 }, filter: {} }).text).toBe('当事人共 3 人，规则要求多于 2 人');
  });

  it('describes cause, type, watch-list and date evidence', () => {
    expect(describeEvidence({ kind: 'cause', cause: '民间借贷纠纷', within: '借款合同纠纷' }).text).toBe(
      '案由「民间借贷纠纷」属于「借款合同纠纷」',
    );
    expect(describeEvidence({ kind: 'cause', cause: '集资诈骗罪', within: '集资诈骗罪' }).text).toBe('案由「集资诈骗罪」');
    expect(describeEvidence({ kind: 'caseType', value: '刑事' })).toEqual({ label: '案件类型', text: '为「刑事」', snippet: null });
    expect(describeEvidence({ kind: 'watchList', list: '重点关注', partyName: '某公司', role: '被告' }).text).toBe(
      '被告「某公司」在关注名单「重点关注」中',
    );
    expect(describeEvidence({ kind: 'filedOn', filedOn: '2024-03-05', from: '2024-01-01' }).text).toBe(
      '立案日期 2024-03-05，规则范围 2024-01-01 至 不限',
    );
  });

  it('still shows something readable for a kind it does not know', () => {
    expect(describeEvidence({ kind: 'surge', cases: 40 })).toEqual({ label: 'surge', text: '{"cases":40}', snippet: null });
  });
});

describe('summariseEvidence', () => {
  const keyword = (word: string, field: string, occurrences = 1) => ({
    kind: 'keyword',
    keyword: word,
    field,
    start: 0,
    end: word.length,
    occurrences,
    snippet: word,
    snippetStart: 0,
  });

  it('groups keyword hits per field, facts before claims, and keeps the other evidence after them', () => {
    const rows = summariseEvidence([
      keyword('投资款', 'claims'),
      { kind: 'amount', amount: '60000000', bounds: { gte: '50000000' } },
      keyword('社会公众', 'facts'),
      keyword('还本付息', 'facts', 3),
    ]);
    expect(rows.map((row) => (row.kind === 'keywords' ? [row.field, row.keywords] : row.line.label))).toEqual([
      ['事实与理由', [{ keyword: '社会公众', occurrences: 1 }, { keyword: '还本付息', occurrences: 3 }]],
      ['诉讼请求', [{ keyword: '投资款', occurrences: 1 }]],
      '标的额',
    ]);
    const facts = rows[0]!;
    expect(facts.kind === 'keywords' && facts.hits.map((hit) => hit.text)).toEqual(['「社会公众」见于事实与理由', '「还本付息」见于事实与理由，共 3 处']);
  });

  it('gives nothing for no evidence', () => {
    expect(summariseEvidence([])).toEqual([]);
  });
});

describe('keywordRanges', () => {
  const warning = {
    ruleId: 'FIN-DEPOSIT-01',
    title: '疑似非法吸收公众存款',
    level: 'orange' as const,
    evidence: [
      { kind: 'keyword', keyword: '社会公众', field: 'facts', start: 29, end: 33 },
      { kind: 'keyword', keyword: '投资款', field: 'claims', start: 6, end: 9 },
      { kind: 'amount', amount: '1', bounds: { gte: '1' } },
    ],
  };

  it('takes only the keyword hits of the asked field, each noting its rule', () => {
    expect(keywordRanges([warning], 'facts')).toEqual([
      { start: 29, end: 33, note: 'FIN-DEPOSIT-01 疑似非法吸收公众存款（关键词「社会公众」）', level: 'orange' },
    ]);
    expect(keywordRanges([warning], 'claims').map((r) => [r.start, r.end])).toEqual([[6, 9]]);
  });

  it('marks a dismissed warning’s hits without a level colour and says it was dismissed', () => {
    expect(keywordRanges([{ ...warning, status: 'dismissed' }], 'facts')).toEqual([
      { start: 29, end: 33, note: 'FIN-DEPOSIT-01 疑似非法吸收公众存款（关键词「社会公众」）（已排除）', level: undefined },
    ]);
  });

  it('marks the neighbouring keyword of a proximity hit as well', () => {
    const near = { ...warning, evidence: [{ kind: 'keyword', keyword: '跳楼', field: 'facts', start: 10, end: 12, near: { keyword: '威胁', start: 14, end: 16 } }] };
    expect(keywordRanges([near], 'facts').map((r) => [r.start, r.end])).toEqual([
      [10, 12],
      [14, 16],
    ]);
  });
});
