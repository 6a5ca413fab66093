import { RulePackSaveInput } from '@courtrisk/core';
import type { FormRules } from 'element-plus';
import { zodRule } from '../../utils/form-rules';

/**
 * Every rule-pack change becomes a version with a comment (saving, enabling, disabling), so the
 * history says why; the server's limits and messages apply.
 */
export const commentRules: FormRules = {
  comment: [zodRule(RulePackSaveInput.shape.comment)],
};
