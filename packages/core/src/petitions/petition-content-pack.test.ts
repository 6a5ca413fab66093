import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRulePack } from '../screening/parse-rule-pack.js';
import { screenPetitionContent } from './flags.js';
import { compilePetitionPack, PETITION_PACK_URL } from './test-support.js';

const text = readFileSync(PETITION_PACK_URL, 'utf8');
const screener = compilePetitionPack(text);
const fired = (content: string, demands = '') => screenPetitionContent(screener, { content, demands }).map((finding) => finding.ruleId);

describe('petition-content pack (极端言行)', () => {
  it('is a social-stability pack whose every rule cites its basis with an edition', () => {
    const parsed = parseRulePack(text);
    if (!parsed.ok) throw new Error('pack does not parse');
    expect(parsed.pack.domain).toBe('social_stability');
    expect(parsed.pack.rules.map((rule) => rule.id)).toEqual(['PET-SELF-HARM-01', 'PET-HARM-OTHERS-01', 'PET-EXPLOSIVE-FIRE-01', 'PET-THREAT-01']);
    for (const rule of parsed.pack.rules) expect(rule.source.every((citation) => citation.edition.length > 0)).toBe(true);
  });

  // Hand-written examples in the register of reception records (never taken from real records).
  it.each([
    ['信访人情绪激动，扬言法院不给说法就自焚。', 'PET-SELF-HARM-01'],
    ['称再拖下去只能从法院楼顶跳楼，一死了之。', 'PET-SELF-HARM-01'],
    ['走投无路，只能喝农药死在法院门口。', 'PET-SELF-HARM-01'],
    ['没有活路了，不想活了。', 'PET-SELF-HARM-01'],
    ['告状无门，只能以死相逼。', 'PET-SELF-HARM-01'],
    ['扬言要报复承办法官及其家人。', 'PET-HARM-OTHERS-01'],
    ['称如果败诉就跟你们拼了，血债血偿。', 'PET-HARM-OTHERS-01'],
    ['扬言要把法院炸了，并称已准备好汽油瓶。', 'PET-EXPLOSIVE-FIRE-01'],
    ['安检时发现其随身携带汽油。', 'PET-EXPLOSIVE-FIRE-01'],
    ['称诉求未解决就组织人员到法院门口拉横幅、静坐。', 'PET-THREAT-01'],
    ['扬言要把事情闹到北京去。', 'PET-THREAT-01'],
  ])('fires on %j', (content, ruleId) => {
    expect(fired(content)).toContain(ruleId);
  });

  // Denials as staff record them, and complaints that only name the words.
  it.each([
    '接谈中信访人情绪稳定，无过激言行。',
    '经了解，信访人并无自杀倾向，否认有轻生念头。',
    '未发现其有过激行为。',
    '信访人表示不会再有过激行为，服从判决。',
    '反映其在执行中遭到被执行人打击报复。',
    '反映对方当事人涉嫌杀人，要求追究刑事责任。',
    '反映邻居家燃气管道爆炸造成损失，要求赔偿。',
    '申请再审，请求撤销原判决。',
  ])('raises nothing on %j', (content) => {
    expect(fired(content)).toEqual([]);
  });

  it('a denial in an earlier clause does not reach the threat', () => {
    expect(fired('无其他诉求，如不解决就跳楼。')).toEqual(['PET-SELF-HARM-01']);
  });

  it('is invisible to case screening: it lives below the directory whose top-level *.yaml the loaders read', () => {
    const rulesDir = new URL('../../rules/', import.meta.url);
    const topLevelPacks = readdirSync(rulesDir).filter((name) => name.endsWith('.yaml'));
    expect(topLevelPacks).not.toContain('petition_content.yaml');
    expect(PETITION_PACK_URL.href.startsWith(new URL('petition/', rulesDir).href)).toBe(true);
  });
});
