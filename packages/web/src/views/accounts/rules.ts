import { AccountCreateInput } from '@courtrisk/core';
import type { FormRules } from 'element-plus';
import { zh } from '../../locales/zh-CN';
import { requiredChoice, zodRule } from '../../utils/form-rules';

export const accountRules: FormRules = {
  courtId: [requiredChoice(zh.common.courtPlaceholder)],
  username: [zodRule(AccountCreateInput.shape.username)],
  displayName: [zodRule(AccountCreateInput.shape.displayName)],
  phone: [zodRule(AccountCreateInput.shape.phone, { required: false })],
};
