import { WarningRiskInput, WarningTriageInput } from '@courtrisk/core';
import type { FormRules } from 'element-plus';
import { zh } from '../../locales/zh-CN';
import { requiredChoice, zodRule } from '../../utils/form-rules';

const [, , dismissInput] = WarningTriageInput.options;

/** 排除 needs a reason (it feeds the rule's precision figure), with the server's own limits. */
export const dismissRules: FormRules = {
  reason: [zodRule(dismissInput.shape.reason)],
};

/** 合并 needs the warning to merge into. */
export const mergeRules: FormRules = {
  intoWarningId: [requiredChoice(zh.warningCard.mergeTargetRequired)],
};

const [newRiskInput] = WarningRiskInput.options;

/** 确认: a new risk's title (prefilled from the warning) within the server's limits, or the risk to join. */
export const confirmRules: FormRules = {
  title: [zodRule(newRiskInput.shape.title, { required: false })],
  riskId: [requiredChoice(zh.warningCard.joinTargetRequired)],
};
