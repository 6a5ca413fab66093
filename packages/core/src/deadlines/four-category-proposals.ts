import type { FourCategoryCode, FourCategoryItemCode } from './four-categories.js';
import { FOUR_CATEGORY_CODES, getFourCategory } from './four-categories.js';

/** A screening finding (an active warning) as the proposal mapping reads it. */
export interface FourCategoryFindingInput {
  ruleId: string;
  domain: string;
  subtype: string;
  title: string;
}

/** One proposed label: a category, its sub-items and why. A person confirms or rejects it. */
export interface FourCategoryProposal {
  category: FourCategoryCode;
  itemCodes: FourCategoryItemCode[];
  /** One line per signal, e.g. “规则 INT-JUDGE-COMPLAINT-01：反映法官违法审判”. */
  reasons: string[];
  /** The rule ids behind the proposal (empty for the party-count signal alone). */
  ruleIds: string[];
}

interface MappingRule {
  /** Matches a finding. */
  matches: (finding: FourCategoryFindingInput) => boolean;
  category: FourCategoryCode;
  items: FourCategoryItemCode[];
}

/**
 * Which screening findings suggest which 四类案件 category (法发〔2021〕30号, wording as in LEGAL.md,
 * secondary). Decision: proposals are derived from the findings of the existing rule packs rather
 * than a second rule pack, so one set of tested keywords feeds both the warning and the label; the
 * mapping only says what a finding means for the 四类 list, and a person always confirms.
 */
const MAPPING: readonly MappingRule[] = [
  // INT-JUDGE-COMPLAINT-01 is written for （四）有关单位或者个人反映法官有违法审判行为的.
  { matches: (f) => f.ruleId === 'INT-JUDGE-COMPLAINT-01', category: 'judgeMisconductReported', items: [] },
  // INT-SENSITIVE-CASE-01: 国家利益、社会公共利益 (（一）first item).
  { matches: (f) => f.ruleId === 'INT-SENSITIVE-CASE-01', category: 'majorComplexSensitive', items: ['nationalOrPublicInterest'] },
  // 政治安全 findings (涉恐、涉分裂、邪教、涉外敏感…) are 涉及国家安全、外交、民族、宗教等敏感案件.
  { matches: (f) => f.domain === 'political_security', category: 'majorComplexSensitive', items: ['sensitiveMatters'] },
  // 借案炒作 / 舆论攻击: 可能或者已经引发社会广泛关注.
  { matches: (f) => f.subtype.includes('舆论') || f.subtype.includes('炒作'), category: 'massDisputeOrPublicConcern', items: ['widePublicConcern'] },
  // 群体性纠纷 / 群体性事件 and 涉众 financial cases: 当事人或者被害人人数众多，可能引发群体性事件.
  {
    matches: (f) => f.subtype.includes('群体性') || f.subtype === '非法集资' || f.subtype === '涉众债务',
    category: 'massDisputeOrPublicConcern',
    items: ['numerousParties'],
  },
  // Mass-claim areas likely to be followed by batches of similar suits: 具有示范效应、可能引发后续批量诉讼.
  { matches: (f) => ['劳动争议/欠薪', '涉房地产', '征地拆迁'].includes(f.subtype), category: 'massDisputeOrPublicConcern', items: ['demonstrationEffect'] },
];

/** 人数众多 = 一般十人以上 (最高人民法院关于适用《中华人民共和国民事诉讼法》的解释(2022年修正) 第七十五条, secondary). */
export const NUMEROUS_PARTIES_THRESHOLD = 10;

/**
 * Proposes 四类案件 labels for a case from its active screening findings and its party count.
 * Categories in `settled` (already confirmed or rejected by a person) are not proposed again.
 * Returns one proposal per category in the document's order, sub-items in the category's order.
 */
export function proposeFourCategories(
  input: { partyCount: number; findings: readonly FourCategoryFindingInput[] },
  settled: ReadonlySet<FourCategoryCode> = new Set(),
): FourCategoryProposal[] {
  const byCategory = new Map<FourCategoryCode, { items: Set<FourCategoryItemCode>; reasons: string[]; ruleIds: Set<string> }>();
  const entry = (category: FourCategoryCode) => {
    let found = byCategory.get(category);
    if (!found) byCategory.set(category, (found = { items: new Set(), reasons: [], ruleIds: new Set() }));
    return found;
  };
  for (const finding of input.findings) {
    for (const rule of MAPPING) {
      if (!rule.matches(finding)) continue;
      const target = entry(rule.category);
      rule.items.forEach((item) => target.items.add(item));
      if (!target.ruleIds.has(finding.ruleId)) target.reasons.push(`规则 ${finding.ruleId}：${finding.title}`);
      target.ruleIds.add(finding.ruleId);
    }
  }
  if (input.partyCount >= NUMEROUS_PARTIES_THRESHOLD) {
    const target = entry('massDisputeOrPublicConcern');
    target.items.add('numerousParties');
    target.reasons.push(`当事人 ${input.partyCount} 人（人数众多，一般指十人以上）`);
  }
  return FOUR_CATEGORY_CODES.flatMap((category) => {
    const found = byCategory.get(category);
    if (!found || settled.has(category)) return [];
    const order = getFourCategory(category).items.map((item) => item.code);
    return [{ category, itemCodes: order.filter((code) => found.items.has(code)), reasons: found.reasons, ruleIds: [...found.ruleIds] }];
  });
}
