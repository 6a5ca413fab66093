import { z } from 'zod';
import { strictObject } from '../contracts/form-fields.js';
import { formatChineseDate } from '../deadlines/local-date.js';
import { chinaDateOf, toEpochMs } from '../risks/time.js';
import type { RiskLevel } from '../screening/rule-schema.js';
import type { SentimentResult } from './sentiment.js';

/**
 * Heat of a public-opinion item (舆情热度) from its engagement metrics over time, growth between
 * snapshots, spike detection, and the warnings an item raises (issue 6). Every number here is a
 * per-court management setting, not a published standard; docs/opinion.md explains the defaults.
 */

export const OPINION_METRICS = ['reads', 'reposts', 'comments', 'likes'] as const;
export type OpinionMetric = (typeof OPINION_METRICS)[number];
export const opinionMetricLabel: Record<OpinionMetric, string> = { reads: '阅读', reposts: '转发', comments: '评论', likes: '点赞' };

/** Cumulative counters as captured at `at` (ISO instant with offset). */
export interface MetricsSnapshot {
  readonly at: string;
  readonly reads: number;
  readonly reposts: number;
  readonly comments: number;
  readonly likes: number;
}

const weight = (what: string, fallback: number) => z.number({ error: `${what}权重必须是数字` }).min(0, { error: `${what}权重不能为负` }).default(fallback);

export const OpinionHeatSettings = strictObject({
  /** Heat = Σ weight × count. A repost spreads the item, a comment engages, a read is cheap. */
  weights: strictObject({ reads: weight('阅读', 0.01), reposts: weight('转发', 3), comments: weight('评论', 2), likes: weight('点赞', 0.5) }, '热度权重').default({
    reads: 0.01,
    reposts: 3,
    comments: 2,
    likes: 0.5,
  }),
  /** Spike: the latest growth rate ≥ `factor` × the median of the earlier rates and ≥ `minRatePerHour`. */
  spikeFactor: z.number({ error: '陡增倍数必须是数字' }).min(1, { error: '陡增倍数至少为 1' }).default(3),
  minRatePerHour: z.number({ error: '陡增最低增速必须是数字' }).min(0, { error: '陡增最低增速不能为负' }).default(50),
  /** Negative items at or above these heats raise orange / red warnings. */
  highHeat: z.number({ error: '高热度阈值必须是数字' }).min(0, { error: '高热度阈值不能为负' }).default(500),
  veryHighHeat: z.number({ error: '极高热度阈值必须是数字' }).min(0, { error: '极高热度阈值不能为负' }).default(5000),
}, '舆情热度设置').refine((settings) => settings.veryHighHeat >= settings.highHeat, { path: ['veryHighHeat'], error: '极高热度阈值不能低于高热度阈值' });
export type OpinionHeatSettings = z.infer<typeof OpinionHeatSettings>;
export const DEFAULT_OPINION_HEAT_SETTINGS: OpinionHeatSettings = OpinionHeatSettings.parse({});

export interface HeatInterval {
  readonly from: string;
  readonly to: string;
  readonly hours: number;
  readonly delta: number;
  readonly ratePerHour: number;
}

export interface HeatAnalysis {
  /** Heat of the latest snapshot (0 without snapshots). */
  readonly heat: number;
  readonly series: readonly { readonly at: string; readonly heat: number }[];
  readonly intervals: readonly HeatInterval[];
  /** Latest interval's rate, and the median of the earlier ones (null when there are none). */
  readonly latestRatePerHour: number | null;
  readonly baselineRatePerHour: number | null;
  readonly spike: boolean;
  /** Chinese: the heat's make-up and, when there is growth, how fast. */
  readonly explanation: string;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Heat of one snapshot: Σ weight × metric. */
export function heatOf(snapshot: Omit<MetricsSnapshot, 'at'>, weights: OpinionHeatSettings['weights'] = DEFAULT_OPINION_HEAT_SETTINGS.weights): number {
  return round(OPINION_METRICS.reduce((sum, metric) => sum + weights[metric] * snapshot[metric], 0));
}

/**
 * Heat, growth and spike over an item's snapshots (any order; several at one instant keep the last
 * given). Growth between consecutive snapshots is Δheat per hour; a counter that goes down (posts
 * deleted) gives a negative rate, never a spike. With no earlier interval the baseline is 0, so the
 * first growth is a spike when it reaches `minRatePerHour`.
 */
export function analyzeHeat(snapshots: readonly MetricsSnapshot[], settings: OpinionHeatSettings = DEFAULT_OPINION_HEAT_SETTINGS): HeatAnalysis {
  const byInstant = new Map<number, MetricsSnapshot>();
  for (const snapshot of snapshots) byInstant.set(toEpochMs(snapshot.at), snapshot);
  const ordered = [...byInstant.entries()].sort(([a], [b]) => a - b);
  const series = ordered.map(([, snapshot]) => ({ at: snapshot.at, heat: heatOf(snapshot, settings.weights) }));
  const intervals: HeatInterval[] = [];
  for (let i = 1; i < ordered.length; i++) {
    const hours = (ordered[i]![0] - ordered[i - 1]![0]) / 3_600_000;
    const delta = round(series[i]!.heat - series[i - 1]!.heat);
    intervals.push({ from: series[i - 1]!.at, to: series[i]!.at, hours: round(hours), delta, ratePerHour: round(delta / hours) });
  }
  const latest = intervals.at(-1);
  const earlier = intervals.slice(0, -1).map((interval) => interval.ratePerHour);
  const baseline = latest === undefined ? null : earlier.length === 0 ? 0 : median(earlier);
  const spike = latest !== undefined && latest.ratePerHour >= settings.minRatePerHour && latest.ratePerHour >= settings.spikeFactor * baseline!;
  const last = ordered.at(-1)?.[1];
  const heat = series.at(-1)?.heat ?? 0;
  const makeUp = last ? OPINION_METRICS.map((metric) => `${opinionMetricLabel[metric]} ${last[metric]} × ${settings.weights[metric]}`).join(' + ') : '暂无指标';
  const growth = latest
    ? `；最近 ${latest.hours} 小时增加 ${latest.delta}（每小时 ${latest.ratePerHour}，此前中位数每小时 ${round(baseline!)}）${spike ? `，达到陡增标准（≥ ${settings.spikeFactor} 倍且每小时 ≥ ${settings.minRatePerHour}）` : ''}`
    : '';
  return {
    heat,
    series,
    intervals,
    latestRatePerHour: latest?.ratePerHour ?? null,
    baselineRatePerHour: baseline === null ? null : round(baseline),
    spike,
    explanation: `热度 ${heat} = ${makeUp}${growth}`,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A warning an opinion item raises: 社会稳定 / 社会广泛关注 (PRODUCT.md §2). */
export interface OpinionWarningDraft {
  /** De-duplication key: one per item for negative heat, one per item and China-date for spikes. */
  readonly key: string;
  readonly ruleId: 'OPN-NEGATIVE-HEAT-01' | 'OPN-SPIKE-01';
  readonly ruleVersion: number;
  readonly domain: 'social_stability';
  readonly subtype: '社会广泛关注';
  readonly level: RiskLevel;
  readonly title: string;
  readonly explanation: string;
  readonly itemId: string;
  readonly caseIds: readonly string[];
}

/**
 * Warnings of one item: a negative item at ≥ `highHeat` → orange (≥ `veryHighHeat` → red); a spike →
 * yellow, orange when the item is negative. Linked to the confirmed matched cases. The political
 * and social-stability rule packs screen the item's text separately (`opinionScreeningInput`).
 */
export function opinionWarnings(
  item: { id: string; caseIds: readonly string[] },
  sentiment: Pick<SentimentResult, 'label' | 'score'>,
  heat: HeatAnalysis,
  settings: OpinionHeatSettings = DEFAULT_OPINION_HEAT_SETTINGS,
): OpinionWarningDraft[] {
  const negative = sentiment.label === 'negative';
  const common = { ruleVersion: 1, domain: 'social_stability' as const, subtype: '社会广泛关注' as const, itemId: item.id, caseIds: item.caseIds };
  const warnings: OpinionWarningDraft[] = [];
  if (negative && heat.heat >= settings.highHeat) {
    const red = heat.heat >= settings.veryHighHeat;
    warnings.push({
      ...common,
      key: `opinion:${item.id}:OPN-NEGATIVE-HEAT-01`,
      ruleId: 'OPN-NEGATIVE-HEAT-01',
      level: red ? 'red' : 'orange',
      title: red ? '负面舆情热度极高' : '负面舆情热度较高',
      explanation: `情感得分 ${sentiment.score}（负面），${heat.explanation}；达到${red ? `极高热度阈值 ${settings.veryHighHeat}` : `高热度阈值 ${settings.highHeat}`}`,
    });
  }
  if (heat.spike) {
    const at = heat.series.at(-1)!.at;
    warnings.push({
      ...common,
      key: `opinion:${item.id}:OPN-SPIKE-01:${chinaDateOf(toEpochMs(at))}`,
      ruleId: 'OPN-SPIKE-01',
      level: negative ? 'orange' : 'yellow',
      title: negative ? '负面舆情热度陡增' : '舆情热度陡增',
      explanation: `${formatChineseDate(chinaDateOf(toEpochMs(at)))}：${heat.explanation}`,
    });
  }
  return warnings;
}
