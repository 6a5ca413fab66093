import { describe, expect, it } from 'vitest';
import { checkOpinionFile, MAX_OPINION_FILE_BYTES } from '../opinion-import/useOpinionImport';
import { analysedText, blankOpinionForm, buildTrendOption, opinionHighlights, splitAtTitle, toOpinionInput } from './opinion-view';

describe('opinion view helpers', () => {
  it('marks sentiment words and the evidence of matches not rejected, at their offsets', () => {
    const item = { title: '标题', text: '原告王伟表示极其愤怒' };
    const text = analysedText(item);
    const start = text.indexOf('愤怒');
    const ranges = opinionHighlights({
      sentiment: { positive: 0, negative: -2, contributions: [{ word: '愤怒', start, end: start + 2, base: -2, value: -4, explanation: '“极其”×2“愤怒”（-2）→ -4', modifiers: [] }] },
      matches: [
        { id: 'm1', caseId: 'c1', caseNumber: '(2026)示01民初1号', score: 30, confidence: 'low', status: 'suggested', decidedAt: null, decidedBy: null, note: null, evidence: [{ kind: 'party', value: '王伟', start: 5, end: 7, snippet: '', snippetStart: 0 }] },
        { id: 'm2', caseId: 'c2', caseNumber: '(2026)示01民初2号', score: 30, confidence: 'low', status: 'rejected', decidedAt: null, decidedBy: null, note: '非本案', evidence: [{ kind: 'party', value: '王伟', start: 5, end: 7, snippet: '', snippetStart: 0 }] },
      ],
    });
    expect(ranges).toEqual([
      { start, end: start + 2, note: '“极其”×2“愤怒”（-2）→ -4', level: 'red' },
      { start: 5, end: 7, note: '(2026)示01民初1号：王伟' },
    ]);
    expect(text.slice(5, 7)).toBe('王伟');
  });

  it('sends Beijing-time instants and leaves out empty optional fields and metrics', () => {
    const form = { ...blankOpinionForm(), sourceKind: 'weibo' as const, sourceName: ' 网友 ', title: ' 标题 ', text: '正文', publishedAt: '2026-03-01T08:30:00' };
    expect(toOpinionInput(form, () => 'NOW')).toEqual({ sourceKind: 'weibo', sourceName: '网友', title: '标题', text: '正文', publishedAt: '2026-03-01T08:30:00+08:00' });
    expect(toOpinionInput({ ...form, reposts: 5 }, () => '2026-03-02T00:00:00.000Z').metrics).toEqual({ capturedAt: '2026-03-02T00:00:00.000Z', reads: 0, reposts: 5, comments: 0, likes: 0 });
  });

  it('draws the total as bars and each item as a line', () => {
    const option = buildTrendOption({ dates: ['2026-03-01', '2026-03-02'], total: [10, 30], series: [{ itemId: 'i', title: '一个很长很长很长很长很长的舆情标题', sentimentLabel: 'negative', heats: [null, 20] }] });
    const series = option.series as { type: string; name: string; data: unknown[] }[];
    expect(series.map((s) => s.type)).toEqual(['bar', 'line']);
    expect(series[1]!.name).toBe('一个很长很长很长很长很长的舆…');
    expect(series[1]!.data).toEqual([null, 20]);
  });

  it('accepts CSV, XLSX and JSONL up to 10 MB only', () => {
    expect(checkOpinionFile({ name: '舆情.xlsx', size: 10 })).toBeNull();
    expect(checkOpinionFile({ name: 'a.xls', size: 10 })).toBe('只支持 CSV、XLSX、JSONL 文件');
    expect(checkOpinionFile({ name: 'a.csv', size: MAX_OPINION_FILE_BYTES + 1 })).toBe('文件超过 10 MB，请拆分后导入');
  });
});

describe('splitAtTitle', () => {
  it('splits segments at the line break after the title, marks crossing it included', async () => {
    const { buildHighlightSegments } = await import('../../utils/highlight');
    const text = analysedText({ title: '标题甲', text: '正文乙丙' });
    const { title, body } = splitAtTitle(buildHighlightSegments(text, [{ start: 2, end: 6 }]), 3);
    expect(title.map((s) => [s.text, s.highlighted])).toEqual([['标题', false], ['甲', true]]);
    expect(body.map((s) => [s.text, s.highlighted])).toEqual([['正文', true], ['乙丙', false]]);
  });
});
