import { z } from 'zod';
import { isLocalDate } from '../deadlines/local-date.js';
import { count, idOf, instant, oneOf, optionalText, requiredText, strictObject } from './form-fields.js';

/**
 * Request bodies of the public-opinion module (issue 6; PRODUCT.md §3 舆情): items entered by API,
 * import or hand, their metric snapshots over time, the decision on a suggested case match, and the
 * court's response (回应).
 */

export const OPINION_SOURCE_KINDS = ['weibo', 'wechat', 'douyin', 'kuaishou', 'toutiao', 'bilibili', 'news', 'forum', 'other'] as const;
export type OpinionSourceKind = (typeof OPINION_SOURCE_KINDS)[number];
export const opinionSourceKindLabel: Record<OpinionSourceKind, string> = {
  weibo: '微博',
  wechat: '微信',
  douyin: '抖音',
  kuaishou: '快手',
  toutiao: '今日头条',
  bilibili: '哔哩哔哩',
  news: '新闻网站',
  forum: '论坛社区',
  other: '其他',
};

/** Engagement counters at one instant (cumulative, as the platform shows them). */
export const OpinionMetricsInput = strictObject(
  {
    capturedAt: instant('采集时间'),
    reads: count('阅读数'),
    reposts: count('转发数'),
    comments: count('评论数'),
    likes: count('点赞数'),
  },
  '传播指标',
);
export type OpinionMetricsInput = z.infer<typeof OpinionMetricsInput>;

const Url = z.url({ protocol: /^https?$/, error: (issue) => (issue.input === undefined ? '请填写链接' : '链接应为 http 或 https 网址') }).max(2000, { error: '链接不能超过 2000 个字符' });

/** One item (帖子、文章、视频…). Matching, sentiment and heat are computed, not entered. */
export const OpinionItemInput = strictObject(
  {
    sourceKind: oneOf(OPINION_SOURCE_KINDS, opinionSourceKindLabel, '来源类型'),
    sourceName: requiredText('来源名称', 1, 100),
    url: Url.optional(),
    title: requiredText('标题', 1, 300),
    text: requiredText('正文', 1, 50_000),
    author: optionalText('作者', 100),
    publishedAt: instant('发布时间'),
    metrics: OpinionMetricsInput.optional(),
  },
  '舆情信息',
);
export type OpinionItemInput = z.infer<typeof OpinionItemInput>;

/** Confirming or rejecting a suggested case match; a rejection says why. */
export const OpinionMatchDecisionInput = strictObject(
  {
    caseId: idOf('案件'),
    decision: oneOf(['confirm', 'reject'] as const, { confirm: '确认关联', reject: '不是此案' }, '关联结论'),
    note: optionalText('说明', 500),
  },
  '案件关联',
).superRefine((decision, ctx) => {
  if (decision.decision === 'reject' && !decision.note) ctx.addIssue({ code: 'custom', path: ['note'], message: '排除关联请说明理由' });
});
export type OpinionMatchDecisionInput = z.infer<typeof OpinionMatchDecisionInput>;

export const OPINION_RESPONSE_CHANNELS = ['official_weibo', 'official_wechat', 'statement', 'press_release', 'press_conference', 'media_interview', 'thread_reply', 'other'] as const;
export const opinionResponseChannelLabel: Record<(typeof OPINION_RESPONSE_CHANNELS)[number], string> = {
  official_weibo: '官方微博',
  official_wechat: '官方微信公众号',
  statement: '情况通报',
  press_release: '新闻通稿',
  press_conference: '新闻发布会',
  media_interview: '接受媒体采访',
  thread_reply: '原帖回复',
  other: '其他',
};

/** 回应: what the court published, when, where and by whom. */
export const OpinionResponseInput = strictObject(
  {
    respondedAt: instant('回应时间'),
    channel: oneOf(OPINION_RESPONSE_CHANNELS, opinionResponseChannelLabel, '回应渠道'),
    content: requiredText('回应内容', 2, 5000),
    responder: requiredText('回应部门或人员', 1, 100),
    url: Url.optional(),
  },
  '舆情回应',
);
export type OpinionResponseInput = z.infer<typeof OpinionResponseInput>;

// ── import ────────────────────────────────────────────────────────────────────────────────────────

/** Columns of the opinion import template; `required` ones carry * in the header. */
export const OPINION_IMPORT_COLUMNS = [
  { header: '来源类型', field: 'sourceKind', required: true, example: '微博' },
  { header: '来源名称', field: 'sourceName', required: true, example: '示例网友' },
  { header: '链接', field: 'url', required: false, example: 'https://example.com/post/1' },
  { header: '标题', field: 'title', required: true, example: '某案执行拖延引关注' },
  { header: '正文', field: 'text', required: true, example: '网帖称……' },
  { header: '作者', field: 'author', required: false, example: '' },
  { header: '发布时间', field: 'publishedAt', required: true, example: '2024-05-01 08:30' },
  { header: '阅读', field: 'reads', required: false, example: '12000' },
  { header: '转发', field: 'reposts', required: false, example: '35' },
  { header: '评论', field: 'comments', required: false, example: '80' },
  { header: '点赞', field: 'likes', required: false, example: '120' },
] as const;

const WITH_OFFSET = instant('时间');
const LOCAL_DATE_TIME = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*[T\s]\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$/;

/**
 * A date-time cell as court staff write it (`2024-05-01 08:30`, `2024/5/1 8:30`, `2024年5月1日`), read as
 * Beijing time and returned as ISO 8601 with `+08:00`; text that already carries an offset passes
 * through. Undefined when the cell is not a date-time.
 */
export function normaliseDateTimeCell(text: string): string | undefined {
  const trimmed = text.trim();
  if (WITH_OFFSET.safeParse(trimmed).success) return trimmed;
  const match = LOCAL_DATE_TIME.exec(trimmed);
  if (!match) return undefined;
  const [, year, month, day, hour = '0', minute = '00', second = '00'] = match;
  const date = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  if (!isLocalDate(date) || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  return `${date}T${hour.padStart(2, '0')}:${minute}:${second}+08:00`;
}

const sourceKindByLabel = new Map<string, OpinionSourceKind>(OPINION_SOURCE_KINDS.map((kind) => [opinionSourceKindLabel[kind], kind]));

const MetricCell = (what: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((text, ctx) => {
      if (!text) return 0;
      const plain = text.replace(/,/g, '');
      const wan = /^(\d+(?:\.\d+)?)万\+?$/.exec(plain);
      const value = wan ? Math.round(Number(wan[1]) * 10_000) : /^\d{1,12}$/.test(plain) ? Number(plain) : Number.NaN;
      if (Number.isNaN(value)) {
        ctx.addIssue({ code: 'custom', message: `${what}“${text}”应为非负整数（可写 1.2万）` });
        return z.NEVER;
      }
      return value;
    });

/**
 * One row of an opinion import, cells as text keyed by `field`. The source label becomes its code,
 * the publication time Beijing-time ISO, metrics integers (`1.2万` = 12000). The importer records
 * the metrics as the item's first snapshot, captured at import time.
 */
export const OpinionImportRow = z.object({
  sourceKind: z
    .string({ error: '来源类型必须是文字' })
    .trim()
    .transform((text, ctx) => {
      const kind = sourceKindByLabel.get(text);
      if (!kind) {
        ctx.addIssue({ code: 'custom', message: `来源类型“${text}”不在可选范围内（${[...sourceKindByLabel.keys()].join('/')}）` });
        return z.NEVER;
      }
      return kind;
    }),
  sourceName: requiredText('来源名称', 1, 100),
  url: z.string().trim().optional().transform((text) => text || undefined).pipe(Url.optional()),
  title: requiredText('标题', 1, 300),
  text: requiredText('正文', 1, 50_000),
  author: optionalText('作者', 100).transform((text) => text || undefined),
  publishedAt: z
    .string({ error: '发布时间必须是文字' })
    .transform((text, ctx) => {
      const value = normaliseDateTimeCell(text);
      if (value === undefined) {
        ctx.addIssue({ code: 'custom', message: `发布时间“${text.trim()}”不是时间（如 2024-05-01 08:30）` });
        return z.NEVER;
      }
      return value;
    }),
  reads: MetricCell('阅读'),
  reposts: MetricCell('转发'),
  comments: MetricCell('评论'),
  likes: MetricCell('点赞'),
});
export type OpinionImportRow = z.infer<typeof OpinionImportRow>;

// ── API: batch, lists and views ─────────────────────────────────────────────────────────────────

/** POST /opinion/items/batch: up to 500 items; each is created, or adds a snapshot to the same item. */
export const OpinionBatchInput = strictObject(
  { items: z.array(z.unknown(), { error: '舆情信息应为列表' }).min(1, { error: '至少提交一条舆情信息' }).max(500, { error: '每次最多提交 500 条舆情信息' }) },
  '批量舆情',
);
export type OpinionBatchInput = z.infer<typeof OpinionBatchInput>;

/** A rejected row of a batch or file: `row` is the array index (API) or the file line/row, `column` a field path or Chinese header. */
export const OpinionRowProblem = z.object({ row: z.number().int(), column: z.string(), message: z.string(), title: z.string().nullable() });
export type OpinionRowProblem = z.infer<typeof OpinionRowProblem>;

export const OpinionIntakeResult = z.object({
  /** The import job keeping the error report (file imports); null for the API batch. */
  jobId: z.string().nullable(),
  totalRows: z.number().int(),
  created: z.number().int(),
  /** Rows naming an item already registered: a metrics snapshot was added instead. */
  snapshotted: z.number().int(),
  /** Rows naming an item already registered, without metrics: nothing to add. */
  unchanged: z.number().int(),
  errorRows: z.number().int(),
  /** The first 500 problems. */
  errors: z.array(OpinionRowProblem),
  /** Ids of the items created or updated, in row order. */
  itemIds: z.array(z.string()),
});
export type OpinionIntakeResult = z.infer<typeof OpinionIntakeResult>;

const flag = (what: string) => z.enum(['true', 'false'], { error: `${what}应为 true 或 false` }).optional();

export const OpinionListQuery = z.object({
  page: z.coerce.number({ error: '页码必须是数字' }).int().min(1, { error: '页码至少为 1' }).default(1),
  pageSize: z.coerce.number({ error: '每页条数必须是数字' }).int().min(1).max(200, { error: '每页条数不能超过 200' }).default(20),
  sort: z.enum(['publishedAt', 'heat', 'sentimentScore'], { error: '排序字段应为发布时间、热度或情感得分' }).default('publishedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  keyword: z.string().trim().max(60, { error: '关键词不能超过 60 个字' }).optional(),
  sourceKind: z.enum(OPINION_SOURCE_KINDS, { error: '来源类型不正确' }).optional(),
  sentiment: z.enum(['positive', 'neutral', 'negative'], { error: '情感倾向应为正面、中性或负面' }).optional(),
  minHeat: z.coerce.number({ error: '最低热度必须是数字' }).min(0, { error: '最低热度不能为负' }).optional(),
  publishedFrom: z.iso.date({ error: '发布日期（起）格式应为 YYYY-MM-DD' }).optional(),
  publishedTo: z.iso.date({ error: '发布日期（止）格式应为 YYYY-MM-DD' }).optional(),
  hasMatches: flag('有关联案件'),
  hasWarnings: flag('有预警'),
});
export type OpinionListQuery = z.infer<typeof OpinionListQuery>;

export const OPINION_ENTRY_MODES = ['api', 'import', 'hand'] as const;
export const opinionEntryModeLabel: Record<(typeof OPINION_ENTRY_MODES)[number], string> = { api: '接口', import: '文件导入', hand: '人工登记' };

const SentimentContributionView = z.object({
  word: z.string(),
  start: z.number(),
  end: z.number(),
  base: z.number(),
  value: z.number(),
  explanation: z.string(),
  modifiers: z.array(z.object({ word: z.string(), start: z.number(), kind: z.enum(['negator', 'degree']), factor: z.number().optional() })),
});

export const OpinionItemView = z.object({
  id: z.string(),
  courtId: z.string(),
  sourceKind: z.enum(OPINION_SOURCE_KINDS),
  sourceName: z.string(),
  url: z.string().nullable(),
  title: z.string(),
  author: z.string().nullable(),
  publishedAt: z.string(),
  entryMode: z.enum(OPINION_ENTRY_MODES),
  sentimentScore: z.number(),
  sentimentLabel: z.enum(['positive', 'neutral', 'negative']),
  heat: z.number(),
  /** Heat growth per hour over the latest interval; null with fewer than two snapshots. */
  growthPerHour: z.number().nullable(),
  spike: z.boolean(),
  /** Suggested + confirmed case matches, and confirmed ones. */
  matchCount: z.number().int(),
  confirmedMatchCount: z.number().int(),
  warningCount: z.number().int(),
  responseCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type OpinionItemView = z.infer<typeof OpinionItemView>;

export const OpinionSnapshotView = z.object({ id: z.string(), capturedAt: z.string(), reads: z.number(), reposts: z.number(), comments: z.number(), likes: z.number(), heat: z.number() });
export type OpinionSnapshotView = z.infer<typeof OpinionSnapshotView>;

export const OpinionMatchView = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  score: z.number(),
  confidence: z.enum(['high', 'medium', 'low']),
  /** Offsets refer to the item's text (`OpinionItemDetailView.text`). */
  evidence: z.array(z.object({ kind: z.enum(['caseNumber', 'party', 'judge', 'court']), value: z.string(), start: z.number(), end: z.number(), snippet: z.string(), snippetStart: z.number() })),
  status: z.enum(['suggested', 'confirmed', 'rejected']),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type OpinionMatchView = z.infer<typeof OpinionMatchView>;

export const OpinionWarningView = z.object({
  id: z.string(),
  ruleId: z.string(),
  ruleVersion: z.number().int(),
  /** `opinion` for heat and spike warnings, else the rule pack that fired on the text. */
  pack: z.string(),
  domain: z.string(),
  subtype: z.string(),
  level: z.enum(['red', 'orange', 'yellow', 'blue']),
  title: z.string(),
  explanation: z.string(),
  /** Keyword evidence of rule findings; offsets refer to `title + "\n" + text`. */
  evidence: z.array(z.unknown()),
  caseIds: z.array(z.string()),
  /** 转为风险: `confirmed` once it created or joined a risk (`riskId`). */
  status: z.enum(['pending', 'confirmed']),
  riskId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type OpinionWarningView = z.infer<typeof OpinionWarningView>;

/** A row of GET /opinion-warnings: the warning and the item that raised it. */
export const OpinionWarningListItem = OpinionWarningView.extend({
  courtId: z.string(),
  itemId: z.string(),
  itemTitle: z.string(),
});
export type OpinionWarningListItem = z.infer<typeof OpinionWarningListItem>;

export const OpinionResponseView = z.object({
  id: z.string(),
  respondedAt: z.string(),
  channel: z.enum(OPINION_RESPONSE_CHANNELS),
  content: z.string(),
  responder: z.string(),
  url: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type OpinionResponseView = z.infer<typeof OpinionResponseView>;

export const OpinionItemDetailView = OpinionItemView.extend({
  text: z.string(),
  sentiment: z.object({ positive: z.number(), negative: z.number(), contributions: z.array(SentimentContributionView) }),
  heatExplanation: z.string(),
  snapshots: z.array(OpinionSnapshotView),
  matches: z.array(OpinionMatchView),
  warnings: z.array(OpinionWarningView),
  responses: z.array(OpinionResponseView),
  /** What the caller may do here (the UI shows buttons from this, never re-deriving rules). */
  abilities: z.object({ manage: z.boolean() }),
});
export type OpinionItemDetailView = z.infer<typeof OpinionItemDetailView>;

/** GET /opinion/heat-trend: per China date, the summed heat of the items' latest snapshot that day. */
export const OpinionTrendQuery = z.object({
  from: z.iso.date({ error: '开始日期格式应为 YYYY-MM-DD' }),
  to: z.iso.date({ error: '结束日期格式应为 YYYY-MM-DD' }),
}).refine((q) => q.from <= q.to, { path: ['to'], error: '结束日期不能早于开始日期' });
export type OpinionTrendQuery = z.infer<typeof OpinionTrendQuery>;

export const OpinionTrendView = z.object({
  dates: z.array(z.string()),
  /** The most heated items of the period, each with its heat per date (null before its first snapshot). */
  series: z.array(z.object({ itemId: z.string(), title: z.string(), sentimentLabel: z.enum(['positive', 'neutral', 'negative']), heats: z.array(z.number().nullable()) })),
  /** All items of the court: summed heat per date. */
  total: z.array(z.number()),
});
export type OpinionTrendView = z.infer<typeof OpinionTrendView>;
