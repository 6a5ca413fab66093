import { FourCategoryConfirmInput } from '@courtrisk/core';
import { describe, expect, it } from 'vitest';
import { itemsOf, reasonFromProposal } from './useFourCategories';

// 法发〔2021〕30号 categories (LEGAL.md, secondary): （二） has sub-items, （四） has none.
describe('four-category panel helpers', () => {
  it('offers the sub-items of the chosen category only', () => {
    expect(itemsOf('massDisputeOrPublicConcern').map((i) => i.code)).toEqual(['numerousParties', 'widePublicConcern', 'demonstrationEffect', 'otherSocialStability']);
    expect(itemsOf('judgeMisconductReported')).toEqual([]);
  });

  it('pre-fills the reason from the proposal, which then passes the label schema', () => {
    const reason = reasonFromProposal({ reasons: ['规则 INT-JUDGE-COMPLAINT-01：反映法官违法审判', '当事人 13 人（人数众多，一般指十人以上）'] });
    expect(reason).toBe('系统建议：规则 INT-JUDGE-COMPLAINT-01：反映法官违法审判；当事人 13 人（人数众多，一般指十人以上）');
    expect(FourCategoryConfirmInput.safeParse({ category: 'judgeMisconductReported', itemCodes: [], reason }).success).toBe(true);
  });
});
