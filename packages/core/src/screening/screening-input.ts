import { z } from 'zod';
import { DECIMAL_YUAN_PATTERN } from './decimal-yuan.js';
import { PartyKind } from './rule-schema.js';

/** A party as screening sees it: name, procedural role (原告/被告/被告人/…), kind and flags (e.g. 外国人). */
export const ScreeningParty = z.object({
  name: z.string({ error: '当事人姓名或名称必须是文字' }),
  role: z.string({ error: '当事人诉讼地位必须是文字' }),
  kind: PartyKind,
  flags: z.array(z.string({ error: '当事人标记必须是文字' })),
});
export type ScreeningParty = z.infer<typeof ScreeningParty>;

/**
 * What the screening engine reads from a case (PRODUCT.md §3). The case module maps its cases into
 * this shape; an import validates it with this schema, `screen` itself trusts its input.
 */
export const ScreeningInput = z.object({
  /** 案号, e.g. (2024)京0105民初12345号; only carried through, never matched. */
  caseNumber: z.string().optional(),
  /** 民事 / 刑事 / 行政 / 执行 / … */
  caseType: z.string().optional(),
  /** 普通程序 / 简易程序 / 小额诉讼 / 速裁程序 / … */
  procedure: z.string().optional(),
  /** 案由 (civil causes, criminal charges), most specific first. */
  causes: z.array(z.string()),
  /** 事实与理由 / 查明事实. */
  facts: z.string(),
  /** 诉讼请求. */
  claims: z.string(),
  parties: z.array(ScreeningParty),
  /** 标的额 in exact decimal yuan, e.g. "1500000.00". */
  amount: z.string().regex(DECIMAL_YUAN_PATTERN, { error: '标的额应为非负十进制元，如 "1500000.00"' }).optional(),
  /** 立案日期 YYYY-MM-DD. */
  filedOn: z.iso.date({ error: '立案日期格式应为 YYYY-MM-DD' }).optional(),
});
export type ScreeningInput = z.infer<typeof ScreeningInput>;
