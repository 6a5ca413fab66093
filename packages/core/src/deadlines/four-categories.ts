import { z } from 'zod';
import type { LegalCitation } from './procedures.js';

/**
 * 四类案件 — 法发〔2021〕30号 (secondary: wording from LEGAL.md, not checked against the official
 * text). Such cases are labelled, supervised by 院庭长 throughout, and every step is recorded (全程留痕).
 */
export const FOUR_CATEGORIES_CITATION: LegalCitation = {
  law: '法发〔2021〕30号',
  edition: '2021年',
  article: '“四类案件”范围',
  status: 'secondary',
};

export const FOUR_CATEGORY_CODES = ['majorComplexSensitive', 'massDisputeOrPublicConcern', 'conflictWithPrecedent', 'judgeMisconductReported'] as const;
export type FourCategoryCode = (typeof FOUR_CATEGORY_CODES)[number];

export const FOUR_CATEGORY_ITEM_CODES = [
  'nationalOrPublicInterest',
  'disputedFactsOrLaw',
  'novelFirstCase',
  'generalGuidance',
  'sensitiveMatters',
  'numerousParties',
  'widePublicConcern',
  'demonstrationEffect',
  'otherSocialStability',
] as const;
export type FourCategoryItemCode = (typeof FOUR_CATEGORY_ITEM_CODES)[number];

export interface FourCategoryItem {
  code: FourCategoryItemCode;
  label: string;
  /** True when the item is our catch-all for wording LEGAL.md elides (“…”). */
  unconfirmed: boolean;
}

export interface FourCategory {
  code: FourCategoryCode;
  /** （一）…（四）as in the document. */
  ordinal: string;
  label: string;
  /** Sub-items; a category without sub-items is labelled as a whole. */
  items: readonly FourCategoryItem[];
}

const item = (code: FourCategoryItemCode, label: string, unconfirmed = false): FourCategoryItem => ({ code, label, unconfirmed });

/** The four categories and their sub-items, in the document's order. */
export const FOUR_CATEGORIES: readonly FourCategory[] = [
  {
    code: 'majorComplexSensitive',
    ordinal: '（一）',
    label: '重大、疑难、复杂、敏感的',
    items: [
      item('nationalOrPublicInterest', '涉及国家利益、社会公共利益的'),
      item('disputedFactsOrLaw', '对事实认定或者法律适用存在较大争议的'),
      item('novelFirstCase', '具有首案效应的新类型案件'),
      item('generalGuidance', '具有普遍法律适用指导意义的'),
      item('sensitiveMatters', '涉及国家安全、外交、民族、宗教等敏感案件'),
    ],
  },
  {
    code: 'massDisputeOrPublicConcern',
    ordinal: '（二）',
    label: '涉及群体性纠纷或者引发社会广泛关注，可能影响社会稳定的',
    items: [
      item('numerousParties', '当事人或者被害人人数众多，可能引发群体性事件的'),
      item('widePublicConcern', '可能或者已经引发社会广泛关注，存在激化社会矛盾风险的'),
      item('demonstrationEffect', '具有示范效应、可能引发后续批量诉讼的'),
      item('otherSocialStability', '其他可能影响社会稳定的情形', true),
    ],
  },
  {
    code: 'conflictWithPrecedent',
    ordinal: '（三）',
    label: '与本院或者上级人民法院的类案裁判可能发生冲突的',
    items: [],
  },
  {
    code: 'judgeMisconductReported',
    ordinal: '（四）',
    label: '有关单位或者个人反映法官有违法审判行为的',
    items: [],
  },
];

const categoryByCode = new Map(FOUR_CATEGORIES.map((category) => [category.code, category]));

/** The category with `code` (every code in {@link FOUR_CATEGORY_CODES} has one). */
export function getFourCategory(code: FourCategoryCode): FourCategory {
  const category = categoryByCode.get(code);
  if (category === undefined) throw new RangeError(`Unknown 四类案件 category: ${code}`);
  return category;
}

/**
 * A person's labelling of a case as one 四类案件 category (proposed by screening, confirmed by a
 * person). Sub-items must belong to the category; a category that has sub-items needs at least one;
 * the reason is required because every label is recorded (全程留痕).
 */
export const FourCategoryLabelInput = z
  .object({
    category: z.enum(FOUR_CATEGORY_CODES, { message: '请选择四类案件类别' }).describe('类别'),
    itemCodes: z.array(z.enum(FOUR_CATEGORY_ITEM_CODES)).max(FOUR_CATEGORY_ITEM_CODES.length).default([]).describe('具体情形'),
    reason: z.string().trim().min(1, { message: '请填写标注理由' }).max(1000, { message: '标注理由不能超过 1000 个字符' }).describe('标注理由'),
  })
  .superRefine((input, ctx) => {
    const category = getFourCategory(input.category);
    const allowed = new Set(category.items.map((candidate) => candidate.code));
    input.itemCodes.forEach((code, index) => {
      if (!allowed.has(code)) {
        ctx.addIssue({ code: 'custom', path: ['itemCodes', index], message: `该情形不属于${category.ordinal}${category.label}` });
      }
    });
    if (new Set(input.itemCodes).size !== input.itemCodes.length) {
      ctx.addIssue({ code: 'custom', path: ['itemCodes'], message: '具体情形重复' });
    }
    if (allowed.size > 0 && input.itemCodes.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['itemCodes'], message: '请至少选择一项具体情形' });
    }
  });
export type FourCategoryLabelInput = z.infer<typeof FourCategoryLabelInput>;
