import { DepartmentCreateInput } from '@courtrisk/core';
import type { FormRules } from 'element-plus';
import { zodRule } from '../../utils/form-rules';

export const departmentRules: FormRules = {
  code: [zodRule(DepartmentCreateInput.shape.code)],
  name: [zodRule(DepartmentCreateInput.shape.name)],
};
