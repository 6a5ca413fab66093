import { describe, expect, it } from 'vitest';
import { buildHighlightSegments, type HighlightSegment } from './highlight';

/** `[text]` for a mark, plain text as is: easy to read in an assertion. */
const render = (segments: HighlightSegment[]) => segments.map((s) => (s.highlighted ? `[${s.text}]` : s.text)).join('');

describe('buildHighlightSegments', () => {
  const text = '向社会公众宣传，承诺年化收益，到期还本付息';

  it('returns the whole text as one plain segment when nothing is marked', () => {
    expect(buildHighlightSegments(text, [])).toEqual([
      { text, start: 0, end: text.length, highlighted: false, notes: [], level: null },
    ]);
    expect(buildHighlightSegments('', [{ start: 0, end: 3 }])).toEqual([]);
  });

  it('marks each range with its note and level, keeping offsets, whatever order the ranges come in', () => {
    const segments = buildHighlightSegments(text, [
      { start: 17, end: 21, note: 'FIN-DEPOSIT-01 疑似非法吸收公众存款', level: 'orange' },
      { start: 1, end: 5, note: 'FIN-DEPOSIT-01 疑似非法吸收公众存款', level: 'orange' },
    ]);
    expect(render(segments)).toBe('向[社会公众]宣传，承诺年化收益，到期[还本付息]');
    expect(segments[1]).toEqual({
      text: '社会公众',
      start: 1,
      end: 5,
      highlighted: true,
      notes: ['FIN-DEPOSIT-01 疑似非法吸收公众存款'],
      level: 'orange',
    });
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('merges overlapping ranges into one mark with every distinct note and the most severe level', () => {
    const segments = buildHighlightSegments('非法吸收公众存款', [
      { start: 0, end: 6, note: '规则甲', level: 'yellow' },
      { start: 2, end: 8, note: '规则乙', level: 'red' },
      { start: 4, end: 6, note: '规则甲', level: 'blue' },
    ]);
    expect(render(segments)).toBe('[非法吸收公众存款]');
    expect(segments[0]!.notes).toEqual(['规则甲', '规则乙']);
    expect(segments[0]!.level).toBe('red');
  });

  it('folds nested ranges into the outer one and leaves touching ranges as separate marks', () => {
    expect(render(buildHighlightSegments(text, [{ start: 1, end: 7 }, { start: 2, end: 4 }]))).toBe(
      '向[社会公众宣传]，承诺年化收益，到期还本付息',
    );
    const touching = buildHighlightSegments('还本付息', [{ start: 0, end: 2, note: '甲' }, { start: 2, end: 4, note: '乙' }]);
    expect(touching.map((s) => [s.text, s.notes])).toEqual([
      ['还本', ['甲']],
      ['付息', ['乙']],
    ]);
  });

  it('clamps ranges that run past either end and drops those wholly outside or empty', () => {
    expect(render(buildHighlightSegments('吸收资金', [{ start: -3, end: 2 }, { start: 3, end: 99 }]))).toBe('[吸收]资[金]');
    expect(
      render(
        buildHighlightSegments('吸收资金', [
          { start: 10, end: 12 },
          { start: -5, end: 0 },
          { start: 2, end: 2 },
          { start: 3, end: 1 },
          { start: Number.NaN, end: 2 },
        ]),
      ),
    ).toBe('吸收资金');
  });

  it('never cuts a surrogate pair: a range ending or starting inside one takes the whole character', () => {
    const withEmoji = '甲😀乙𠮷丙'; // 😀 and 𠮷 are two UTF-16 code units each
    expect(withEmoji.length).toBe(7);
    // end = 2 falls between the halves of 😀; start = 5 falls between the halves of 𠮷.
    const segments = buildHighlightSegments(withEmoji, [{ start: 0, end: 2 }, { start: 5, end: 7 }]);
    expect(render(segments)).toBe('[甲😀]乙[𠮷丙]');
    for (const segment of segments) expect(segment.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    expect(segments.map((s) => s.text).join('')).toBe(withEmoji);
  });

  it('keeps a 100,000-character text in few segments quickly', () => {
    const long = '甲'.repeat(100_000);
    const ranges = Array.from({ length: 2_000 }, (_, i) => ({ start: i * 50, end: i * 50 + 10 }));
    const started = performance.now();
    const segments = buildHighlightSegments(long, ranges);
    expect(performance.now() - started).toBeLessThan(200);
    expect(segments.filter((s) => s.highlighted)).toHaveLength(2_000);
    expect(segments.map((s) => s.text).join('')).toBe(long);
  });
});
