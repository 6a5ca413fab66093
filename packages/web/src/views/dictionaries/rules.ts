import { DictionaryCreateInput } from '@courtrisk/core';
import type { FormRules } from 'element-plus';
import { zodRule } from '../../utils/form-rules';

export const dictionaryRules: FormRules = {
  type: [zodRule(DictionaryCreateInput.shape.type, { trigger: 'change' })],
  code: [zodRule(DictionaryCreateInput.shape.code)],
  label: [zodRule(DictionaryCreateInput.shape.label)],
};
