import { describe, expect, it } from 'vitest';
import { FOUR_CATEGORIES, FOUR_CATEGORY_ITEM_CODES, FourCategoryLabelInput, getFourCategory } from './four-categories.js';

describe('四类案件 (法发〔2021〕30号, secondary)', () => {
  it('lists four categories in order, each item code used once', () => {
    expect(FOUR_CATEGORIES.map((category) => category.ordinal)).toEqual(['（一）', '（二）', '（三）', '（四）']);
    const itemCodes = FOUR_CATEGORIES.flatMap((category) => category.items.map((item) => item.code));
    expect(itemCodes.sort()).toEqual([...FOUR_CATEGORY_ITEM_CODES].sort());
  });

  it('finds a category by code', () => {
    expect(getFourCategory('conflictWithPrecedent').label).toContain('类案裁判');
  });

  it.each<[string, unknown, boolean]>([
    ['a category (一) label with a sub-item', { category: 'majorComplexSensitive', itemCodes: ['novelFirstCase'], reason: '首例数据权属纠纷' }, true],
    ['category (三) has no sub-items', { category: 'conflictWithPrecedent', reason: '与本院(2023)某民初1号裁判尺度不一' }, true],
    ['a sub-item from another category', { category: 'majorComplexSensitive', itemCodes: ['numerousParties'], reason: '理由' }, false],
    ['category (二) without a sub-item', { category: 'massDisputeOrPublicConcern', reason: '理由' }, false],
    ['a repeated sub-item', { category: 'majorComplexSensitive', itemCodes: ['novelFirstCase', 'novelFirstCase'], reason: '理由' }, false],
    ['a blank reason', { category: 'judgeMisconductReported', reason: '   ' }, false],
    ['an unknown category', { category: 'fifth', reason: '理由' }, false],
  ])('%s → valid: %s', (_case, input, valid) => {
    expect(FourCategoryLabelInput.safeParse(input).success).toBe(valid);
  });

  it('explains a wrong sub-item in Chinese at its path', () => {
    const result = FourCategoryLabelInput.safeParse({ category: 'majorComplexSensitive', itemCodes: ['numerousParties'], reason: '理由' });
    expect(result.error?.issues[0]).toMatchObject({ path: ['itemCodes', 0], message: expect.stringContaining('不属于（一）') });
  });
});
