import { RiskAssignDownInput, RiskCreateInput } from '@courtrisk/core';
import type { FormRules } from 'element-plus';
import { zh } from '../../locales/zh-CN';
import { requiredChoice, zodRule } from '../../utils/form-rules';

const field = RiskCreateInput.shape;

/** 上报风险: the same limits and Chinese messages as the server's RiskCreateInput. */
export const riskCreateRules: FormRules = {
  domain: [requiredChoice(zh.riskForm.domainRequired)],
  subtype: [zodRule(field.subtype, { trigger: 'change' })],
  title: [zodRule(field.title)],
  description: [zodRule(field.description)],
  likelihood: [zodRule(field.likelihood, { trigger: 'change' })],
  impact: [zodRule(field.impact, { trigger: 'change' })],
  tags: [zodRule(field.tags, { required: false, trigger: 'change' })],
};

/** 上级交办 adds the lower court and the instruction to the same fields. */
export const assignDownRules: FormRules = {
  ...riskCreateRules,
  courtId: [requiredChoice(zh.riskForm.lowerCourtRequired)],
  instruction: [zodRule(RiskAssignDownInput.shape.instruction)],
};
