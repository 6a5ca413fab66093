import { RISK_LEVELS, type RiskLevel } from '@courtrisk/core';

/** A stretch of text to mark, in the UTF-16 offsets evidence items carry (`end` exclusive). */
export interface HighlightRange {
  start: number;
  end: number;
  /** Shown on hover, e.g. the rule that found the keyword. */
  note?: string;
  /** Colours the mark; where ranges overlap, the most severe level wins. */
  level?: RiskLevel;
}

/** One piece of the text: plain, or highlighted with the notes of every range covering it. */
export interface HighlightSegment {
  text: string;
  start: number;
  end: number;
  highlighted: boolean;
  /** Distinct notes, in the order the ranges were given; empty for plain text. */
  notes: string[];
  level: RiskLevel | null;
}

interface Span {
  start: number;
  end: number;
  notes: string[];
  level: RiskLevel | null;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair (inside one character). */
function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

const severity = (level: RiskLevel | null) => (level ? RISK_LEVELS.indexOf(level) : RISK_LEVELS.length);
const moreSevere = (a: RiskLevel | null, b: RiskLevel | null) => (severity(b) < severity(a) ? b : a);

/** Clamps a range into the text and widens it to whole characters; null when nothing is left. */
function normalise(text: string, range: HighlightRange, order: number): (Span & { order: number }) | null {
  if (!Number.isFinite(range.start) || !Number.isFinite(range.end)) return null;
  let start = Math.max(0, Math.floor(range.start));
  let end = Math.min(text.length, Math.ceil(range.end));
  if (start >= end) return null;
  if (splitsPair(text, start)) start -= 1;
  if (splitsPair(text, end)) end += 1;
  return { start, end, notes: range.note ? [range.note] : [], level: range.level ?? null, order };
}

/**
 * Cuts `text` into plain and highlighted segments for the given ranges: ranges are clamped to
 * the text (those wholly outside are dropped), never split a surrogate pair, and overlapping or
 * nested ranges merge into one mark carrying all their notes. Ranges that only touch stay
 * separate marks, so each keeps its own note. The segments concatenate back to `text`.
 */
export function buildHighlightSegments(text: string, ranges: readonly HighlightRange[]): HighlightSegment[] {
  const spans = ranges
    .map((range, order) => normalise(text, range, order))
    .filter((span) => span !== null)
    .sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);

  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      for (const note of span.notes) if (!last.notes.includes(note)) last.notes.push(note);
      last.level = moreSevere(last.level, span.level);
    } else {
      merged.push({ start: span.start, end: span.end, notes: [...span.notes], level: span.level });
    }
  }

  const segments: HighlightSegment[] = [];
  const plain = (start: number, end: number) => {
    if (end > start) segments.push({ text: text.slice(start, end), start, end, highlighted: false, notes: [], level: null });
  };
  let cursor = 0;
  for (const span of merged) {
    plain(cursor, span.start);
    segments.push({ text: text.slice(span.start, span.end), ...span, highlighted: true });
    cursor = span.end;
  }
  plain(cursor, text.length);
  return segments;
}
