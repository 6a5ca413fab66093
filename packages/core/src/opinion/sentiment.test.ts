import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSentimentScorer, DEFAULT_SENTIMENT_LEXICON, SentimentLexicon } from './sentiment.js';

const scorer = createSentimentScorer();
const values = (text: string) => scorer.score(text).contributions.map((c) => [c.word, c.value]);

describe('the shipped lexicon', () => {
  it('says where it comes from and validates', () => {
    expect(DEFAULT_SENTIMENT_LEXICON.source).toContain('Written for CourtRisk');
    expect(Object.keys(DEFAULT_SENTIMENT_LEXICON.negative).length).toBeGreaterThan(100);
  });

  it('rejects a word listed in two categories', () => {
    const result = SentimentLexicon.safeParse({ ...DEFAULT_SENTIMENT_LEXICON, neutral: [...DEFAULT_SENTIMENT_LEXICON.neutral, '满意'] });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['“满意”同时出现在 positive 和 neutral 中']);
  });
});

describe('negation and degree', () => {
  it.each<[string, [string, number][]]>([
    ['法院处理得很满意', [['满意', 3]]],
    ['非常满意', [['满意', 3.6]]],
    ['有点失望', [['失望', -1.2]]],
    // A negator flips the sign.
    ['不满意', [['不满意', -2]]],
    ['并不公正', [['公正', -2]]],
    ['没有拖延', [['拖延', 2]]],
    ['没有问题', [['问题', 1]]],
    // Two negators cancel.
    ['不是不好', [['好', 1]]],
    // Negator before degree hedges (mildly negative); degree before negator intensifies.
    ['不太满意', [['满意', -1]]],
    ['太不满意', [['不满意', -3]]],
    ['不是很公平', [['公平', -1]]],
  ])('%j → %j', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it('keeps words that merely contain a negator or degree word neutral', () => {
    expect(values('法院不断公开真相，未来最高人民法院将更新规则')).toEqual([]);
    expect(values('不仅高效而且公正')).toEqual([['高效', 2], ['公正', 2]]);
  });

  it('does not carry a negator across a clause boundary or past a sentiment word', () => {
    expect(values('不，法官很公正')).toEqual([['公正', 3]]);
    expect(values('没有拖延推诿')).toEqual([['拖延', 2], ['推诿', -2]]);
  });

  it('ignores a modifier too far before the word', () => {
    expect(values('不知道这件事后来怎么样了满意')).toEqual([['满意', 2]]);
  });
});

describe('score, label and explanation', () => {
  it('labels a negative post and explains which words moved the score', () => {
    const result = scorer.score('法官徇私枉法，判决极其不公，家属非常愤怒，并不满意法院的答复。');
    expect(result.label).toBe('negative');
    expect(result.score).toBe(-14.6);
    expect(result.contributions.map((c) => c.explanation)).toEqual([
      '“徇私枉法”-3',
      '“极其”×2“不公”（-3）→ -6',
      '“非常”×1.8“愤怒”（-2）→ -3.6',
      '“并不”否定“满意”（+2）→ -2',
    ]);
    expect(result.contributions[0]).toMatchObject({ start: 2, end: 6 });
  });

  it('labels praise positive and plain reporting neutral', () => {
    expect(scorer.score('为法院高效执行点赞！').label).toBe('positive');
    expect(scorer.score('某区人民法院今日公开开庭审理一起合同纠纷案件。').label).toBe('neutral');
  });

  it('flips the label when a negator is put before a lone sentiment word (property)', () => {
    const words = Object.keys(DEFAULT_SENTIMENT_LEXICON.positive).filter((w) => !/^[不没未无非别]/.test(w) && w.length >= 2);
    fc.assert(
      fc.property(fc.constantFrom(...words), (word) => {
        const plain = scorer.score(`大家都说${word}。`).score;
        const negated = scorer.score(`大家都说没有${word}。`).score;
        return plain > 0 && negated === -plain;
      }),
    );
  });
});
