import type { FormItemRule } from 'element-plus';
import { describe, expect, it } from 'vitest';
import { blankPetitionForm, type PetitionForm } from './usePetitioners';
import { petitionRulesFor } from './rules';

/** The first message the rules of `field` give for `value`, or undefined when they pass. */
function check(form: PetitionForm, field: string, value: unknown): string | undefined {
  const rules = petitionRulesFor(() => form)[field] as FormItemRule[];
  for (const rule of rules) {
    let message: string | undefined;
    rule.validator!(rule, value, (error?: string | Error) => (message = error instanceof Error ? error.message : error), {}, {});
    if (message) return message;
  }
  return undefined;
}

describe('petitionRulesFor (登记来访 and 编辑信访件)', () => {
  it('asks a 涉诉 petition for a case, as the server does (诉访分离)', () => {
    expect(check({ ...blankPetitionForm(), nature: 'litigation' }, 'caseIds', [])).toBe('涉诉信访请关联至少一件案件（诉访分离：导入该案的法律程序）');
    expect(check({ ...blankPetitionForm(), nature: 'litigation' }, 'caseIds', ['c1'])).toBeUndefined();
    expect(check(blankPetitionForm(), 'caseIds', [])).toBeUndefined();
  });

  it('asks an 上级转交 petition for the transferring organ', () => {
    expect(check({ ...blankPetitionForm(), channel: 'upper_transfer' }, 'forwardedBy', ' ')).toBe('上级转交的信访件请填写转交机关');
    expect(check({ ...blankPetitionForm(), channel: 'upper_transfer' }, 'forwardedBy', '省高院')).toBeUndefined();
    expect(check(blankPetitionForm(), 'forwardedBy', '')).toBeUndefined();
  });

  it('names the field in the core contract’s words', () => {
    expect(check(blankPetitionForm(), 'petitionerIds', [])).toBe('请选择至少一名信访人');
    expect(check(blankPetitionForm(), 'content', '短')).toContain('信访内容');
  });
});
