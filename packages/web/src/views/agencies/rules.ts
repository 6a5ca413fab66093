import { AgencyContact, AgencyInput } from '@courtrisk/core';
import type { FormItemRule, FormRules } from 'element-plus';
import { zh } from '../../locales/zh-CN';
import { requiredChoice, zodRule } from '../../utils/form-rules';
import { isBlankContact, type AgencyForm } from './useAgencies';

/** 联系人 rows: each named, phone and title within the server's limits; named by row number. Blank rows are dropped on saving. */
export function contactsProblem(form: AgencyForm): string | null {
  for (const [index, contact] of form.contacts.entries()) {
    if (isBlankContact(contact)) continue;
    const parsed = AgencyContact.safeParse({
      name: contact.name,
      ...(contact.phone.trim() ? { phone: contact.phone } : {}),
      ...(contact.title.trim() ? { title: contact.title } : {}),
    });
    if (!parsed.success) return zh.agencies.contactProblem(index + 1, parsed.error.issues[0]?.message ?? zh.errors.unexpected);
  }
  return null;
}

export function agencyRules(form: () => AgencyForm): FormRules {
  const contacts: FormItemRule = {
    trigger: 'change',
    validator: (_rule, _value, callback: (error?: Error) => void) => {
      const problem = contactsProblem(form());
      callback(problem ? new Error(problem) : undefined);
    },
  };
  return {
    name: [zodRule(AgencyInput.shape.name)],
    kind: [requiredChoice(zh.agencies.kindRequired)],
    contacts: [contacts],
    note: [zodRule(AgencyInput.shape.note, { required: false })],
  };
}
