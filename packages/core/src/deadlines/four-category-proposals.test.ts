import { describe, expect, it } from 'vitest';
import { proposeFourCategories, type FourCategoryFindingInput } from './four-category-proposals.js';
import { FourCategoryLabelInput } from './four-categories.js';

// 法发〔2021〕30号（最高人民法院关于进一步完善“四类案件”监督管理工作机制的指导意见）, categories as
// in LEGAL.md (secondary); 人数众多 = 十人以上 per 民诉法解释(2022年修正) 第七十五条.
const finding = (ruleId: string, domain: string, subtype: string, title = subtype): FourCategoryFindingInput => ({ ruleId, domain, subtype, title });

describe('proposeFourCategories', () => {
  it('proposes nothing for an ordinary sales dispute between two parties', () => {
    expect(proposeFourCategories({ partyCount: 2, findings: [finding('FIN-LENDER-01', 'financial', '民间借贷/职业放贷人')] })).toEqual([]);
  });

  it('maps a complaint that the judge broke the law to category (四)', () => {
    // Written example: 原告诉请中称“举报承办法官收受被告好处、枉法裁判”.
    const [proposal, ...rest] = proposeFourCategories({ partyCount: 2, findings: [finding('INT-JUDGE-COMPLAINT-01', 'internal_management', '四类案件', '反映法官违法审判（四类案件第四类）')] });
    expect(rest).toEqual([]);
    expect(proposal).toEqual({
      category: 'judgeMisconductReported',
      itemCodes: [],
      reasons: ['规则 INT-JUDGE-COMPLAINT-01：反映法官违法审判（四类案件第四类）'],
      ruleIds: ['INT-JUDGE-COMPLAINT-01'],
    });
  });

  it('combines a 非法集资 finding and 150 investors into one (二) proposal with 人数众多', () => {
    // Written example: 一百五十名投资人诉某投资公司，事实中有“向社会公众吸收资金、承诺返利”.
    const proposals = proposeFourCategories({ partyCount: 151, findings: [finding('FIN-FUNDRAISING-01', 'financial', '非法集资', '疑似非法吸收公众存款')] });
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({ category: 'massDisputeOrPublicConcern', itemCodes: ['numerousParties'], ruleIds: ['FIN-FUNDRAISING-01'] });
    expect(proposals[0]!.reasons).toEqual(['规则 FIN-FUNDRAISING-01：疑似非法吸收公众存款', '当事人 151 人（人数众多，一般指十人以上）']);
  });

  it('uses ten parties as the threshold of 人数众多', () => {
    expect(proposeFourCategories({ partyCount: 9, findings: [] })).toEqual([]);
    expect(proposeFourCategories({ partyCount: 10, findings: [] })[0]).toMatchObject({ category: 'massDisputeOrPublicConcern', itemCodes: ['numerousParties'], ruleIds: [] });
  });

  it('proposes (一) 敏感 and (二) 社会广泛关注 for 借案炒作, in the document order of categories and items', () => {
    const proposals = proposeFourCategories({
      partyCount: 3,
      findings: [finding('POL-HYPE-01', 'political_security', '借案炒作/舆论攻击'), finding('INT-SENSITIVE-CASE-01', 'internal_management', '四类案件')],
    });
    expect(proposals.map((p) => [p.category, p.itemCodes])).toEqual([
      ['majorComplexSensitive', ['nationalOrPublicInterest', 'sensitiveMatters']],
      ['massDisputeOrPublicConcern', ['widePublicConcern']],
    ]);
  });

  it('leaves out categories a person already confirmed or rejected', () => {
    const input = { partyCount: 30, findings: [finding('INT-JUDGE-COMPLAINT-01', 'internal_management', '四类案件')] };
    expect(proposeFourCategories(input, new Set(['massDisputeOrPublicConcern'])).map((p) => p.category)).toEqual(['judgeMisconductReported']);
  });

  it('produces proposals the label schema accepts once a reason is written', () => {
    const proposals = proposeFourCategories({ partyCount: 12, findings: [finding('SOC-WAGES-01', 'social_stability', '劳动争议/欠薪'), finding('INT-JUDGE-COMPLAINT-01', 'internal_management', '四类案件')] });
    for (const p of proposals) expect(FourCategoryLabelInput.safeParse({ category: p.category, itemCodes: p.itemCodes, reason: p.reasons.join('；') }).success).toBe(true);
  });
});
