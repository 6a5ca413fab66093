import { z } from 'zod';
import { DECIMAL_YUAN_PATTERN } from './decimal-yuan.js';

/**
 * Rule packs (PRODUCT.md §6): rules are data, written in YAML by administrators, validated here and
 * compiled by `compileRulePacks`. One pack per risk domain (PRODUCT.md §2). The YAML shape is
 * documented with examples in docs/screening.md.
 */

/** The five risk domains of PRODUCT.md §2, keyed as in shared/data/mapping.json. */
export const RISK_DOMAINS = ['political_security', 'social_stability', 'financial', 'cyber', 'internal_management'] as const;
export const RiskDomain = z.enum(RISK_DOMAINS, { error: `风险领域应为 ${RISK_DOMAINS.join('、')} 之一` });
export type RiskDomain = z.infer<typeof RiskDomain>;

export const riskDomainLabel: Record<RiskDomain, string> = {
  political_security: '政治安全',
  social_stability: '社会稳定',
  financial: '金融',
  cyber: '网络安全',
  internal_management: '内部管理',
};

/** Levels in the order and colours of 突发事件应对法 (2024) Art. 63, most severe first. */
export const RISK_LEVELS = ['red', 'orange', 'yellow', 'blue'] as const;
export const RiskLevel = z.enum(RISK_LEVELS, { error: '等级应为 red（红）、orange（橙）、yellow（黄）、blue（蓝）之一' });
export type RiskLevel = z.infer<typeof RiskLevel>;

/** The case text fields a keyword condition can look in (party names are joined one per line). */
export const TEXT_FIELDS = ['facts', 'claims', 'causes', 'partyNames'] as const;
export const TextField = z.enum(TEXT_FIELDS, { error: `文本字段应为 ${TEXT_FIELDS.join('、')} 之一` });
export type TextField = z.infer<typeof TextField>;

/** 自然人 / 法人 / 非法人组织 / 国家机关. */
export const PARTY_KINDS = ['natural', 'legal', 'other_org', 'state_organ'] as const;
export const PartyKind = z.enum(PARTY_KINDS, { error: `当事人类型应为 ${PARTY_KINDS.join('、')} 之一` });
export type PartyKind = z.infer<typeof PartyKind>;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/**
 * `z.strictObject` whose two object-level errors are in Chinese: not an object, or a misspelt /
 * unknown field (the list of allowed fields helps the administrator fix the typo).
 */
function strictObject<Shape extends z.core.$ZodLooseShape>(shape: Shape, what: string) {
  const allowed = Object.keys(shape).join('、');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `${what}中有未知字段：${issue.keys.join('、')}（可用字段：${allowed}）` : `${what}应为对象（键: 值）`,
  });
}

const Keyword = z
  .string({ error: '关键词必须是文字' })
  .min(1, { error: '关键词不能为空' })
  .max(64, { error: '关键词不能超过 64 个字符' })
  .refine((keyword) => !CONTROL_CHARACTER.test(keyword), { error: '关键词不能包含换行或控制字符' })
  .refine((keyword) => !LONE_SURROGATE.test(keyword), { error: '关键词包含不完整的 Unicode 字符' });
const KeywordList = z.array(Keyword, { error: '关键词应为列表' }).min(1, { error: '关键词列表不能为空' });

const Label = (what: string) => z.string({ error: `${what}必须是文字` }).trim().min(1, { error: `${what}不能为空` });
const LabelList = (what: string) => z.array(Label(what), { error: `${what}应为列表` }).min(1, { error: `${what}列表不能为空` });

const DecimalYuan = z
  .string({ error: '金额必须写成带引号的十进制元，如 "1000000.00"' })
  .regex(DECIMAL_YUAN_PATTERN, { error: '金额格式不正确，应为非负十进制元，如 "1000000" 或 "1500.50"' });

const IsoDate = z.iso.date({ error: '日期格式应为 YYYY-MM-DD 且为有效日期' });

const Count = z.number({ error: '人数必须是数字' }).int({ error: '人数必须是整数' }).min(0, { error: '人数不能为负' });

/** Inclusive/exclusive bounds; at least one is required. */
function bounds<T extends z.ZodType>(value: T, what: string) {
  return strictObject({ gte: value.optional(), gt: value.optional(), lte: value.optional(), lt: value.optional() }, what)
    .refine((range) => Object.values(range).some((bound) => bound !== undefined), {
      error: `${what}至少需要 gte、gt、lte、lt 之一`,
    });
}

export const AmountBounds = bounds(DecimalYuan, '金额范围');
export type AmountBounds = z.infer<typeof AmountBounds>;
export const CountBounds = bounds(Count, '人数范围');
export type CountBounds = z.infer<typeof CountBounds>;

export type ComparisonOperator = keyof AmountBounds;

/** Keyword condition over text fields: `any` of the words, `all` of them, or `atLeast` N distinct ones `of` a list. */
export interface KeywordCondition {
  readonly kind: 'keywords';
  readonly fields: readonly TextField[];
  readonly match: 'any' | 'all' | 'atLeast';
  readonly count: number;
  readonly keywords: readonly string[];
  /** Whether a negation cue before a hit voids it (pack `negation` settings). */
  readonly negation: boolean;
  /**
   * Proximity: a hit counts only when one of these keywords occurs in the same field no more than
   * `within` code units away (gap between the two occurrences; overlapping counts as 0).
   */
  readonly near?: { readonly keywords: readonly string[]; readonly within: number } | undefined;
}

export interface PartyFilter {
  readonly roles?: readonly string[] | undefined;
  readonly kinds?: readonly PartyKind[] | undefined;
  readonly flags?: readonly string[] | undefined;
}

/** A rule's trigger condition, as the compiler sees it after validation. */
export type Condition =
  | { readonly kind: 'all' | 'any'; readonly conditions: readonly Condition[] }
  | { readonly kind: 'not'; readonly condition: Condition }
  | { readonly kind: 'atLeast'; readonly count: number; readonly conditions: readonly Condition[] }
  | KeywordCondition
  | { readonly kind: 'cause'; readonly causes: readonly string[] }
  | { readonly kind: 'caseType' | 'procedure'; readonly values: readonly string[] }
  | { readonly kind: 'amount'; readonly bounds: AmountBounds }
  | { readonly kind: 'parties'; readonly filter: PartyFilter; readonly bounds: CountBounds }
  | { readonly kind: 'watchList'; readonly list: string; readonly filter: PartyFilter }
  | { readonly kind: 'filedOn'; readonly from?: string | undefined; readonly to?: string | undefined };

const DEFAULT_KEYWORD_FIELDS: readonly TextField[] = ['facts', 'claims'];

const KeywordSpec = strictObject(
  {
    in: z.array(TextField, { error: '查找字段 in 应为列表，如 [facts, claims]' }).min(1).optional(),
    any: KeywordList.optional(),
    all: KeywordList.optional(),
    atLeast: z.number({ error: 'atLeast 必须是数字' }).int().min(1, { error: 'atLeast 至少为 1' }).optional(),
    of: KeywordList.optional(),
    negation: z.boolean({ error: 'negation 应为 true 或 false' }).optional(),
    near: strictObject(
      {
        any: KeywordList,
        within: z.number({ error: 'within 必须是数字' }).int({ error: 'within 必须是整数' }).min(0, { error: 'within 不能为负' }).max(30, { error: 'within 不能超过 30（证据片段为前后 30 字）' }),
      },
      '邻近条件 near',
    ).optional(),
  },
  '关键词条件',
)
  .superRefine((spec, ctx) => {
    const forms = [spec.any, spec.all, spec.of].filter((list) => list !== undefined).length;
    if (forms !== 1 || (spec.of === undefined) !== (spec.atLeast === undefined)) {
      ctx.addIssue({ code: 'custom', message: '关键词条件应且只应写 any、all 或 atLeast + of 中的一种' });
    } else if (spec.of !== undefined && spec.atLeast !== undefined && spec.atLeast > spec.of.length) {
      ctx.addIssue({ code: 'custom', path: ['atLeast'], message: `atLeast（${spec.atLeast}）不能大于 of 中关键词的个数（${spec.of.length}）` });
    }
  })
  .transform((spec): KeywordCondition => {
    const common = {
      kind: 'keywords' as const,
      fields: spec.in ?? DEFAULT_KEYWORD_FIELDS,
      negation: spec.negation ?? true,
      near: spec.near && { keywords: spec.near.any, within: spec.near.within },
    };
    if (spec.any) return { ...common, match: 'any', count: 1, keywords: spec.any };
    if (spec.all) return { ...common, match: 'all', count: spec.all.length, keywords: spec.all };
    return { ...common, match: 'atLeast', count: spec.atLeast!, keywords: spec.of! };
  });

const PartyFilterSpec = {
  roles: LabelList('当事人诉讼地位').optional(),
  kinds: z.array(PartyKind).min(1, { error: '当事人类型列表不能为空' }).optional(),
  flags: LabelList('当事人标记').optional(),
};

const CONDITION_KINDS = ['all', 'any', 'not', 'atLeast', 'keywords', 'cause', 'caseType', 'procedure', 'amount', 'parties', 'watchList', 'filedOn'] as const;

// Every condition is an object with exactly one key naming its kind; the schema checks that and
// turns it into the tagged `Condition` the compiler switches on.
export const Condition: z.ZodType<Condition, unknown> = z.lazy(() =>
  z
    .strictObject(
      {
        all: z.array(Condition, { error: 'all 应为条件列表' }).min(1, { error: 'all 不能为空' }).optional(),
        any: z.array(Condition, { error: 'any 应为条件列表' }).min(1, { error: 'any 不能为空' }).optional(),
        not: Condition.optional(),
        atLeast: strictObject(
          {
            n: z.number({ error: 'n 必须是数字' }).int().min(1, { error: 'n 至少为 1' }),
            of: z.array(Condition, { error: 'of 应为条件列表' }).min(1, { error: 'of 不能为空' }),
          },
          'atLeast 组合条件',
        )
          .refine((spec) => spec.n <= spec.of.length, { error: 'n 不能大于 of 中条件的个数', path: ['n'] })
          .optional(),
        keywords: KeywordSpec.optional(),
        cause: LabelList('案由').optional(),
        caseType: LabelList('案件类型').optional(),
        procedure: LabelList('审理程序').optional(),
        amount: AmountBounds.optional(),
        parties: strictObject({ ...PartyFilterSpec, count: CountBounds.optional() }, '当事人条件').optional(),
        watchList: strictObject({ list: Label('名单名称'), ...PartyFilterSpec }, '关注名单条件').optional(),
        filedOn: strictObject({ from: IsoDate.optional(), to: IsoDate.optional() }, '立案日期条件')
          .refine((range) => range.from !== undefined || range.to !== undefined, { error: '立案日期范围至少需要 from 或 to' })
          .refine((range) => !range.from || !range.to || range.from <= range.to, { error: '立案日期范围的 from 不能晚于 to' })
          .optional(),
      },
      { error: (issue) => (issue.code === 'unrecognized_keys' ? `未知的条件类型：${issue.keys.join('、')}（可用：${CONDITION_KINDS.join('、')}）` : '条件应为对象，如 { keywords: { any: [...] } }') },
    )
    .superRefine((spec, ctx) => {
      const kinds = Object.keys(spec).filter((key) => spec[key as keyof typeof spec] !== undefined);
      if (kinds.length !== 1) {
        ctx.addIssue({ code: 'custom', message: kinds.length === 0 ? '条件为空：应写一种条件类型' : `一个条件只能写一种条件类型，这里写了 ${kinds.join('、')}；多个条件请用 all 或 any 组合` });
      }
    }, { when: (payload) => payload.issues.length === 0 }) // an unknown condition type is reported once, not also as "empty"
    .transform((spec): Condition => {
      if (spec.all) return { kind: 'all', conditions: spec.all };
      if (spec.any) return { kind: 'any', conditions: spec.any };
      if (spec.not) return { kind: 'not', condition: spec.not };
      if (spec.atLeast) return { kind: 'atLeast', count: spec.atLeast.n, conditions: spec.atLeast.of };
      if (spec.keywords) return spec.keywords;
      if (spec.cause) return { kind: 'cause', causes: spec.cause };
      if (spec.caseType) return { kind: 'caseType', values: spec.caseType };
      if (spec.procedure) return { kind: 'procedure', values: spec.procedure };
      if (spec.amount) return { kind: 'amount', bounds: spec.amount };
      if (spec.parties) {
        const { count, ...filter } = spec.parties;
        return { kind: 'parties', filter, bounds: count ?? { gte: 1 } };
      }
      if (spec.watchList) {
        const { list, ...filter } = spec.watchList;
        return { kind: 'watchList', list, filter };
      }
      return { kind: 'filedOn', from: spec.filedOn?.from, to: spec.filedOn?.to };
    }),
);

/** A rule's legal or policy basis: which document, which edition, which article. */
export const Citation = strictObject(
  {
    document: Label('依据文件名称'),
    edition: Label('依据版本（年份或文号）'),
    article: Label('依据条款').optional(),
    note: Label('依据说明').optional(),
  },
  '依据',
);
export type Citation = z.infer<typeof Citation>;

/** Citations as one line of Chinese text: 《文件》（版本） 条款；… */
export function formatCitations(citations: readonly Citation[]): string {
  return citations.map((c) => `《${c.document}》${c.edition ? `（${c.edition}）` : ''}${c.article ? ` ${c.article}` : ''}`).join('；');
}

const Score = (what: string) => z.number({ error: `${what}必须是数字` }).int({ error: `${what}必须是整数` }).min(1, { error: `${what}应在 1–5 之间` }).max(5, { error: `${what}应在 1–5 之间` });

export const RuleSpec = strictObject(
  {
    id: z.string({ error: '规则编号必须是文字' }).regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/, { error: '规则编号应为大写字母、数字和连字符，如 FIN-DEPOSIT-01' }),
    version: z.number({ error: '规则版本必须是数字' }).int({ error: '规则版本必须是整数' }).min(1, { error: '规则版本至少为 1' }),
    title: Label('规则标题'),
    domain: RiskDomain.optional(),
    subtype: Label('风险子类'),
    level: RiskLevel.optional(),
    likelihood: Score('可能性').optional(),
    impact: Score('影响程度').optional(),
    enabled: z.boolean({ error: 'enabled 应为 true 或 false' }).default(true),
    source: z.array(Citation, { error: '依据 source 应为列表' }).min(1, { error: '每条规则至少写明一项依据' }),
    suggestedAction: Label('处置建议'),
    // negation: true lets the pack's negation cues void a veto word too, so a prior conviction
    // ("因犯抢劫罪被判处") or a denial does not exclude the rule; off by default, so a plain
    // exclusion vetoes wherever its word stands.
    exclusions: strictObject(
      { in: z.array(TextField).min(1).optional(), keywords: KeywordList, negation: z.boolean({ error: 'negation 应为 true 或 false' }).optional() },
      '排除词',
    )
      .transform((spec) => ({ fields: spec.in ?? DEFAULT_KEYWORD_FIELDS, keywords: spec.keywords, negation: spec.negation ?? false }))
      .optional(),
    when: Condition,
  },
  '规则',
)
  .superRefine((rule, ctx) => {
    const scored = rule.likelihood !== undefined || rule.impact !== undefined;
    if (rule.level !== undefined && scored) {
      ctx.addIssue({ code: 'custom', path: ['level'], message: '等级 level 与可能性×影响程度只能二选一' });
    } else if (rule.level === undefined && (rule.likelihood === undefined || rule.impact === undefined)) {
      ctx.addIssue({ code: 'custom', path: [scored ? (rule.likelihood === undefined ? 'likelihood' : 'impact') : 'level'], message: '需写明等级 level，或同时写明可能性 likelihood 与影响程度 impact（1–5）' });
    }
  });
export type RuleSpec = z.infer<typeof RuleSpec>;

/** Default negation settings of a pack; see `DEFAULT_NEGATION` in negation.ts. */
const NegationSpec = strictObject(
  {
    cues: KeywordList,
    ignore: z.array(Keyword).default([]),
    window: z.number({ error: '否定词窗口必须是数字' }).int().min(1, { error: '否定词窗口至少为 1' }).max(50, { error: '否定词窗口不能超过 50' }),
  },
  '否定语境设置',
);

export const RulePack = strictObject(
  {
    pack: z.string({ error: '规则包编号必须是文字' }).regex(/^[a-z][a-z0-9_]*$/, { error: '规则包编号应为小写字母、数字和下划线' }),
    version: z.number({ error: '规则包版本必须是数字' }).int({ error: '规则包版本必须是整数' }).min(1, { error: '规则包版本至少为 1' }),
    domain: RiskDomain,
    title: Label('规则包标题').optional(),
    negation: NegationSpec.optional(),
    rules: z.array(RuleSpec, { error: 'rules 应为规则列表' }),
  },
  '规则包',
)
  .superRefine((pack, ctx) => {
    const seen = new Map<string, number>();
    pack.rules.forEach((rule, index) => {
      const first = seen.get(rule.id);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `规则编号 ${rule.id} 与第 ${first + 1} 条规则重复` });
      else seen.set(rule.id, index);
      if (rule.domain !== undefined && rule.domain !== pack.domain) {
        ctx.addIssue({ code: 'custom', path: ['rules', index, 'domain'], message: `规则领域 ${rule.domain} 与规则包领域 ${pack.domain} 不一致` });
      }
    });
  });
export type RulePack = z.infer<typeof RulePack>;
