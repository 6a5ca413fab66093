import {
  formatYuan,
  partyFlagLabel,
  partyKindLabel,
  type Evidence,
  type PartyFilter,
  type RiskLevel,
} from '@courtrisk/core';
import { zh } from '../locales/zh-CN';
import { buildHighlightSegments, type HighlightRange, type HighlightSegment } from './highlight';

/** Evidence as warnings and findings carry it (loose JSON from the server, shaped as core's `Evidence`). */
type EvidenceItem = Evidence | Readonly<Record<string, unknown>>;

/** One evidence item in words, with the keyword marked inside its snippet. */
export interface EvidenceLine {
  /** Short tag: 关键词, 案由, 标的额… */
  label: string;
  text: string;
  /** Keyword evidence: the ±30-character snippet, the keyword highlighted. */
  snippet: HighlightSegment[] | null;
}

type Bounds = Partial<Record<'gte' | 'gt' | 'lte' | 'lt', string | number>>;

const BOUND_ORDER = ['gte', 'gt', 'lte', 'lt'] as const;

function describeBounds(bounds: unknown, words: Record<string, string>, format: (value: string | number) => string): string {
  const given = (bounds ?? {}) as Bounds;
  return BOUND_ORDER.filter((op) => given[op] !== undefined)
    .map((op) => `${words[op]} ${format(given[op]!)}`)
    .join(zh.evidence.boundsJoin);
}

function describePartyFilter(filter: PartyFilter | undefined): string {
  const roles = filter?.roles?.join('、') ?? '';
  const kinds = (filter?.kinds ?? []).map((kind) => partyKindLabel[kind] ?? kind);
  const flags = (filter?.flags ?? []).map((flag) => partyFlagLabel[flag as keyof typeof partyFlagLabel] ?? flag);
  const qualifiers = [...kinds, ...flags].join('、');
  const who = roles || zh.evidence.partiesAll;
  return qualifiers ? `${who}（${qualifiers}）` : who;
}

const text = (value: unknown) => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));
const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/**
 * Evidence of a warning or dry-run finding in court staff's words. Items come from the server as
 * loose JSON, so unknown kinds and missing fields still give a readable line.
 */
export function describeEvidence(item: EvidenceItem): EvidenceLine {
  const e = item as Evidence;
  const words = zh.evidence;
  // The IM-TRIAL-LIMIT warning (server trial-limit.service) carries the computed limit, not a rule match.
  const raw = item as Record<string, unknown>;
  if (raw.kind === 'trialLimit') {
    return { label: zh.trialLimit.title, text: `${text(raw.procedure)}：届满日 ${text(raw.deadline)}，已用 ${count(raw.daysUsed)} 日，剩余 ${count(raw.daysLeft)} 日（${text(raw.tierLabel)}）`, snippet: null };
  }
  switch (e.kind) {
    case 'keyword': {
      const field = words.field[e.field] ?? text(e.field);
      const near = e.near ? words.near(e.near.keyword) : '';
      const snippet = text(e.snippet);
      const offset = count(e.snippetStart);
      return {
        label: words.keyword,
        text: words.keywordText(text(e.keyword), field, count(e.occurrences)) + near,
        snippet: snippet ? buildHighlightSegments(snippet, [{ start: count(e.start) - offset, end: count(e.end) - offset }]) : null,
      };
    }
    case 'cause':
      return { label: words.cause, text: words.causeText(text(e.cause), text(e.within) || text(e.cause)), snippet: null };
    case 'caseType':
    case 'procedure':
      return { label: words[e.kind], text: words.valueText(text(e.value)), snippet: null };
    case 'amount':
      return {
        label: words.amount,
        text: words.amountText(formatYuan(text(e.amount)), describeBounds(e.bounds, words.amountBound, (v) => formatYuan(String(v)))),
        snippet: null,
      };
    case 'partyCount':
      return {
        label: words.partyCount,
        text: words.partyCountText(
          describePartyFilter(e.filter),
          count(e.count),
          describeBounds(e.bounds, words.countBound, (v) => words.countUnit(Number(v))),
        ),
        snippet: null,
      };
    case 'watchList':
      return { label: words.watchList, text: words.watchListText(text(e.role), text(e.partyName), text(e.list)), snippet: null };
    case 'filedOn':
      return {
        label: words.filedOn,
        text: words.filedOnText(text(e.filedOn), e.from ?? words.unbounded, e.to ?? words.unbounded),
        snippet: null,
      };
    default: {
      const { kind, ...rest } = item as Record<string, unknown>;
      return { label: text(kind) || words.other, text: JSON.stringify(rest), snippet: null };
    }
  }
}

/** The evidence of one finding as shown: keyword hits grouped per field, then every other item. */
export type EvidenceRow =
  | {
      kind: 'keywords';
      /** 事实与理由, 诉讼请求… */
      field: string;
      keywords: { keyword: string; occurrences: number }[];
      /** Each hit's line and snippet, shown on request. */
      hits: EvidenceLine[];
    }
  | { kind: 'line'; line: EvidenceLine };

const FIELD_ORDER = ['facts', 'claims', 'causes', 'partyNames'];

/**
 * Keyword hits grouped by the field they were found in (one row lists the keywords, their
 * snippets folded under it), followed by the other evidence in the order given.
 */
export function summariseEvidence(items: readonly EvidenceItem[]): EvidenceRow[] {
  const byField = new Map<string, Extract<EvidenceRow, { kind: 'keywords' }>>();
  const others: EvidenceRow[] = [];
  for (const item of items) {
    const e = item as Evidence;
    if (e.kind !== 'keyword') {
      others.push({ kind: 'line', line: describeEvidence(item) });
      continue;
    }
    const field = text(e.field);
    let row = byField.get(field);
    if (!row) {
      row = { kind: 'keywords', field: zh.evidence.field[field] ?? field, keywords: [], hits: [] };
      byField.set(field, row);
    }
    row.keywords.push({ keyword: text(e.keyword), occurrences: count(e.occurrences) });
    row.hits.push(describeEvidence(item));
  }
  const rank = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);
  const grouped = [...byField.entries()].sort(([a], [b]) => rank(a) - rank(b)).map(([, row]) => row);
  return [...grouped, ...others];
}

/** What a highlight needs to know about the warning or finding its evidence belongs to. */
export interface EvidenceSource {
  ruleId: string;
  title: string;
  level: RiskLevel;
  evidence: readonly EvidenceItem[];
  /** A dismissed warning's hits are still marked, in grey, and say so on hover. */
  status?: string;
}

/**
 * The keyword hits of `sources` in one text field (`facts` or `claims`), as highlight ranges whose
 * hover note names the rule; a proximity hit marks its neighbouring keyword too.
 */
export function keywordRanges(sources: readonly EvidenceSource[], field: string): HighlightRange[] {
  const ranges: HighlightRange[] = [];
  for (const source of sources) {
    const dismissed = source.status === 'dismissed';
    const level = dismissed ? undefined : source.level;
    const noteFor = (keyword: string) =>
      zh.caseDetail.highlightNote(source.ruleId, source.title, keyword) + (dismissed ? zh.caseDetail.dismissedNote : '');
    for (const item of source.evidence) {
      const e = item as Evidence;
      if (e.kind !== 'keyword' || e.field !== field) continue;
      ranges.push({ start: e.start, end: e.end, note: noteFor(e.keyword), level });
      if (e.near) ranges.push({ start: e.near.start, end: e.near.end, note: noteFor(e.near.keyword), level });
    }
  }
  return ranges;
}
