import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from './password-policy.js';

// 等保2.0 (GB/T 22239-2019) 8.1.4.1 a: passwords must meet complexity requirements.
describe('checkPasswordPolicy', () => {
  it.each([
    ['Fayuan#2026', 'zhang', []],
    ['fayuan#2026x', 'zhang', []],
    ['FAYUAN2026ab', 'zhang', []],
    ['Fa#2026', 'zhang', ['密码至少 10 位']],
    ['fayuanfayuan', 'zhang', ['密码须包含大写字母、小写字母、数字、符号中的至少三类']],
    ['2026202620262026', 'zhang', ['密码须包含大写字母、小写字母、数字、符号中的至少三类']],
    ['Zhang#20261', 'zhang', ['密码不能包含账号名']],
    ['xxZHANGxx#1', 'Zhang', ['密码不能包含账号名']],
  ])('%s for account %s → %j', (password, username, expected) => {
    expect(checkPasswordPolicy(password, username)).toEqual(expected);
  });

  it('counts characters, not UTF-16 units, for the length rule', () => {
    expect(checkPasswordPolicy('法院法院法院法院A1', 'x')).toEqual([]);
    expect(checkPasswordPolicy('😀😀😀😀a1', 'x')).toContain('密码至少 10 位');
  });
});
