import { opinionMetricLabel, type OpinionItemDetailView, type OpinionItemInput, type OpinionMetricsInput, type OpinionSnapshotView, type OpinionTrendView, type SentimentLabel } from '@courtrisk/core';
import type { ChartOption } from '../../components/charts/echarts';
import { BRAND_COLOR, LEVEL_COLOR, MUTED_TEXT_COLOR, SUCCESS_COLOR } from '../../components/charts/palette';
import type { HighlightRange, HighlightSegment } from '../../utils/highlight';
import { zh } from '../../locales/zh-CN';

/** Element Plus tag type of a sentiment label: 负面 red, 正面 green, 中性 grey. */
export const sentimentTagType = (label: SentimentLabel) => (label === 'negative' ? 'danger' : label === 'positive' ? 'success' : 'info');

/** What sentiment and matching read (and what their offsets refer to): the title, a line break, the text. */
export const analysedText = (item: { title: string; text: string }) => `${item.title}\n${item.text}`;

/**
 * Marks for the item's text: sentiment words (negative red, positive blue, with how they moved
 * the score) and match evidence (grey, naming the case). Offsets are into `analysedText`.
 */
export function opinionHighlights(item: Pick<OpinionItemDetailView, 'sentiment' | 'matches'>): HighlightRange[] {
  const words: HighlightRange[] = item.sentiment.contributions.map((c) => ({ start: c.start, end: c.end, note: c.explanation, level: c.value < 0 ? 'red' : 'blue' }));
  const matches: HighlightRange[] = item.matches
    .filter((m) => m.status !== 'rejected')
    .flatMap((m) => m.evidence.map((e) => ({ start: e.start, end: e.end, note: `${m.caseNumber}：${e.value}` })));
  return [...words, ...matches];
}

/** Cuts highlighted segments of `title + "\n" + text` into the title's and the body's (the line break dropped). */
export function splitAtTitle(segments: readonly HighlightSegment[], titleLength: number): { title: HighlightSegment[]; body: HighlightSegment[] } {
  const title: HighlightSegment[] = [];
  const body: HighlightSegment[] = [];
  const bodyStart = titleLength + 1;
  for (const segment of segments) {
    const piece = (start: number, end: number) => ({ ...segment, start, end, text: segment.text.slice(start - segment.start, end - segment.start) });
    if (segment.start < titleLength) title.push(piece(segment.start, Math.min(segment.end, titleLength)));
    if (segment.end > bodyStart) body.push(piece(Math.max(segment.start, bodyStart), segment.end));
  }
  return { title, body };
}

/** An instant typed in Beijing time (`YYYY-MM-DDTHH:mm:ss` from the date picker) with its offset. */
export const beijing = (local: string) => `${local}+08:00`;

export interface OpinionForm {
  sourceKind: OpinionItemInput['sourceKind'] | undefined;
  sourceName: string;
  url: string;
  title: string;
  text: string;
  author: string;
  publishedAt: string;
  capturedAt: string;
  reads: number | undefined;
  reposts: number | undefined;
  comments: number | undefined;
  likes: number | undefined;
}

export const blankOpinionForm = (): OpinionForm => ({
  sourceKind: undefined, sourceName: '', url: '', title: '', text: '', author: '', publishedAt: '', capturedAt: '', reads: undefined, reposts: undefined, comments: undefined, likes: undefined,
});

/** The metrics part of a form, or undefined when none is filled (the capture time defaults to now). */
export function toMetricsInput(form: Pick<OpinionForm, 'capturedAt' | 'reads' | 'reposts' | 'comments' | 'likes'>, now: () => string): OpinionMetricsInput | undefined {
  const values = [form.reads, form.reposts, form.comments, form.likes];
  if (values.every((v) => v === undefined || v === null)) return undefined;
  return { capturedAt: form.capturedAt ? beijing(form.capturedAt) : now(), reads: form.reads ?? 0, reposts: form.reposts ?? 0, comments: form.comments ?? 0, likes: form.likes ?? 0 };
}

/** The body of 登记舆情: trimmed, empty optional fields left out. */
export function toOpinionInput(form: OpinionForm, now: () => string): OpinionItemInput {
  if (!form.sourceKind) throw new Error('sourceKind is checked by the form rules');
  const metrics = toMetricsInput(form, now);
  return {
    sourceKind: form.sourceKind,
    sourceName: form.sourceName.trim(),
    ...(form.url.trim() ? { url: form.url.trim() } : {}),
    title: form.title.trim(),
    text: form.text.trim(),
    ...(form.author.trim() ? { author: form.author.trim() } : {}),
    publishedAt: beijing(form.publishedAt),
    ...(metrics ? { metrics } : {}),
  };
}

const shortTime = (iso: string) => {
  const local = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${local.slice(5, 10)} ${local.slice(11, 16)}`;
};

/** An item's counters over time (left axis) and its heat (right axis). */
export function buildMetricsOption(snapshots: readonly OpinionSnapshotView[]): ChartOption {
  const metrics = ['reads', 'reposts', 'comments', 'likes'] as const;
  const colors = [MUTED_TEXT_COLOR, LEVEL_COLOR.orange, LEVEL_COLOR.blue, SUCCESS_COLOR];
  return {
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: snapshots.map((s) => shortTime(s.capturedAt)) },
    yAxis: [{ type: 'value', name: '数量' }, { type: 'value', name: zh.opinion.heat, splitLine: { show: false } }],
    series: [
      ...metrics.map((metric, index) => ({ name: opinionMetricLabel[metric], type: 'line' as const, symbolSize: 6, itemStyle: { color: colors[index] }, data: snapshots.map((s) => s[metric]) })),
      { name: zh.opinion.heat, type: 'line' as const, yAxisIndex: 1, symbolSize: 8, lineStyle: { width: 3 }, itemStyle: { color: BRAND_COLOR }, data: snapshots.map((s) => s.heat) },
    ],
  };
}

/** Heat per day: the hottest items as lines (negative ones in warm colours), the total as bars. */
export function buildTrendOption(trend: OpinionTrendView): ChartOption {
  const palette = { negative: [LEVEL_COLOR.red, LEVEL_COLOR.orange, '#b8336a', '#8d4f00'], other: [LEVEL_COLOR.blue, SUCCESS_COLOR, '#6b5bd6', '#0f8b8d', MUTED_TEXT_COLOR] };
  const used = { negative: 0, other: 0 };
  const colorOf = (label: SentimentLabel) => {
    const group = label === 'negative' ? 'negative' : 'other';
    return palette[group][used[group]++ % palette[group].length];
  };
  const clip = (title: string) => (title.length > 14 ? `${title.slice(0, 14)}…` : title);
  return {
    grid: { left: 8, right: 8, top: 56, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'plain' },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: trend.dates.map((d) => d.slice(5)) },
    yAxis: { type: 'value', name: zh.opinion.heat },
    series: [
      { name: zh.opinion.trendTotal, type: 'bar', barMaxWidth: 18, itemStyle: { color: '#e4e7ed' }, data: trend.total },
      ...trend.series.map((s) => ({ name: clip(s.title), type: 'line' as const, smooth: true, symbolSize: 6, itemStyle: { color: colorOf(s.sentimentLabel) }, data: s.heats })),
    ],
  };
}
