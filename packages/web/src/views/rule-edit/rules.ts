import { parseAmount, type DryRunInput } from '@courtrisk/core';
import type { FormItemRule, FormRules } from 'element-plus';
import { zh } from '../../locales/zh-CN';

export { commentRules as saveRules } from '../rules/rules';

/** The 试运行 form as typed: causes and amount as free text. */
export interface DryRunForm {
  facts: string;
  claims: string;
  causes: string;
  amount: string;
}

const amountRule: FormItemRule = {
  trigger: 'blur',
  validator: (_rule, value: unknown, callback: (error?: Error) => void) => {
    const text = typeof value === 'string' ? value.trim() : '';
    if (!text) return callback();
    const parsed = parseAmount(text);
    callback(parsed.ok ? undefined : new Error(parsed.message));
  },
};

export const dryRunRules: FormRules = {
  facts: [{ required: true, trigger: 'blur', message: zh.ruleEdit.dryFactsRequired, whitespace: true }],
  amount: [amountRule],
};

/** The form as the dry-run endpoint takes it: causes split on 、，; and spaces, amounts in exact yuan (15万 → 150000). */
export function toDryRunInput(form: DryRunForm): Pick<DryRunInput, 'facts' | 'claims' | 'causes'> & { amount?: string } {
  const causes = form.causes
    .split(/[、,，;；\s]+/)
    .map((cause) => cause.trim())
    .filter(Boolean)
    .slice(0, 10);
  const amount = form.amount.trim() ? parseAmount(form.amount) : null;
  return {
    facts: form.facts,
    claims: form.claims,
    causes,
    ...(amount?.ok ? { amount: amount.yuan } : {}),
  };
}
