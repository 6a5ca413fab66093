import { LoginInput } from '@courtrisk/core';
import type { FormRules } from 'element-plus';
import { zodRule } from '../../utils/form-rules';

export const loginRules: FormRules = {
  username: [zodRule(LoginInput.shape.username)],
  password: [zodRule(LoginInput.shape.password)],
};
