import { describe, expect, it } from 'vitest';
import { causeNameKeys, normalizeCauseName } from './normalize.js';

describe('normalizeCauseName', () => {
  it.each([
    ['民间借贷纠纷', '民间借贷纠纷'],
    [' 民间 借贷　纠纷 ', '民间借贷纠纷'],
    ['企业名称（商号）合同纠纷', '企业名称(商号)合同纠纷'],
    ['企业名称(商号)合同纠纷', '企业名称(商号)合同纠纷'],
    ['[窝藏、包庇]', '窝藏、包庇'],
    ['［窝藏、包庇］罪', '窝藏、包庇罪'],
    ['[伪造、变造、买卖]国家机关[公文、证件、印章]', '伪造、变造、买卖国家机关公文、证件、印章'],
    ['窝藏,包庇', '窝藏、包庇'],
    ['窝藏，包庇', '窝藏、包庇'],
    ['《非法吸收公众存款罪》', '非法吸收公众存款罪'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeCauseName(input)).toBe(expected);
  });
});

describe('causeNameKeys', () => {
  it('adds the name without its document suffix', () => {
    expect(causeNameKeys('民间借贷纠纷', '纠纷')).toEqual(['民间借贷纠纷', '民间借贷']);
    expect(causeNameKeys('洗钱罪', '罪')).toEqual(['洗钱罪', '洗钱']);
  });

  it('keeps names without the suffix as they are', () => {
    expect(causeNameKeys('劳动争议', '纠纷')).toEqual(['劳动争议']);
    expect(causeNameKeys('纠纷', '纠纷')).toEqual(['纠纷']);
  });
});
