import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseDateTimeCell, OpinionImportRow, OpinionItemInput, OpinionMatchDecisionInput, OpinionResponseInput } from '../contracts/opinion.js';
import { compileRulePacks } from '../screening/compile.js';
import { parseRulePackFiles } from '../screening/parse-rule-pack.js';
import { opinionScreeningInput } from './screening.js';

const messages = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message);
const CASE_ID = '6f1c1a8e-8d6b-4c1e-9a51-0a4c2a0f3b11';

describe('OpinionItemInput', () => {
  const valid = { sourceKind: 'weibo', sourceName: '示例网友', title: '执行拖延', text: '网帖称法院执行拖延。', publishedAt: '2024-05-01T08:30:00+08:00' };

  it('accepts an item with a first metrics snapshot', () => {
    const metrics = { capturedAt: '2024-05-01T10:00:00+08:00', reads: 1200, reposts: 3, comments: 8, likes: 10 };
    expect(OpinionItemInput.parse({ ...valid, metrics, url: 'https://example.com/p/1' })).toMatchObject({ metrics, url: 'https://example.com/p/1' });
  });

  it('names the bad fields in Chinese', () => {
    const result = OpinionItemInput.safeParse({ ...valid, sourceKind: 'fax', url: 'ftp://x', publishedAt: '2024-05-01 08:30', metrics: { capturedAt: '2024-05-01T10:00:00Z', reads: -1, reposts: 1.5, comments: 0, likes: 0 } });
    expect(messages(result)).toEqual([
      '来源类型应为微博、微信、抖音、快手、今日头条、哔哩哔哩、新闻网站、论坛社区、其他之一',
      '链接应为 http 或 https 网址',
      '发布时间格式应为带时区的 ISO 8601，如 2024-06-01T09:30:00+08:00',
      '阅读数不能为负',
      '转发数必须是整数',
    ]);
  });
});

describe('match decisions and responses', () => {
  it('requires a reason to reject a suggested case', () => {
    expect(messages(OpinionMatchDecisionInput.safeParse({ caseId: CASE_ID, decision: 'reject' }))).toEqual(['排除关联请说明理由']);
    expect(OpinionMatchDecisionInput.safeParse({ caseId: CASE_ID, decision: 'confirm' }).success).toBe(true);
  });

  it('names the response fields', () => {
    expect(messages(OpinionResponseInput.safeParse({ respondedAt: '2024-05-01T12:00:00+08:00', channel: 'statement', content: '', responder: '' }))).toEqual(['请填写回应内容', '请填写回应部门或人员']);
  });
});

describe('OpinionImportRow', () => {
  it.each([
    ['2024-05-01 08:30', '2024-05-01T08:30:00+08:00'],
    ['2024/5/1 8:30:15', '2024-05-01T08:30:15+08:00'],
    ['2024年5月1日', '2024-05-01T00:00:00+08:00'],
    ['2024-05-01T00:30:00Z', '2024-05-01T00:30:00Z'],
    ['2024-02-30 08:00', undefined],
    ['2024-05-01 24:00', undefined],
    ['昨天', undefined],
  ])('reads the time %j as %j (Beijing time)', (cell, expected) => {
    expect(normaliseDateTimeCell(cell)).toBe(expected);
  });

  it('maps labels, times and metrics (1.2万 = 12000)', () => {
    const row = { sourceKind: '抖音', sourceName: '示例号', url: '', title: '标题', text: '正文', author: '', publishedAt: '2024-05-01 08:30', reads: '1.2万', reposts: '1,024', comments: '', likes: '7' };
    expect(OpinionImportRow.parse(row)).toEqual({
      sourceKind: 'douyin',
      sourceName: '示例号',
      title: '标题',
      text: '正文',
      publishedAt: '2024-05-01T08:30:00+08:00',
      reads: 12000,
      reposts: 1024,
      comments: 0,
      likes: 7,
    });
  });

  it('reports every bad cell, naming the column', () => {
    const row = { sourceKind: '传真', sourceName: '示例号', title: '标题', text: '正文', publishedAt: '前天', reads: '很多' };
    expect(messages(OpinionImportRow.safeParse(row))).toEqual([
      '来源类型“传真”不在可选范围内（微博/微信/抖音/快手/今日头条/哔哩哔哩/新闻网站/论坛社区/其他）',
      '发布时间“前天”不是时间（如 2024-05-01 08:30）',
      '阅读“很多”应为非负整数（可写 1.2万）',
    ]);
  });
});

describe('opinionScreeningInput', () => {
  it('lets the default political-security and social-stability packs screen item text', () => {
    const rulesDir = new URL('../../rules/', import.meta.url);
    const files = readdirSync(rulesDir).filter((name) => name.endsWith('.yaml')).map((name) => ({ name, text: readFileSync(new URL(name, rulesDir), 'utf8') }));
    const parsed = parseRulePackFiles(files);
    if (!parsed.ok) throw new Error('default packs do not parse');
    const compiled = compileRulePacks(parsed.packs, { watchLists: { 职业放贷人名单: [] } });
    if (!compiled.ok) throw new Error('default packs do not compile');
    const findings = compiled.screener.screen(opinionScreeningInput({ title: '声援团集结', text: '有人借案炒作，号召网友串联上访。' }));
    expect(findings.map((finding) => [finding.ruleId, finding.domain])).toContainEqual(['POL-HYPE-01', 'political_security']);
  });
});
