import { describe, expect, it } from 'vitest';
import { formatPartyList, inferPartyKind, parsePartyList } from './parties.js';

describe('parsePartyList', () => {
  it('parses roles, names, kinds and flags', () => {
    const result = parsePartyList('原告：张三（老年人）；被告：某某房地产开发有限公司；第三人:李四(法人)\n被告：某区住房和城乡建设局');
    expect(result).toEqual({
      ok: true,
      parties: [
        { role: '原告', name: '张三', kind: 'natural', flags: ['elderly'] },
        { role: '被告', name: '某某房地产开发有限公司', kind: 'legal', flags: [] },
        { role: '第三人', name: '李四', kind: 'legal', flags: [] },
        { role: '被告', name: '某区住房和城乡建设局', kind: 'state_organ', flags: [] },
      ],
    });
  });
  it.each([
    ['张三', '角色：名称'],
    ['证人：张三', '诉讼地位“证人”'],
    ['原告：张三（外星人）', '标注“外星人”无法识别'],
  ])('explains %s', (cell, reason) => {
    const result = parsePartyList(cell);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(reason);
  });
  it('round-trips through formatPartyList', () => {
    const parsed = parsePartyList('原告：张三（自然人、涉外）；被告：某银行股份有限公司某支行（非法人组织）');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsePartyList(formatPartyList(parsed.parties))).toEqual(parsed);
  });
  it.each([
    ['某某科技有限公司', 'legal'],
    ['中国某某银行股份有限公司某支行', 'other_org'],
    ['某市人民政府', 'state_organ'],
    ['王五', 'natural'],
  ])('infers %s as %s', (name, kind) => {
    expect(inferPartyKind(name)).toBe(kind);
  });
});
