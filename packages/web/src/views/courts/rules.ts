import { CourtCreateInput } from '@courtrisk/core';
import type { FormRules } from 'element-plus';
import { zodRule } from '../../utils/form-rules';

export const courtRules: FormRules = {
  code: [zodRule(CourtCreateInput.shape.code)],
  name: [zodRule(CourtCreateInput.shape.name)],
};
