import { RoleCreateInput } from '@courtrisk/core';
import type { FormRules } from 'element-plus';
import { zh } from '../../locales/zh-CN';
import { requiredChoice, zodRule } from '../../utils/form-rules';

export const roleRules: FormRules = {
  name: [zodRule(RoleCreateInput.shape.name)],
  code: [zodRule(RoleCreateInput.shape.code)],
  scope: [requiredChoice(zh.roles.scopePlaceholder)],
  remark: [zodRule(RoleCreateInput.shape.remark, { required: false })],
};
