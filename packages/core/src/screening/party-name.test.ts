import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePartyName } from './party-name.js';

describe('normalizePartyName', () => {
  it.each([
    ['王某', '王某'],
    [' 王某 ', '王某'],
    ['王　某', '王某'],
    ['王  某', '王某'],
    ['王\u200b某', '王某'],
    ['\ufeff王某', '王某'],
    ['ＡＢＣ（北京）有限公司', 'abc(北京)有限公司'],
    ['ABC(北京)有限公司', 'abc(北京)有限公司'],
    ['John  Smith', 'johnsmith'],
    ['阿卜杜•热合曼', '阿卜杜·热合曼'],
    ['阿卜杜・热合曼', '阿卜杜·热合曼'],
    ['阿卜杜･热合曼', '阿卜杜·热合曼'],
    ['某某小额贷款有限公司', '某某小额贷款有限公司'],
  ])('%s → %s', (name, expected) => {
    expect(normalizePartyName(name)).toBe(expected);
  });

  it('keeps names that differ in anything but width, case, spacing and middle dots apart', () => {
    expect(normalizePartyName('王某')).not.toBe(normalizePartyName('汪某'));
    expect(normalizePartyName('張三')).not.toBe(normalizePartyName('张三'));
    expect(normalizePartyName('王某某')).not.toBe(normalizePartyName('王某'));
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (name) => {
        const once = normalizePartyName(name);
        expect(normalizePartyName(once)).toBe(once);
      }),
    );
  });
});
