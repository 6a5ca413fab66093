import type { FormRules } from 'element-plus';
import { zh } from '../../locales/zh-CN';
import { requiredChoice } from '../../utils/form-rules';

export const importRules: FormRules = {
  courtId: [requiredChoice(zh.common.courtPlaceholder)],
  file: [requiredChoice(zh.caseImport.fileRequired)],
};
