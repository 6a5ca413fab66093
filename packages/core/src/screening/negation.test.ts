import { describe, expect, it } from 'vitest';
import { compileNegation, DEFAULT_NEGATION } from './negation.js';

const matcher = compileNegation(DEFAULT_NEGATION);

/** Whether the first occurrence of `keyword` in `text` is negated. */
function negated(text: string, keyword: string): boolean {
  const start = text.indexOf(keyword);
  if (start < 0) throw new Error(`${keyword} not in ${text}`);
  return matcher.isNegated(text, start);
}

describe('compileNegation with the default settings', () => {
  it.each([
    ['被告人没有殴打他人', '殴打'],
    ['被告人否认曾殴打他人', '殴打'],
    ['该公司并非向社会公众吸收资金', '向社会公众'],
    ['被告人并未向不特定对象宣传', '向不特定对象'],
    ['证人称被告人不是持刀行凶', '持刀'],
    ['被告人没有殴打、辱骂他人', '辱骂'],
  ])('voids the hit in “%s” (%s)', (text, keyword) => {
    expect(negated(text, keyword)).toBe(true);
  });

  it.each([
    ['被告人随意殴打他人', '殴打'],
    ['未经有关部门批准，向社会公众吸收资金', '向社会公众'],
    ['被告人未经批准向社会公众吸收资金', '向社会公众'],
    ['殴打未成年人致轻微伤', '轻微伤'],
    ['被告人否认，但证据证明其殴打他人', '殴打'],
    ['贷款到期后仍未归还借款', '借款'],
  ])('keeps the hit in “%s” (%s)', (text, keyword) => {
    expect(negated(text, keyword)).toBe(false);
  });

  it('looks back no further than the window', () => {
    const near = compileNegation({ cues: ['没有'], ignore: [], window: 4 });
    expect(near.isNegated('没有对他殴打', 4)).toBe(true);
    expect(near.isNegated('没有对他人实施殴打', 7)).toBe(false);
  });

  it('never negates a hit at the start of the text', () => {
    expect(matcher.isNegated('殴打他人', 0)).toBe(false);
  });

  it('does not count a cue that overlaps the keyword itself', () => {
    // keyword 不是人 starts at 2; the cue 不是 is inside it, not before it
    expect(matcher.isNegated('他说不是人干的', 2)).toBe(false);
  });
});
