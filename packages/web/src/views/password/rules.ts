import { ChangePasswordInput, checkPasswordPolicy } from '@courtrisk/core';
import type { FormRules } from 'element-plus';
import { zh } from '../../locales/zh-CN';
import { zodRule } from '../../utils/form-rules';

export interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Core's schema for the fields, core's password policy for the new one, and the confirmation match. */
export function createPasswordRules(form: PasswordForm, username: () => string): FormRules<PasswordForm> {
  return {
    currentPassword: [zodRule(ChangePasswordInput.shape.currentPassword)],
    newPassword: [
      zodRule(ChangePasswordInput.shape.newPassword),
      {
        trigger: 'blur',
        validator: (_rule, value: string, callback: (error?: Error) => void) => {
          const problem = checkPasswordPolicy(value, username())[0];
          callback(problem ? new Error(problem) : undefined);
        },
      },
    ],
    confirmPassword: [
      {
        required: true,
        trigger: 'blur',
        validator: (_rule, value: string, callback: (error?: Error) => void) => {
          callback(value === form.newPassword ? undefined : new Error(zh.password.mismatch));
        },
      },
    ],
  };
}
