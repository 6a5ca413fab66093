import { AccountCreateInput, LoginInput } from '@courtrisk/core';
import type { FormItemRule } from 'element-plus';
import { describe, expect, it } from 'vitest';
import { requiredChoice, zodRule } from './form-rules';

/** Runs a rule's validator the way Element Plus does and returns the message, or null when it passes. */
function check(rule: FormItemRule, value: unknown): string | null {
  let outcome: string | null | undefined;
  rule.validator!(rule, value, (error?: string | Error) => {
    outcome = error ? String(error instanceof Error ? error.message : error) : null;
  }, {}, {});
  if (outcome === undefined) throw new Error('validator never called back');
  return outcome;
}

describe('zodRule', () => {
  it('passes a value the core schema accepts', () => {
    expect(check(zodRule(AccountCreateInput.shape.username), 'zhangsan')).toBeNull();
  });

  it("reports the schema's first Chinese message for a rejected value", () => {
    expect(check(zodRule(AccountCreateInput.shape.username), '1abc')).toBe(
      '账号须以字母开头，3–32 位字母、数字、下划线、点或连字符',
    );
    expect(check(zodRule(LoginInput.shape.password), '')).toBe('请输入密码');
    expect(check(zodRule(AccountCreateInput.shape.displayName), '   ')).toBe('姓名不能为空');
  });

  it('marks the field required by default, so the form shows its asterisk', () => {
    expect(zodRule(LoginInput.shape.username).required).toBe(true);
    expect(zodRule(LoginInput.shape.username).trigger).toBe('blur');
  });

  it('lets an optional field stay empty but still checks what is typed', () => {
    const phone = zodRule(AccountCreateInput.shape.phone, { required: false });
    expect(phone.required).toBe(false);
    expect(check(phone, '')).toBeNull();
    expect(check(phone, null)).toBeNull();
    expect(check(phone, 'abc')).toBe('电话号码格式不正确');
    expect(check(phone, '010-12345678')).toBeNull();
  });
});

describe('requiredChoice', () => {
  it('asks for a choice when nothing (or an empty list) is selected', () => {
    const rule = requiredChoice('请选择法院');
    expect(check(rule, '')).toBe('请选择法院');
    expect(check(rule, undefined)).toBe('请选择法院');
    expect(check(rule, [])).toBe('请选择法院');
    expect(check(rule, 'court-1')).toBeNull();
  });
});
